import PresetCore
import PresetRender

/// An operational error that ends a command (a bad flag, an unreadable file, a failed request): diagnostics with
/// stable codes, reported by `CommandLineTool.run` in the command's `--format` like every other finding.
///
/// Commands throw it instead of writing `error: …` themselves, so JSON stays one parseable document on failure,
/// GitHub annotations show network failures, and text keeps `error[code]: message`.
package struct CommandFailure: Error, Sendable {
  /// The findings, at least one of them an error (empty: already reported, only the exit status is left).
  package var diagnostics: [Diagnostic]
  /// Source lines for snippets in text output (compile diagnostics); none for operational errors.
  package var sources: DiagnosticRenderer.SourceProvider = { _ in nil }

  /// Wraps diagnostics.
  package init(_ diagnostics: [Diagnostic], sources: @escaping DiagnosticRenderer.SourceProvider = { _ in nil }) {
    self.diagnostics = diagnostics
    self.sources = sources
  }

  /// One error with a stable code, a message naming the thing and the reason, and a hint naming the fix.
  package init(_ code: String, _ message: String, hint: String? = nil) {
    self.init([.error(code, message, hint: hint)])
  }

  /// Everything was already shown in the command's format (a report that lists failures); exit 1 only.
  package static let alreadyReported = CommandFailure([])

  /// A bad combination or a missing value of options and arguments (`cli.usage`), with the fix.
  package static func usage(_ message: String, hint: String? = nil) -> CommandFailure {
    CommandFailure("cli.usage", message, hint: hint)
  }
}
