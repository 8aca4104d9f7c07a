import PresetModel
import PresetReconcile
import PresetRender

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

  static func run(_ parsed: ArgumentParser.Parsed, _ context: CommandLineTool.Context) throws(CommandFailure) -> Int32 {
    guard let slug = parsed.positionals.first else {
      throw CommandFailure("cli.usage", "no preset named", hint: "give the SLUG of a live preset (see 'presetctl ls')")
    }
    let format = parsed.value("format") ?? "yaml"
    guard format == "yaml" || format == "json" else {
      throw CommandFailure("cli.format", "unknown format '\(format)'", hint: "use yaml or json")
    }
    let number = try parsed.number("version", range: 1...Double(Int32.max), whole: true).map { Int($0) }
    let client = try RemoteOptions(parsed, context).makeClient()
    let version = try AsyncBridge.remote { () async throws(RemoteError) -> LiveVersion? in
      if let number { return try await client.getVersion(slug: slug, number: number) }
      return try await client.getPreset(slug: slug)?.designatedVersion
    }
    guard let version else {
      throw CommandFailure(
        "remote.not-found", "no live preset '\(slug)' with a designated version", hint: "see 'presetctl ls'")
    }
    let renderer = LiveModelRenderer(slug: slug, versionNumber: version.version, model: version.model)
    context.console.write(format == "json" ? renderer.json() : renderer.yaml())
    return CommandLineTool.exitOK
  }
}
