/// A JSON value with exact semantics for hashing and comparison.
///
/// Why not `Any` or `Codable`: RFC 8785 needs `1` vs `true` kept apart, object members kept in order,
/// and keys compared by code units (`"é"` and `"e\u{301}"` are different JSON keys even though Swift's
/// `String ==` calls them equal).
///
/// Numbers are IEEE-754 doubles, the model RFC 8785 and ECMAScript use. Integers are accepted only while
/// they are exact (magnitude at most 2^53); loaders reject larger ones instead of rounding them silently.
/// `1` and `1.0` are the same number (both canonicalise to `1`).
package enum JSONValue: Sendable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object(JSONObject)
}

extension JSONValue: Equatable {
  /// Structural equality: strings and keys by Unicode scalars (not canonical equivalence), numbers by value,
  /// objects regardless of member order.
  package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): return true
    case (.bool(let a), .bool(let b)): return a == b
    case (.number(let a), .number(let b)): return a == b
    case (.string(let a), .string(let b)): return a.hasSameCodeUnits(as: b)
    case (.array(let a), .array(let b)): return a.count == b.count && zip(a, b).allSatisfy { $0 == $1 }
    case (.object(let a), .object(let b)): return a == b
    default: return false
    }
  }
}

extension JSONValue {
  /// The JSON type name used in messages: `null`, `boolean`, `integer`, `number`, `string`, `array`, `object`.
  package var typeName: String {
    switch self {
    case .null: "null"
    case .bool: "boolean"
    case .number(let n): n.rounded(.towardZero) == n && n.isFinite ? "integer" : "number"
    case .string: "string"
    case .array: "array"
    case .object: "object"
    }
  }

  /// The string payload, or nil for other types.
  package var stringValue: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  /// The object payload, or nil for other types.
  package var objectValue: JSONObject? {
    if case .object(let o) = self { return o }
    return nil
  }

  /// The array payload, or nil for other types.
  package var arrayValue: [JSONValue]? {
    if case .array(let a) = self { return a }
    return nil
  }

  /// The number payload, or nil for other types.
  package var numberValue: Double? {
    if case .number(let n) = self { return n }
    return nil
  }

  /// The boolean payload, or nil for other types.
  package var boolValue: Bool? {
    if case .bool(let b) = self { return b }
    return nil
  }

  /// True for `.null`.
  package var isNull: Bool {
    if case .null = self { return true }
    return false
  }

  /// Member lookup for objects; nil for other types or a missing key.
  package subscript(key: String) -> JSONValue? {
    objectValue?[key]
  }
}

/// The largest integer magnitude a double holds exactly; larger integers are rejected by the loaders.
package let jsonMaxExactInteger: Double = 9_007_199_254_740_992

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
  ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
  package init(nilLiteral: ()) { self = .null }
  package init(booleanLiteral value: Bool) { self = .bool(value) }
  package init(integerLiteral value: Int) { self = .number(Double(value)) }
  package init(floatLiteral value: Double) { self = .number(value) }
  package init(stringLiteral value: String) { self = .string(value) }
  package init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
  package init(dictionaryLiteral elements: (String, JSONValue)...) {
    self = .object(JSONObject(elements.map { JSONObject.Member(key: $0.0, value: $0.1) }))
  }
}
