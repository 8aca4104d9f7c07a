/// A schema that cannot be compiled: malformed keyword values, unresolvable `$ref`s, bad regexes.
public struct SchemaCompileError: Error, Sendable, CustomStringConvertible {
  /// What is wrong, as a sentence.
  public var message: String
  /// Where in the schema: a JSON pointer within the root schema, or `uri#pointer` for other documents.
  public var schemaPath: String

  /// Creates an error.
  public init(message: String, schemaPath: String) {
    self.message = message
    self.schemaPath = schemaPath
  }

  /// `schemaPath: message`.
  public var description: String {
    schemaPath.isEmpty ? "schema: \(message)" : "schema \(schemaPath): \(message)"
  }
}
