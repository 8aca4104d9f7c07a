import PresetCore

/// Why deriving `schemas/` from the OpenAPI document stopped.
///
/// The derivation fails loudly rather than writing a half-right schema: most of these mean the published spec
/// changed shape (a renamed schema, a moved property, reworded prose a tightening relies on) and a person has to
/// look at the tightenings table again.
package struct SchemaDerivationError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What went wrong, naming the schema file and JSON pointer involved.
  package var message: String

  /// Creates an error.
  package init(_ message: String) { self.message = message }

  /// The message.
  package var description: String { message }
}
