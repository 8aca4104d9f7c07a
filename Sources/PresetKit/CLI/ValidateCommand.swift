import Foundation

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

  static func run(_ parsed: ArgumentParser.Parsed, _ context: CommandLineTool.Context) -> Int32 {
    guard let format = CommandLineTool.format(parsed, allowed: OutputFormat.allCases, context: context) else {
      return CommandLineTool.exitError
    }
    let paths = parsed.positionals.isEmpty ? ["presets"] : parsed.positionals
    if CompiledInput.refuse(paths, format: format, context) { return CommandLineTool.exitError }
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
    return result.hasErrors ? CommandLineTool.exitError : CommandLineTool.exitOK
  }
}

extension DiagnosticRenderer {
  /// A renderer whose snippets are read from the compiled repository.
  static func forResult(_ result: CompileResult, style: Style) -> DiagnosticRenderer {
    let layout = result.layout
    let root = layout.root.path
    return DiagnosticRenderer(style: style) { file in
      let path = file.hasPrefix("/") ? file : root + "/" + file
      // Snippets never quote a file outside the repository (a symlink pointing out of it, say).
      guard layout.contains(URL(fileURLWithPath: path)) else { return nil }
      return try? FileReader.read(path, limit: 64 * 1024 * 1024)
    }
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
