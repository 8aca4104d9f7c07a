/// A report that renders in each of the four formats; `render(_:style:)` picks one, in one place for every
/// such report (`ReviewRenderer`, `ReviewFailureRenderer`).
package protocol FourFormatRenderer {
  /// Text for a terminal.
  func text(style: Style) -> String
  /// One JSON document.
  func json() -> String
  /// Markdown for a pull-request comment or job summary.
  func markdown() -> String
  /// GitHub Actions workflow commands.
  func github() -> String
}

extension FourFormatRenderer {
  /// Renders in one format.
  package func render(_ format: OutputFormat, style: Style) -> String {
    switch format {
    case .text: text(style: style)
    case .json: json()
    case .markdown: markdown()
    case .github: github()
    }
  }
}
