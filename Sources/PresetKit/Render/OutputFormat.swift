/// The output formats every command accepts with `--format`.
public enum OutputFormat: String, Sendable, CaseIterable {
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
public struct Style: Sendable {
  /// Whether escape codes are emitted.
  public var enabled: Bool

  /// Creates a style.
  public init(enabled: Bool) { self.enabled = enabled }

  private func wrap(_ code: String, _ text: String) -> String { enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }

  /// Red bold.
  public func error(_ text: String) -> String { wrap("1;31", text) }
  /// Yellow bold.
  public func warning(_ text: String) -> String { wrap("1;33", text) }
  /// Green.
  public func added(_ text: String) -> String { wrap("32", text) }
  /// Red.
  public func removed(_ text: String) -> String { wrap("31", text) }
  /// Cyan.
  public func info(_ text: String) -> String { wrap("36", text) }
  /// Bold.
  public func bold(_ text: String) -> String { wrap("1", text) }
  /// Dim.
  public func dim(_ text: String) -> String { wrap("2", text) }
}
