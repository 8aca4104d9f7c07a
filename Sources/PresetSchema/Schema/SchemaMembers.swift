import PresetCore

/// `properties`, `patternProperties` and `additionalProperties` together: `additionalProperties` depends on
/// which members its siblings matched, so one pass over the members serves all three.
struct SchemaMembers: Sendable {
  /// `properties`, in schema order.
  var properties: [(key: String, node: Int)]
  /// A code-unit keyed index of `properties` for large schemas (nil when a linear scan is cheaper).
  var table: [CodeUnitKey: Int]?
  /// `patternProperties`.
  var patterns: [(regex: SchemaRegex, node: Int)]
  /// `additionalProperties`.
  var additional: Int?
  /// The schema path of `additionalProperties`.
  var additionalPath: String

  /// The subschema for a declared property, if any.
  func property(_ key: String) -> Int? {
    if let table { return table[CodeUnitKey(key)] }
    for entry in properties where entry.key.hasSameCodeUnits(as: key) { return entry.node }
    return nil
  }
}
