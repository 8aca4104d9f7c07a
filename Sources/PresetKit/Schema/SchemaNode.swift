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
    case not(Int)
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

/// A set of JSON types, for `type`.
struct SchemaTypeSet: OptionSet, Sendable {
  let rawValue: UInt8
  static let null = SchemaTypeSet(rawValue: 1)
  static let boolean = SchemaTypeSet(rawValue: 2)
  static let object = SchemaTypeSet(rawValue: 4)
  static let array = SchemaTypeSet(rawValue: 8)
  static let number = SchemaTypeSet(rawValue: 16)
  static let string = SchemaTypeSet(rawValue: 32)
  static let integer = SchemaTypeSet(rawValue: 64)

  /// The types in message order with their names.
  static let named: [(SchemaTypeSet, String)] = [
    (.object, "object"), (.array, "array"), (.string, "string"), (.number, "number"), (.integer, "integer"),
    (.boolean, "boolean"), (.null, "null"),
  ]

  /// True when `value` has one of the types; integral numbers (including `1.0`) are integers.
  func admits(_ value: JSONValue) -> Bool {
    switch value {
    case .null: contains(.null)
    case .bool: contains(.boolean)
    case .object: contains(.object)
    case .array: contains(.array)
    case .string: contains(.string)
    case .number(let n): contains(.number) || (contains(.integer) && n.isFinite && n.rounded(.towardZero) == n)
    }
  }
}

/// `properties`, `patternProperties` and `additionalProperties` together: `additionalProperties` depends on
/// which members its siblings matched, so one pass over the members serves all three.
struct SchemaMembers: Sendable {
  /// `properties`, in schema order.
  var properties: [(key: String, node: Int)]
  /// A code-unit keyed index of `properties` for large schemas (nil when a linear scan is cheaper).
  var table: [SchemaKey: Int]?
  /// `patternProperties`.
  var patterns: [(regex: SchemaRegex, node: Int)]
  /// `additionalProperties`.
  var additional: Int?
  /// The schema path of `additionalProperties`.
  var additionalPath: String

  /// The subschema for a declared property, if any.
  func property(_ key: String) -> Int? {
    if let table { return table[SchemaKey(key)] }
    for entry in properties where entry.key.utf8.elementsEqual(key.utf8) { return entry.node }
    return nil
  }
}

/// A dictionary key that compares strings by UTF-8 code units, as JSON object keys compare.
struct SchemaKey: Hashable, Sendable {
  /// The key.
  let text: String
  init(_ text: String) { self.text = text }
  static func == (lhs: SchemaKey, rhs: SchemaKey) -> Bool { lhs.text.utf8.elementsEqual(rhs.text.utf8) }
  func hash(into hasher: inout Hasher) {
    for byte in text.utf8 { hasher.combine(byte) }
  }
}

/// A `dependentRequired` / `dependentSchemas` entry.
struct SchemaDependency<Payload: Sendable>: Sendable {
  /// The property whose presence triggers the dependency.
  var key: String
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
    values.first { $0.value.utf8.elementsEqual(value.utf8) }?.branch
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
