import Foundation

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
    let spool: SpoolFile
    do {
      spool = try SpoolFile(
        directory: (output as NSString).deletingLastPathComponent.isEmpty
          ? "." : (output as NSString).deletingLastPathComponent)
    } catch {
      context.console.error("error: \(SafeText.terminal("\(error)"))\n")
      return CommandLineTool.exitError
    }
    // Each preset is serialised on the thread that compiled it and parked in the spool: a build holds no
    // compiled presets, only one summary row per preset.
    let compiler = Compiler.forCommand(parsed)
    let (result, entries) = compiler.compile(paths: [path], layout: RepositoryLayout(containing: path)) { preset in
      SpooledEntry(preset, spool: spool)
    }
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
    let digest: String
    do {
      digest = try PresetBundle.write(entries, spool: spool, to: output)
    } catch {
      context.console.error("error: \(SafeText.terminal("\(error)"))\n")
      return CommandLineTool.exitError
    }
    let rows = entries.map {
      BuildReport.Row(slug: $0.slug, skin: $0.skin, modelName: $0.modelName, version: $0.version)
    }
    let report = BuildReport(entries: rows, digest: digest, output: output)
    context.console.write(report.render(format, style: context.console.outStyle))
    return CommandLineTool.exitOK
  }
}
