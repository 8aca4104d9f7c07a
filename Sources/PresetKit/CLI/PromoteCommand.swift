/// `presetctl promote --from staging --to production`: which presets differ between two environments' live state.
enum PromoteCommand {
  static let command = CommandLineTool.Command(
    parser: ArgumentParser(
      commandName: "presetctl promote", abstract: "Compare the live presets of two environments.",
      positionalUsage: "[PATH]", maxPositionals: 1,
      options: [
        .value("from", "ENV", "The environment whose live state would be promoted (e.g. staging)."),
        .value("to", "ENV", "The environment it would be promoted to (e.g. production)."),
        .value("format", "FORMAT", "Output format: text or json (default text)."),
        Compiler.allowEmptyOption,
      ] + RemoteOptions.options,
      discussion: """
        Versions hash content only (not slugs), so equal versions mean production runs exactly what staging runs.
        Exit status: 0 all equal, 2 some differ or are missing, 1 error.
        """),
    run: run)

  /// One preset across the two environments.
  struct Row {
    var base: String
    var fromSlug: String
    var toSlug: String
    var from: PresetModel?
    var to: PresetModel?
    var same: Bool { from != nil && from?.version == to?.version }
  }

  static func run(_ parsed: ArgumentParser.Parsed, _ context: CommandLineTool.Context) -> Int32 {
    guard let format = CommandLineTool.format(parsed, allowed: [.text, .json], context: context) else {
      return CommandLineTool.exitError
    }
    guard let fromName = parsed.value("from"), let toName = parsed.value("to") else {
      context.console.error("error: --from ENV and --to ENV are required\n")
      return CommandLineTool.exitError
    }
    let result = Compiler.forCommand(parsed).compile(path: parsed.positionals.first ?? "presets")
    if result.hasErrors {
      context.console.error(
        DiagnosticRenderer.forResult(result, style: context.console.errStyle).render(result.diagnostics, format: .text))
      return CommandLineTool.exitError
    }
    guard let from = result.config.environment(named: fromName), let to = result.config.environment(named: toName)
    else {
      let names = result.config.environments.map(\.name).joined(separator: ", ")
      context.console.error(
        "error: unknown environment (declared in \(RepositoryConfig.fileName): \(names.isEmpty ? "none" : names))\n")
      return CommandLineTool.exitError
    }
    guard let parallelism = RemoteOptions.parallelism(parsed, context),
      let client = RemoteOptions.client(parsed, context)
    else { return CommandLineTool.exitError }
    let bases = result.presets.map(\.slug)
    let slugs = bases.flatMap { [from.slug(for: $0), to.slug(for: $0)] }
    let fetched = AsyncBridge.run { () -> [Result<LivePreset?, RemoteError>] in
      await BoundedConcurrency.map(slugs, parallelism: parallelism) { slug in
        do throws(RemoteError) {
          return .success(try await client.getPreset(slug: slug))
        } catch {
          return .failure(error)
        }
      }
    }
    var rows: [Row] = []
    for (i, base) in bases.enumerated() {
      do throws(RemoteError) {
        let a = try fetched[2 * i].get()
        let b = try fetched[2 * i + 1].get()
        rows.append(
          Row(base: base, fromSlug: from.slug(for: base), toSlug: to.slug(for: base), from: a?.model, to: b?.model))
      } catch {
        context.console.error("error: \(SafeText.terminal(error.description))\n")
        return CommandLineTool.exitError
      }
    }
    render(rows, fromName: fromName, toName: toName, format: format, context)
    return rows.allSatisfy(\.same) ? CommandLineTool.exitOK : CommandLineTool.exitChanges
  }

  static func render(
    _ rows: [Row], fromName: String, toName: String, format: OutputFormat, _ context: CommandLineTool.Context
  ) {
    func state(_ row: Row) -> String {
      if row.from == nil { return "missing in \(fromName)" }
      if row.to == nil { return "missing in \(toName)" }
      return row.same ? "same" : "differs"
    }
    if format == .json {
      let items: [JSONValue] = rows.map { row in
        .object(
          JSONObject([
            .init(key: "preset", value: .string(row.base)), .init(key: "state", value: .string(state(row))),
            .init(key: "from_version", value: row.from.map { .string($0.version.rawValue) } ?? .null),
            .init(key: "to_version", value: row.to.map { .string($0.version.rawValue) } ?? .null),
          ]))
      }
      context.console.write(
        SafeText.json(JSONWriter.string(.object(JSONObject([.init(key: "presets", value: .array(items))])))))
      return
    }
    let style = context.console.outStyle
    let table = TextTable(
      header: ["PRESET", fromName.uppercased(), toName.uppercased(), "STATE"],
      rows: rows.map {
        [
          SafeText.terminal($0.base), $0.from?.version.short ?? "-", $0.to?.version.short ?? "-",
          SafeText.terminal(state($0)),
        ]
      })
    var out = table.render(style: style)
    for row in rows where !row.same {
      guard let a = row.from, let b = row.to else { continue }
      out += "\n\(style.bold(SafeText.terminal(row.base))): " + SafeText.terminal("\(toName) → \(fromName)") + "\n"
      for change in JSONDiff.changes(from: .object(b.config), to: .object(a.config)) {
        out +=
          "    "
          + SafeText.terminal("\(change.path.dotted): \(JSONDiff.brief(change.old)) → \(JSONDiff.brief(change.new))")
          + "\n"
      }
      out += DiffText.terminal(
        TextDiff.unified(old: b.systemPrompt, new: a.systemPrompt, oldName: row.toSlug, newName: row.fromSlug),
        style: style)
    }
    let differing = rows.filter { !$0.same }.count
    out +=
      "\n\(differing == 0 ? "\(toName) runs exactly what \(fromName) runs" : "\(differing) of \(rows.count) preset(s) differ")\n"
    context.console.write(out)
  }
}
