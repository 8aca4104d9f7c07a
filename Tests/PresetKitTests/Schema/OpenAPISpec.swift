import Foundation

@testable import PresetCore
@testable import PresetKit
@testable import PresetModel

/// OpenRouter's OpenAPI document from `../shared`, loaded with presetctl's own `YAMLLoader`, for the
/// "schemas are current" tests (so they derive exactly what `presetctl-schemagen <spec.yaml>` writes).
enum OpenAPISpec {
  /// The YAML spec beside the repository.
  static let yamlURL = Shared.url("openrouter/openapi-presets.yaml")

  /// True when the spec file is there; a spec that is there but fails to load fails the tests, not skips them.
  static let isAvailable = Shared.isAvailable && FileManager.default.fileExists(atPath: yamlURL.path)

  /// The loaded spec, read once for all tests.
  private static let loaded: Result<JSONValue, DiagnosticError> = Result(catching: {
    () throws(DiagnosticError) -> JSONValue in
    let bytes = FileManager.default.contents(atPath: yamlURL.path).map { [UInt8]($0) } ?? []
    let documents = try YAMLLoader.load(bytes, file: yamlURL.path)
    guard documents.count == 1, let document = documents.first else {
      throw DiagnosticError(.error("spec", "expected one YAML document, found \(documents.count)"))
    }
    return document.value
  })

  /// The spec as a `JSONValue`.
  static func value() throws(DiagnosticError) -> JSONValue { try loaded.get() }
}
