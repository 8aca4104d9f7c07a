import PresetCompiler
import PresetCore
import PresetModel

/// Compiles PATH and finds one preset by its compiled slug, for the commands that act on one preset
/// (`explain`, `try`).
enum PresetLookup {
  /// The preset `slug` compiled from `path` (with `--env` from `parsed`); throws the compile errors, or
  /// `input.unknown-preset` with a did-you-mean hint.
  static func preset(
    _ slug: String, path: String, retainRequest: Bool, _ parsed: ArgumentParser.Parsed
  ) throws(CommandFailure) -> Preset {
    let result = Compiler.forCommand(parsed, retainRequest: retainRequest).compile(path: path)
    if result.hasErrors { throw CommandFailure(compiled: result) }
    guard let preset = result.presets.first(where: { $0.slug == slug }) else {
      let guess = DidYouMean.suggestion(for: slug, among: result.presets.map(\.slug)).map { "did you mean `\($0)`? " }
      let scope = parsed.value("env").map { " for environment `\($0)`" } ?? ""
      throw CommandFailure(
        "input.unknown-preset", "no preset `\(slug)` in \(path)\(scope)",
        hint: (guess ?? "") + "SLUG is the compiled slug (with --env, the environment's slug)")
    }
    return preset
  }
}
