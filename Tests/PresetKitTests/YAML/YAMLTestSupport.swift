@testable import PresetCore
@testable import PresetKit

/// Small helpers shared by the YAML loader tests.
enum YAMLTest {
  /// Loads text as `test.yaml`.
  static func load(_ text: String, limits: YAMLLoader.Limits = .init()) throws(DiagnosticError) -> [LocatedDocument] {
    try YAMLLoader.load(Array(text.utf8), file: "test.yaml", limits: limits)
  }

  /// The value of a one-document text, or nil when loading fails.
  static func value(_ text: String) -> JSONValue? {
    guard let documents = try? load(text), documents.count == 1 else { return nil }
    return documents[0].value
  }

  /// The value of the member `v` of `v: <scalar>`.
  static func scalar(_ scalar: String) -> JSONValue? {
    value("v: \(scalar)\n")?["v"]
  }

  /// The diagnostics of a text that must fail (empty when it loads).
  static func diagnostics(_ text: String, limits: YAMLLoader.Limits = .init()) -> [Diagnostic] {
    do {
      _ = try load(text, limits: limits)
      return []
    } catch {
      return error.diagnostics
    }
  }

  /// The diagnostics of raw bytes that must fail.
  static func diagnostics(bytes: [UInt8], limits: YAMLLoader.Limits = .init()) -> [Diagnostic] {
    do {
      _ = try YAMLLoader.load(bytes, file: "test.yaml", limits: limits)
      return []
    } catch {
      return error.diagnostics
    }
  }

  /// A location in `test.yaml`.
  static func at(_ line: Int, _ column: Int) -> SourceLocation {
    SourceLocation(file: "test.yaml", line: line, column: column)
  }

  /// A position.
  static func pos(_ line: Int, _ column: Int) -> SourcePosition {
    SourcePosition(line: line, column: column)
  }
}
