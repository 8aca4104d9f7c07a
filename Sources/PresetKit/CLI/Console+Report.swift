import PresetCore
import PresetRender

extension Console {
  /// Reports diagnostics that end or accompany a failed command in `format`: text on stderr
  /// (`error[code]: message` and its hint), every machine format on stdout where the command's own output goes
  /// (one `{"diagnostics": […]}` JSON document, GitHub `::error title=code::` annotations, a Markdown table).
  ///
  /// Every byte still passes the key scrubber and `SafeText` (messages quote paths, slugs and server text).
  /// With `toStandardError` (stdout carries other data, `plan --out -`) machine formats go to stderr too.
  package func report(
    _ diagnostics: [Diagnostic], format: OutputFormat,
    sources: @escaping DiagnosticRenderer.SourceProvider = { _ in nil }, toStandardError: Bool = false
  ) {
    guard !diagnostics.isEmpty else { return }
    switch format {
    case .text:
      let renderer = DiagnosticRenderer(style: errStyle, sources: sources)
      error(diagnostics.map(renderer.text).joined() + (diagnostics.count > 1 ? renderer.summary(diagnostics) : ""))
    default:
      let rendered = DiagnosticRenderer(style: Style(enabled: false), sources: sources).render(
        diagnostics, format: format)
      if toStandardError { error(rendered) } else { write(rendered) }
    }
  }

  /// Reports a command failure in `format`.
  package func report(_ failure: CommandFailure, format: OutputFormat, toStandardError: Bool = false) {
    report(failure.diagnostics, format: format, sources: failure.sources, toStandardError: toStandardError)
  }
}
