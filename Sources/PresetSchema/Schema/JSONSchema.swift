import PresetCore

/// A compiled JSON Schema (draft 2020-12): compile once, validate many instances without re-parsing or
/// re-resolving anything.
///
/// Supported: the validation and applicator vocabularies, `unevaluated*`, `$ref`/`$dynamicRef`/`$anchor`/
/// `$dynamicAnchor`/`$id`/`$defs` within the schema and `registry`, boolean schemas, and OpenAPI's
/// `discriminator` (used only to choose which `anyOf`/`oneOf` branch to report). `format`, `content*`, `default`
/// and other annotations are ignored; `$vocabulary` is not honoured (every known keyword always applies).
package struct JSONSchema: Sendable {
  private let program: SchemaProgram

  /// Compiles `schema`. `baseURI` is the document's retrieval URI (relative `$id`/`$ref` resolve against it);
  /// `registry` holds extra schemas by absolute URI for `$ref`s to other documents. Registry documents are only
  /// compiled when referenced.
  package init(
    _ schema: JSONValue, baseURI: String = "urn:presetctl:root", registry: [String: JSONValue] = [:]
  ) throws(SchemaCompileError) {
    program = try SchemaCompiler.compile(schema, baseURI: baseURI, registry: registry)
  }

  /// Every violation, sorted by where the offending value appears in the instance (document order), then by
  /// the order keywords were checked.
  package func validate(_ instance: JSONValue) -> [SchemaViolation] {
    // Most instances are valid: the quick pass settles those without building any messages.
    if isValid(instance) { return [] }
    var evaluator = SchemaEvaluator(program: program, collect: true)
    var marks = EvaluatedMarks()
    _ = evaluator.evaluate(program.root, instance, into: &marks, mergeOnFailure: false)
    return evaluator.finished()
  }

  /// True when the instance is valid; stops at the first failure and builds no messages.
  package func isValid(_ instance: JSONValue) -> Bool {
    var evaluator = SchemaEvaluator(program: program, collect: false)
    var marks = EvaluatedMarks()
    return evaluator.evaluate(program.root, instance, into: &marks, mergeOnFailure: false)
  }
}
