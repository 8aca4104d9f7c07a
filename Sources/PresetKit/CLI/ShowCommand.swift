/// `presetctl show SLUG [--version N] [--format yaml|json]`: one live preset as the normalised model.
enum ShowCommand {
  static let command = CommandLineTool.Command(
    parser: ArgumentParser(
      commandName: "presetctl show", abstract: "Print a live preset (or one of its versions) as the normalised model.",
      positionalUsage: "SLUG", maxPositionals: 1,
      options: [
        .value("version", "N", "A version by its number (default: the designated one)."),
        .value("format", "FORMAT", "Output format: yaml or json (default yaml)."),
      ] + RemoteOptions.options,
      discussion: "Prints slug, live version number, content version, system_prompt and the normalised config."),
    run: run)

  static func run(_ parsed: ArgumentParser.Parsed, _ context: CommandLineTool.Context) -> Int32 {
    let console = context.console
    guard let slug = parsed.positionals.first else {
      console.error("error: give the SLUG of a live preset (see 'presetctl ls')\n\(command.parser.usage)\n")
      return CommandLineTool.exitError
    }
    let format = parsed.value("format") ?? "yaml"
    guard format == "yaml" || format == "json" else {
      console.error("error: unknown format '\(SafeText.terminal(format))' (expected one of: yaml, json)\n")
      return CommandLineTool.exitError
    }
    var number: Int?
    if let text = parsed.value("version") {
      guard let n = Int(text), n >= 1 else {
        console.error("error: --version takes a version number from 1 up, got '\(SafeText.terminal(text))'\n")
        return CommandLineTool.exitError
      }
      number = n
    }
    guard let client = RemoteOptions.client(parsed, context) else { return CommandLineTool.exitError }
    let requested = number
    let outcome = AsyncBridge.run { () -> Result<LiveVersion?, RemoteError> in
      do throws(RemoteError) {
        if let requested { return .success(try await client.getVersion(slug: slug, number: requested)) }
        return .success(try await client.getPreset(slug: slug)?.designatedVersion)
      } catch {
        return .failure(error)
      }
    }
    switch outcome {
    case .success(let version?):
      let renderer = LiveModelRenderer(slug: slug, versionNumber: version.version, model: version.model)
      console.write(format == "json" ? renderer.json() : renderer.yaml())
      return CommandLineTool.exitOK
    case .success(nil):
      console.error(
        "error[remote.not-found]: no live preset '\(SafeText.terminal(slug))' with a designated version; "
          + "see 'presetctl ls'\n")
      return CommandLineTool.exitError
    case .failure(let error):
      console.error("error: \(SafeText.terminal(error.description))\n")
      return CommandLineTool.exitError
    }
  }
}
