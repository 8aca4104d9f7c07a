import PresetCore

/// A schema that cannot be compiled: malformed keyword values, unresolvable `$ref`s, bad regexes.
package struct SchemaCompileError: Error, Sendable, CustomStringConvertible {
  /// What is wrong, as a sentence.
  package var message: String
  /// Where in the schema: a JSON pointer within the root schema, or `uri#pointer` for other documents.
  package var schemaPath: String

  /// Creates an error.
  package init(message: String, schemaPath: String) {
    self.message = message
    self.schemaPath = schemaPath
  }

  /// `schemaPath: message`.
  package var description: String {
    schemaPath.isEmpty ? "schema: \(message)" : "schema \(schemaPath): \(message)"
  }
}
