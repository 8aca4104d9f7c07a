import Foundation
import PresetCompiler
import PresetCore
import PresetModel
import PresetReconcile
import PresetRender

/// `presetctl build [PATH] [--output FILE|-]`: validate, then write the bundle atomically and print a summary
/// (on stderr when the bundle itself goes to stdout).
enum BuildCommand {
  static let command = CommandLineTool.Command(
    parser: ArgumentParser(
      commandName: "presetctl build", abstract: "Compile presets into a deterministic bundle.",
      positionalUsage: "[PATH]", maxPositionals: 1,
      options: [
        .value("env", "NAME", "Compile for an environment declared in presetctl.yaml (its slugs and overrides)."),
        .value("output", "FILE", "Where to write the bundle (default build/presets.bundle.json; - for stdout)."),
        .value("format", "FORMAT", "Output format: text, json, markdown or github (default text)."),
        Compiler.allowEmptyOption,
      ],
      discussion: "PATH defaults to 'presets'. Nothing is written when any error exists."),
    run: run)

  static func run(_ parsed: ArgumentParser.Parsed, _ context: CommandLineTool.Context) throws(CommandFailure) -> Int32 {
    let format = try CommandLineTool.format(parsed, allowed: OutputFormat.allCases)
    let path = parsed.positionals.first ?? "presets"
    let output = parsed.value("output") ?? "build/presets.bundle.json"
    try CompiledInput.refuse([path])
    let console = context.console
    // The target is checked before anything is compiled or created; `-` sends the bundle to stdout, and then
    // everything else (diagnostics, the summary) goes to stderr so stdout holds the bundle alone.
    let target: OutputTarget
    let spool: SpoolFile
    do throws(AtomicFile.WriteError) {
      target = try OutputTarget.resolve(output, standardOutput: { console.write($0) })
      spool = try SpoolFile(directory: target.scratchFolder)
    } catch {
      throw CommandFailure(error)
    }
    let toStderr = target.isStandardOutput
    func report(_ text: String) {
      if toStderr { console.error(text) } else { console.write(text) }
    }
    // Each preset is serialised on the thread that compiled it and parked in the spool: a build holds no
    // compiled presets, only one summary row per preset.
    let compiler = Compiler.forCommand(parsed)
    let layout = RepositoryLayout(containing: path)
    let interner = StringInterner()
    var (result, entries) = compiler.compile(paths: [path], layout: layout) { preset in
      var entry = SpooledEntry(preset, spool: spool)
      // Most presets share their model and prompt file with others: one string each, not one per preset.
      entry.modelName = interner.intern(entry.modelName)
      entry.promptFile = entry.promptFile.map(interner.intern)
      return entry
    }
    // What is kept per preset until the summary is printed is one entry (no copies of the list: this bounds
    // peak memory at 100,000 presets); the prompt files read are collected once each.
    let promptFiles = Set(entries.lazy.compactMap(\.promptFile))
    let renderer = DiagnosticRenderer.forResult(result, style: console.errStyle)
    if result.hasErrors {
      // Diagnostics are the result here: on stdout for machine formats, stderr for text.
      if format == .text {
        console.error(renderer.render(result.diagnostics, format: .text))
        console.error("build failed: \(output) was not written\n")
      } else {
        report(renderer.render(result.diagnostics, format: format))
      }
      return CommandLineTool.exitError
    }
    if !result.diagnostics.isEmpty {
      if format == .github {
        report(renderer.render(result.diagnostics, format: .github))
      } else {
        console.error(renderer.render(result.diagnostics, format: .text))
      }
    }
    // Never over a preset source: YAML below the root, the input file itself, or a prompt file read.
    let digest: String
    do {
      try target.refuseOverwriting(layout.sources(input: path, promptFiles: promptFiles))
      digest = try PresetBundle.write(entries, spool: spool, to: target)
    } catch let error as AtomicFile.WriteError {
      throw CommandFailure(error)
    } catch let error as PresetBundle.SpoolError {
      throw CommandFailure(error.code, error.message)
    } catch {
      throw CommandFailure("output.write-failed", "cannot write \(output): \(error)")
    }
    let rows = entries.map {
      BuildReport.Row(slug: $0.slug, skin: $0.skin, modelName: $0.modelName, version: $0.version)
    }
    entries = []
    let summary = BuildReport(entries: rows, digest: digest, output: toStderr ? "stdout" : output)
    report(summary.render(format, style: toStderr ? console.errStyle : console.outStyle))
    return CommandLineTool.exitOK
  }
}
