import PresetCore

/// One rule that narrows what OpenRouter's published spec leaves loose, applied as a patch to a derived schema.
///
/// Patches address their target by JSON pointer so they survive regeneration, and they check what they find:
/// a missing target, a keyword that already holds something else, or prose that no longer says what the rule
/// was read from all stop the generator. That is how spec drift reaches a person instead of a stale rule.
package struct SchemaTightening: Sendable {
  /// What a tightening does to its target schema object.
  package enum Change: Sendable, Equatable {
    /// Adds a keyword the target lacks. An equal value already present is accepted (the spec caught up); a
    /// different one is drift.
    case add(String, JSONValue)
    /// Replaces a keyword whose current value must equal `expected`.
    case replace(String, expected: JSONValue, with: JSONValue)
    /// Changes nothing: asserts that the spec still states this keyword, because presetctl relies on it.
    case expect(String, JSONValue)
  }

  /// Prose in a derived schema's `description` that a rule was read from; it must still be there.
  package struct Evidence: Sendable, Equatable {
    /// The schema file holding the description.
    package var file: String
    /// The JSON pointer of the schema object whose `description` is quoted.
    package var pointer: String
    /// The text the description must contain.
    package var quote: String

    /// Creates evidence.
    package init(file: String, pointer: String, quote: String) {
      self.file = file
      self.pointer = pointer
      self.quote = quote
    }
  }

  /// The schema files (`chat-completions.schema.json`, …) the rule applies to, at the same pointer in each.
  package var files: [String]
  /// The JSON pointer of the schema object to patch, inside each file.
  package var pointer: String
  /// The keyword changes, applied in order.
  package var changes: [Change]
  /// Where the rule comes from, for people: "spec prose: …", "FACTS.md: …".
  package var source: String
  /// Prose the rule was read from, checked on every derivation; nil when the source is not in the spec.
  package var evidence: Evidence?

  /// Creates a rule.
  package init(files: [String], pointer: String, changes: [Change], source: String, evidence: Evidence? = nil) {
    self.files = files
    self.pointer = pointer
    self.changes = changes
    self.source = source
    self.evidence = evidence
  }
}
