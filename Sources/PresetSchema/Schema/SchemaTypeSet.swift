import PresetCore

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
