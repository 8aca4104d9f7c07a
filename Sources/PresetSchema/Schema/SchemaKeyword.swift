import PresetCore

/// A compiled keyword with its location, so messages never rebuild paths.
struct SchemaKeyword: Sendable {
  /// What to check.
  var kind: Kind
  /// The keyword's schema path, e.g. `/properties/a/type`.
  var path: String

  /// The keyword families, with sibling keywords that interact merged into one case.
  enum Kind: Sendable {
    case type(SchemaTypeSet)
    case enumeration([JSONValue])
    case constant(JSONValue)
    case members(SchemaMembers)
    case propertyNames(Int)
    case required([String])
    case dependentRequired([SchemaDependency<[String]>])
    case dependentSchemas([SchemaDependency<Int>])
    case minProperties(Int)
    case maxProperties(Int)
    case items(SchemaItems)
    case contains(SchemaContains)
    case minItems(Int)
    case maxItems(Int)
    case uniqueItems
    case minLength(Int)
    case maxLength(Int)
    case pattern(SchemaRegex)
    case minimum(Double)
    case maximum(Double)
    case exclusiveMinimum(Double)
    case exclusiveMaximum(Double)
    case multipleOf(SchemaDecimal)
    case allOf([Int])
    case anyOf(SchemaBranches)
    case oneOf(SchemaBranches)
    /// `not`, with a readable message when the inner schema is a plain `{"required": [...]}` (mutually exclusive keys).
    case not(Int, message: String?)
    case conditional(SchemaConditional)
    case ref(Int)
    case dynamicRef(SchemaDynamicRef)
    case unevaluatedProperties(Int)
    case unevaluatedItems(Int)
  }

  /// Sort rank: cheap type checks first so a type mismatch can end a node's reporting early; annotation
  /// consumers last.
  var rank: Int {
    switch kind {
    case .type: 0
    case .enumeration, .constant: 1
    case .unevaluatedProperties, .unevaluatedItems: 3
    default: 2
    }
  }
}

/// A `dependentRequired` / `dependentSchemas` entry.
struct SchemaDependency<Payload: Sendable>: Sendable {
  /// The property whose presence triggers the dependency.
  package var key: String
  /// Required names or a subschema index.
  var payload: Payload
}

/// `prefixItems` and `items` together (`items` applies after the prefix).
struct SchemaItems: Sendable {
  /// `prefixItems`.
  var prefix: [Int]
  /// `items`.
  var rest: Int?
  /// The schema path of `items`.
  var restPath: String
}

/// `contains` with `minContains` and `maxContains`.
struct SchemaContains: Sendable {
  /// The subschema.
  var node: Int
  /// `minContains` (default 1).
  var min: Int
  /// `maxContains`.
  var max: Int?
  /// True when `minContains` was written, for the message code.
  var minWritten: Bool
}

/// `anyOf` / `oneOf` branches plus an optional OpenAPI discriminator for picking the branch to report.
struct SchemaBranches: Sendable {
  /// The branch subschemas.
  var nodes: [Int]
  /// The discriminator, when the schema has one.
  var discriminator: SchemaDiscriminator?
}

/// OpenAPI's `discriminator`: a property whose value names the intended branch.
struct SchemaDiscriminator: Sendable {
  /// `propertyName`.
  var property: String
  /// Known values and the branch (index into the branches) each selects, in schema order.
  var values: [(value: String, branch: Int)]

  /// The branch a value selects.
  func branch(for value: String) -> Int? {
    values.first { $0.value.hasSameCodeUnits(as: value) }?.branch
  }
}

/// `if` / `then` / `else`.
struct SchemaConditional: Sendable {
  /// `if`.
  var condition: Int
  /// `then`.
  var then: Int?
  /// `else`.
  var otherwise: Int?
}

/// `$dynamicRef`: a static target, and the anchor name to look up in the dynamic scope when the static target
/// carries a matching `$dynamicAnchor` (the "bookend").
struct SchemaDynamicRef: Sendable {
  /// Where the reference resolves statically.
  var target: Int
  /// The interned `$dynamicAnchor` name, or nil when the reference behaves like `$ref`.
  var anchor: Int?
}
