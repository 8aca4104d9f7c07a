import PresetCompiler
import PresetCore
import PresetModel
import PresetReconcile
import PresetRender

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
      discussion:
        "PATH defaults to 'presets'. SLUG is the compiled slug (with --env, the environment's slug). Lint suppressions in effect (`suppress` in the preset or a _defaults.yaml) are listed with their reasons and places."
    ),
    run: run)

  static func run(_ parsed: ArgumentParser.Parsed, _ context: CommandLineTool.Context) throws(CommandFailure) -> Int32 {
    let format = try CommandLineTool.format(parsed, allowed: [.text, .json])
    guard let slug = parsed.positionals.first else {
      throw CommandFailure.usage("name the preset to explain", hint: "presetctl explain SLUG [PATH]")
    }
    let path = parsed.positionals.dropFirst().first ?? "presets"
    try CompiledInput.refuse([path])
    let preset = try PresetLookup.preset(slug, path: path, retainRequest: true, parsed)
    let renderer = ExplainRenderer(preset: preset)
    context.console.write(format == .json ? renderer.json() : renderer.text(style: context.console.outStyle))
    return CommandLineTool.exitOK
  }
}
