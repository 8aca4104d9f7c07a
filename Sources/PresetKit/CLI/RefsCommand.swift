import PresetCompiler
import PresetCore
import PresetModel
import PresetReconcile
import PresetRender

/// `presetctl refs [SRC...]`: find preset references in application code and check them against the presets.
enum RefsCommand {
  static let command = CommandLineTool.Command(
    parser: ArgumentParser(
      commandName: "presetctl refs", abstract: "Find preset references in code; report unknown and unused presets.",
      positionalUsage: "[SRC...]", maxPositionals: nil,
      options: [
        .value("presets", "PATH", "The preset folder to check against (default presets)."),
        .value("format", "FORMAT", "Output format: text, json or github (default text)."),
        .value("parallelism", "N", "Files read at once (default 4)."),
      ],
      discussion: """
        SRC (files or folders, default .) is scanned byte by byte for `@preset/<slug>` (also in \
        `<model>@preset/<slug>`) and for a `preset` key with a quoted value near the word `model` \
        ("preset": "<slug>"). Hidden folders (.git), symlinks, binary files and what .gitignore excludes are \
        skipped. A reference no preset defines in any environment is an error (file:line:col, exit 1); a \
        preset no scanned file references is a note.
        """),
    run: run)

  static func run(_ parsed: ArgumentParser.Parsed, _ context: CommandLineTool.Context) throws(CommandFailure) -> Int32 {
    let format = try CommandLineTool.format(parsed, allowed: [.text, .json, .github])
    let parallelism = try parsed.number("parallelism", range: 1...256, whole: true).map { Int($0) } ?? 4
    let presetPath = parsed.value("presets") ?? "presets"
    let layout = RepositoryLayout(containing: presetPath)
    let (result, environments) = Compiler().compileAllEnvironments(paths: [presetPath], layout: layout) { preset in
      DefinedPreset(slug: preset.slug, file: preset.source.file, line: preset.source.line)
    }
    let renderer = DiagnosticRenderer.forResult(result, style: context.console.errStyle)
    if result.hasErrors || result.fileCount == 0 {
      var diagnostics = result.diagnostics
      if result.fileCount == 0 {
        diagnostics.append(
          .error(
            "input.no-presets", "\(SafeText.terminal(presetPath)) holds no preset files to check references against"))
      }
      throw CommandFailure(diagnostics.filter { $0.severity == .error }, sources: renderer.sources)
    }
    // A preset is one (file, line) across environments; any of its slugs counts as a reference to it.
    var slugOwner: [String: DefinedPreset] = [:]
    for environment in environments {
      for defined in environment.values { slugOwner[defined.slug] = slugOwner[defined.slug] ?? defined }
    }
    let sources = parsed.positionals.isEmpty ? ["."] : parsed.positionals
    let report = ReferenceScan.scan(sources: sources, parallelism: parallelism)
    var diagnostics: [Diagnostic] = []
    var referenced: Set<String> = []
    let known = Array(slugOwner.keys).sorted()
    for (file, hit) in report.references {
      if let owner = slugOwner[hit.slug] {
        referenced.insert(owner.file + ":\(owner.line)")
        continue
      }
      diagnostics.append(
        .error(
          "refs.unknown-preset", "`\(hit.slug)` is referenced here but no preset defines it in any environment",
          at: SourceLocation(file: file, line: hit.line, column: hit.column),
          hint: DidYouMean.suggestion(for: hit.slug, among: known).map { "did you mean `\($0)`?" }))
    }
    var unreferenced = 0
    for defined in environments.first?.values ?? [] where !referenced.contains(defined.file + ":\(defined.line)") {
      unreferenced += 1
      diagnostics.append(
        Diagnostic(
          severity: .note, code: "refs.unreferenced",
          message: "preset `\(defined.slug)` is not referenced by any scanned file",
          location: SourceLocation(file: defined.file, line: defined.line, column: 1)))
    }
    context.console.write(renderer.render(Diagnostic.sortedForReport(diagnostics), format: format))
    let unknown = diagnostics.filter { $0.severity == .error }.count
    context.console.error(
      "refs: \(report.filesScanned) file(s) scanned (\(report.binarySkipped) binary, \(report.ignoredSkipped) "
        + "ignored, \(report.unreadableSkipped) unreadable or too large skipped); \(report.references.count) "
        + "reference(s), \(unknown) to undefined presets; \(unreferenced) preset(s) unreferenced\n")
    return unknown > 0 ? CommandLineTool.exitError : CommandLineTool.exitOK
  }

  /// One compiled preset: its slug (per environment) and where it is defined.
  struct DefinedPreset: Sendable {
    var slug: String
    var file: String
    var line: Int
  }
}
