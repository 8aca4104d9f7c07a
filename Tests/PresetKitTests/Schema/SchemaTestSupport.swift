import Testing

@testable import PresetCore
@testable import PresetKit
@testable import PresetSchema

/// Small helpers for schema tests: schemas and instances are written as JSON text.
enum SchemaTestSupport {
  static func schema(_ text: String, registry: [String: JSONValue] = [:]) throws -> JSONSchema {
    try JSONSchema(try JSONParser.parse(text), registry: registry)
  }

  /// Violations of `instance`, after checking that `isValid` agrees with `validate`.
  static func violations(_ schemaText: String, _ instanceText: String) throws -> [SchemaViolation] {
    let compiled = try schema(schemaText)
    let instance = try JSONParser.parse(instanceText)
    let found = compiled.validate(instance)
    #expect(compiled.isValid(instance) == found.isEmpty, "isValid and validate disagree")
    return found
  }

  /// `code path` lines, for compact expectations.
  static func summary(_ violations: [SchemaViolation]) -> [String] {
    violations.map { "\($0.code) \($0.instancePath)" }
  }
}
