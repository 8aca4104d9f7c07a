/// `presetctl explain SLUG`: show the merged request of one preset and where every value came from.
enum ExplainCommand {
  static let command = CommandLineTool.Command(
    parser: ArgumentParser(
      commandName: "presetctl explain", abstract: "Show a preset's merged request and where each value came from.",
      positionalUsage: "SLUG [PATH]", maxPositionals: 2,
      options: [
        .value("env", "NAME", "Compile for an environment declared in presetctl.yaml (its slugs and overrides)."),
        .value("format", "FORMAT", "Output format: text or json (default text)."),
      ],
      discussion: "PATH defaults to 'presets'. SLUG is the compiled slug (with --env, the environment's slug)."),
    run: run)

  static func run(_ parsed: ArgumentParser.Parsed, _ context: CommandLineTool.Context) -> Int32 {
    guard let format = CommandLineTool.format(parsed, allowed: [.text, .json], context: context) else {
      return CommandLineTool.exitError
    }
    guard let slug = parsed.positionals.first else {
      context.console.error("error: name the preset to explain: presetctl explain SLUG [PATH]\n")
      return CommandLineTool.exitError
    }
    let path = parsed.positionals.dropFirst().first ?? "presets"
    if CompiledInput.refuse([path], format: format, context) { return CommandLineTool.exitError }
    guard let preset = PresetLookup.preset(slug, path: path, retainRequest: true, parsed, context) else {
      return CommandLineTool.exitError
    }
    if format == .json {
      var object = JSONObject()
      object["slug"] = .string(preset.slug)
      object["version"] = .string(preset.version.rawValue)
      object["request"] = preset.request?.value ?? .null
      object["origins"] = .array(origins(preset))
      context.console.write(SafeText.json(JSONWriter.string(.object(object))))
    } else {
      context.console.write(ExplainRenderer(preset: preset).text(style: context.console.outStyle))
    }
    return CommandLineTool.exitOK
  }

  /// `[{"path": "/provider/sort", "file": ..., "line": ...}]` for every leaf of the merged request.
  static func origins(_ preset: Preset) -> [JSONValue] {
    guard let request = preset.request else { return [] }
    var out: [JSONValue] = []
    func walk(_ value: JSONValue, _ pointer: JSONPointer) {
      switch value {
      case .object(let o) where !o.isEmpty: for m in o.members { walk(m.value, pointer.appending(m.key)) }
      case .array(let a) where !a.isEmpty: for (i, e) in a.enumerated() { walk(e, pointer.appending(i)) }
      default:
        let location = request.sourceMap.location(of: pointer)
        out.append(
          .object(
            JSONObject([
              .init(key: "path", value: .string(pointer.description)),
              .init(key: "file", value: .string(location.file)),
              .init(key: "line", value: .number(Double(location.line))),
            ])))
      }
    }
    walk(request.value, .root)
    return out
  }
}
