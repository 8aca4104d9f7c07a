/// `presetctl build [PATH] [--output FILE]`: validate, then write the bundle atomically and print a summary.
enum BuildCommand {
  static let command = CommandLineTool.Command(
    parser: ArgumentParser(
      commandName: "presetctl build", abstract: "Compile presets into a deterministic bundle.",
      positionalUsage: "[PATH]", maxPositionals: 1,
      options: [
        .value("env", "NAME", "Compile for an environment declared in presetctl.yaml (its slugs and overrides)."),
        .value("output", "FILE", "Where to write the bundle (default build/presets.bundle.json)."),
        .value("format", "FORMAT", "Output format: text, json, markdown or github (default text)."),
      ],
      discussion: "PATH defaults to 'presets'. Nothing is written when any error exists."),
    run: run)

  static func run(_ parsed: ArgumentParser.Parsed, _ context: CommandLineTool.Context) -> Int32 {
    guard let format = CommandLineTool.format(parsed, allowed: OutputFormat.allCases, context: context) else {
      return CommandLineTool.exitError
    }
    let path = parsed.positionals.first ?? "presets"
    let output = parsed.value("output") ?? "build/presets.bundle.json"
    let result = Compiler.forCommand(parsed).compile(path: path)
    let renderer = DiagnosticRenderer.forResult(result, style: context.console.errStyle)
    if result.hasErrors {
      // Diagnostics are the result here: on stdout for machine formats, stderr for text.
      if format == .text {
        context.console.error(renderer.render(result.diagnostics, format: .text))
        context.console.error("build failed: \(output) was not written\n")
      } else {
        context.console.write(renderer.render(result.diagnostics, format: format))
      }
      return CommandLineTool.exitError
    }
    if !result.diagnostics.isEmpty {
      if format == .github {
        context.console.write(renderer.render(result.diagnostics, format: .github))
      } else {
        context.console.error(renderer.render(result.diagnostics, format: .text))
      }
    }
    let bundle = PresetBundle(presets: result.presets)
    do {
      try AtomicFile.write(bundle.fileBytes, to: output)
    } catch {
      context.console.error("error: \(error)\n")
      return CommandLineTool.exitError
    }
    context.console.write(BuildReport(bundle: bundle, output: output).render(format, style: context.console.outStyle))
    return CommandLineTool.exitOK
  }
}
