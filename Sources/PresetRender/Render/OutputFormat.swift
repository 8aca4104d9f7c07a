/// The output formats every command accepts with `--format`.
package enum OutputFormat: String, Sendable, CaseIterable {
  /// For people, coloured on a TTY.
  case text
  /// For programs.
  case json
  /// For pull-request comments.
  case markdown
  /// GitHub Actions workflow commands (annotations).
  case github
}

/// ANSI styling that collapses to plain text when colour is off (not a TTY, or `NO_COLOR` set).
package struct Style: Sendable {
  /// Whether escape codes are emitted.
  package var enabled: Bool

  /// Creates a style.
  package init(enabled: Bool) { self.enabled = enabled }

  private func wrap(_ code: String, _ text: String) -> String { enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }

  /// Red bold.
  package func error(_ text: String) -> String { wrap("1;31", text) }
  /// Yellow bold.
  package func warning(_ text: String) -> String { wrap("1;33", text) }
  /// Green.
  package func added(_ text: String) -> String { wrap("32", text) }
  /// Red.
  package func removed(_ text: String) -> String { wrap("31", text) }
  /// Cyan.
  package func info(_ text: String) -> String { wrap("36", text) }
  /// Bold.
  package func bold(_ text: String) -> String { wrap("1", text) }
  /// Dim.
  package func dim(_ text: String) -> String { wrap("2", text) }
}
