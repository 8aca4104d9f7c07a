import Foundation
import PresetCore
import PresetReconcile

/// Renders why `presetctl diff` could not compare: which side failed (a revision whose presets do not compile,
/// say) and the compiler's diagnostics, in the format the report was asked for.
package struct ReviewFailureRenderer: Sendable, FourFormatRenderer {
  /// The failed sides.
  package var failures: [ReviewInput.Failure]
  /// Diagnostics shown per side before "and N more" (a comment must stay small).
  package static let diagnosticLimit = 100

  /// Creates a renderer.
  package init(failures: [ReviewInput.Failure]) { self.failures = failures }

  /// A renderer whose snippets come from the side's folder (render before the folder is removed).
  func diagnosticRenderer(_ failure: ReviewInput.Failure, style: Style) -> DiagnosticRenderer {
    guard let root = failure.root?.path else { return DiagnosticRenderer(style: style) }
    return .readingSnippets(under: root, style: style)
  }

  /// The failures with source snippets.
  package func text(style: Style) -> String {
    var out = ""
    for failure in failures {
      out += style.error("error:") + " \(SafeText.terminal(failure.message))\n"
      let shown = Array(failure.diagnostics.prefix(Self.diagnosticLimit))
      out += diagnosticRenderer(failure, style: style).render(shown, format: .text)
      out += more(failure)
    }
    return out
  }

  /// `{"error": true, "failures": [{"side", "label", "message", "diagnostics"}]}`.
  package func json() -> String {
    let items: [JSONValue] = failures.map { failure in
      .object(
        JSONObject([
          .init(key: "side", value: .string(failure.role.rawValue)), .init(key: "label", value: .string(failure.label)),
          .init(key: "message", value: .string(failure.message)),
          .init(key: "diagnostics", value: .array(failure.diagnostics.map(DiagnosticRenderer.jsonValue))),
        ]))
    }
    return SafeText.json(
      JSONWriter.string(
        .object(JSONObject([.init(key: "error", value: true), .init(key: "failures", value: .array(items))]))))
  }

  /// The comment posted instead of a diff: marker, which side failed, and a table of diagnostics.
  package func markdown() -> String {
    var out = "\(ReviewRenderer.commentMarker)\n### presetctl diff\n\n"
    for failure in failures {
      out += "❌ **\(SafeText.markdownMessage(failure.message))**\n\n"
      if !failure.diagnostics.isEmpty {
        let shown = Array(failure.diagnostics.prefix(Self.diagnosticLimit))
        out += DiagnosticRenderer().render(shown, format: .markdown) + more(failure) + "\n"
      }
    }
    return out
  }

  /// `::error` commands. Head diagnostics point at their files; base diagnostics name file and line in the
  /// message only, because the pull request's files no longer hold those lines.
  package func github() -> String {
    var out = ""
    for failure in failures {
      out += "::error title=presetctl diff::\(SafeText.annotation(failure.message))\n"
      for diagnostic in failure.diagnostics.prefix(Self.diagnosticLimit) {
        var shown = diagnostic
        if failure.role == .base, let location = diagnostic.location {
          shown.location = nil
          shown.message =
            "at \(failure.role.rawValue) (\(failure.label)): \(location.file):\(location.line):\(location.column): "
            + diagnostic.message
        }
        out += DiagnosticRenderer().github(shown)
      }
    }
    return out
  }

  private func more(_ failure: ReviewInput.Failure) -> String {
    let hidden = failure.diagnostics.count - Self.diagnosticLimit
    return hidden > 0 ? "… and \(hidden) more diagnostic(s)\n" : ""
  }
}
