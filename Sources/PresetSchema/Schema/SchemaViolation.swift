import PresetCore

/// One way an instance fails a schema, phrased for people and located for tools.
package struct SchemaViolation: Sendable, Equatable {
  /// A stable code per keyword family: `schema.type`, `schema.required`, `schema.unknown-key`, `schema.enum`, …
  package var code: String
  /// A sentence about the offending value, e.g. "must be at most 2 (got 3)".
  package var message: String
  /// The offending value; for `required` the parent object, for unknown keys the member itself.
  package var instancePath: JSONPointer
  /// The keyword's location in the schema, e.g. `/properties/provider/properties/sort/enum`.
  package var schemaPath: String
  /// True when a diagnostic should point at the member's key rather than its value.
  package var atKey: Bool
  /// A suggestion such as "did you mean `temperature`?".
  package var hint: String?

  /// Creates a violation.
  package init(
    code: String, message: String, instancePath: JSONPointer, schemaPath: String, atKey: Bool = false,
    hint: String? = nil
  ) {
    self.code = code
    self.message = message
    self.instancePath = instancePath
    self.schemaPath = schemaPath
    self.atKey = atKey
    self.hint = hint
  }
}
