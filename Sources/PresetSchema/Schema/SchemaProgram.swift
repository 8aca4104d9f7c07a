/// The compiled schema set shared by all validations.
struct SchemaProgram: Sendable {
  /// Every subschema reachable from the root.
  var nodes: [SchemaNode]
  /// The root node.
  var root: Int
  /// Per resource: the `$dynamicAnchor`s it declares, as (interned name, node).
  var dynamicAnchors: [[(name: Int, node: Int)]]
  /// True when some node has `unevaluatedProperties`/`unevaluatedItems`, so annotations must be tracked.
  var tracksAnnotations: Bool
  /// True when some `$dynamicRef` needs the dynamic scope.
  var usesDynamicScope: Bool
}

/// One compiled (sub)schema. Subschemas are referred to by index into `SchemaProgram.nodes`, so `$ref` cycles
/// are plain integers and validation never looks anything up by name.
struct SchemaNode: Sendable {
  /// Where the schema sits: a JSON pointer in the root document, or `uri#pointer` in another document.
  var path: String
  /// The schema resource (`$id` scope) the node belongs to; used for `$dynamicRef`'s dynamic scope.
  var resource: Int
  /// The boolean schema `false`.
  var isFalse: Bool
  /// The keywords, type checks first and `unevaluated*` last (they need every sibling's annotations).
  var keywords: [SchemaKeyword]
}
