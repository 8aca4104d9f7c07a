/// Compiles PATH and finds one preset by its compiled slug, for the commands that act on one preset
/// (`explain`, `try`); reports errors (compile errors, an unknown slug with a did-you-mean hint) itself.
enum PresetLookup {
  /// The preset `slug` compiled from `path` (with `--env` from `parsed`); nil after reporting.
  static func preset(
    _ slug: String, path: String, retainRequest: Bool, _ parsed: ArgumentParser.Parsed,
    _ context: CommandLineTool.Context
  ) -> Preset? {
    let result = Compiler.forCommand(parsed, retainRequest: retainRequest).compile(path: path)
    if result.hasErrors {
      context.console.error(
        DiagnosticRenderer.forResult(result, style: context.console.errStyle).render(result.diagnostics, format: .text))
      return nil
    }
    guard let preset = result.presets.first(where: { $0.slug == slug }) else {
      let hint =
        DidYouMean.suggestion(for: slug, among: result.presets.map(\.slug)).map { " (did you mean `\($0)`?)" } ?? ""
      context.console.error(SafeText.terminal("error: no preset `\(slug)`\(hint)") + "\n")
      return nil
    }
    return preset
  }
}
