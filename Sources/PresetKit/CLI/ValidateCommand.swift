import Foundation
import PresetCompiler
import PresetCore
import PresetModel
import PresetPolicy
import PresetReconcile
import PresetRender

/// `presetctl validate [PATH...]`: report every diagnostic of every file; exit 1 on any error.
enum ValidateCommand {
  static let command = CommandLineTool.Command(
    parser: ArgumentParser(
      commandName: "presetctl validate", abstract: "Check preset files and report every problem with its location.",
      positionalUsage: "[PATH...]", maxPositionals: nil,
      options: [
        .value("env", "NAME", "Compile for an environment declared in presetctl.yaml (its slugs and overrides)."),
        .value("format", "FORMAT", "Output format: text, json, markdown or github (default text)."),
        Compiler.allowEmptyOption,
      ],
      discussion:
        "PATH defaults to 'presets'. Without --env every environment of presetctl.yaml is checked. Text output shows the first 3 findings of a kind in full, then one line counting the rest (errors stay listed, one line each); json and github list every finding. Exit status: 0 clean (warnings allowed), 1 on any error."
    ),
    run: run)

  static func run(_ parsed: ArgumentParser.Parsed, _ context: CommandLineTool.Context) throws(CommandFailure) -> Int32 {
    let format = try CommandLineTool.format(parsed, allowed: OutputFormat.allCases)
    let paths = parsed.positionals.isEmpty ? ["presets"] : parsed.positionals
    try CompiledInput.refuse(paths)
    // Validation keeps no compiled presets: only diagnostics and counts survive each file. Without `--env`
    // every environment is compiled (from one parse of each file), so CI sees what any `apply --env` would.
    let layout = RepositoryLayout(containing: paths.first ?? ".")
    let compiler = Compiler.forCommand(parsed)
    let result: CompileResult
    let count: Int
    var environments: [String] = []
    if compiler.options.environment == nil {
      let all = compiler.compileAllEnvironments(paths: paths, layout: layout) { _ in () }
      result = all.result
      count = all.environments.first?.values.count ?? 0
      environments = all.environments.compactMap(\.name)
    } else {
      let one = compiler.compile(paths: paths, layout: layout) { _ in () }
      result = one.result
      count = one.values.count
    }
    let renderer = DiagnosticRenderer.forResult(result, style: context.console.outStyle)
    switch format {
    case .text:
      context.console.write(renderer.render(result.diagnostics, format: .text))
      if !result.hasErrors {
        let scope = environments.isEmpty ? "" : " in environment(s) \(environments.joined(separator: ", "))"
        context.console.write("\(count) preset(s) in \(result.fileCount) file(s) are valid\(scope)\n")
      }
    default:
      context.console.write(renderer.render(result.diagnostics, format: format))
    }
    // The note that the catalogue checks were skipped: once, on stderr, so every format's report stays as is.
    if let note = result.catalogueNote {
      context.console.error(DiagnosticRenderer(style: context.console.errStyle).render([note], format: .text))
    }
    return result.hasErrors ? CommandLineTool.exitError : CommandLineTool.exitOK
  }
}

extension Compiler {
  /// `--allow-empty`, on every command that compiles a PATH.
  static let allowEmptyOption = ArgumentParser.Option.flag(
    "allow-empty", "Accept a PATH without presets (otherwise an error, so a mistyped PATH cannot pass).")

  /// A compiler configured from a command's `--env` and `--allow-empty`.
  static func forCommand(_ parsed: ArgumentParser.Parsed, retainRequest: Bool = false) -> Compiler {
    var options = Options()
    options.environment = parsed.value("env")
    options.requirePresets = !parsed.flag("allow-empty")
    options.retainRequest = retainRequest
    return Compiler(options: options)
  }
}
