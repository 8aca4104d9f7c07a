/// Reads fuzzer bytes as a stream of choices.
struct FuzzByteSource {
  private let bytes: [UInt8]
  private var index = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  var isEmpty: Bool { index >= bytes.count }

  /// The next byte, or 0 past the end (so every input makes a finite value).
  mutating func byte() -> UInt8 {
    guard index < bytes.count else { return 0 }
    defer { index += 1 }
    return bytes[index]
  }

  /// The next eight bytes, little-endian.
  mutating func word() -> UInt64 {
    var value: UInt64 = 0
    for shift in stride(from: 0, to: 64, by: 8) { value |= UInt64(byte()) << UInt64(shift) }
    return value
  }
}

/// Builds JSON values from fuzzer bytes, reaching numbers and strings the JSON parser would never produce.
enum FuzzValueGenerator {
  static func value(from source: inout FuzzByteSource, depth: Int) -> JSONValue {
    let tag = source.byte()
    switch depth >= 24 ? tag % 5 : tag % 7 {
    case 0: return .null
    case 1: return .bool(tag & 0x80 != 0)
    case 2: return .number(number(from: &source))
    case 3, 4: return .string(string(from: &source))
    case 5:
      let count = Int(source.byte() % 8)
      var items: [JSONValue] = []
      for _ in 0..<count where !source.isEmpty { items.append(value(from: &source, depth: depth + 1)) }
      return .array(items)
    default:
      let count = Int(source.byte() % 8)
      var object = JSONObject()
      for _ in 0..<count where !source.isEmpty {
        let key = string(from: &source)
        // Keys are unique by code units (the loaders reject duplicates), so skip repeats.
        guard object.index(of: key) == nil else { continue }
        object.members.append(.init(key: key, value: value(from: &source, depth: depth + 1)))
      }
      return .object(object)
    }
  }

  /// A finite double: raw bit patterns, small integers, values around 2^53, and decimal-looking values.
  static func number(from source: inout FuzzByteSource) -> Double {
    let kind = source.byte() % 5
    switch kind {
    case 0:
      let bits = source.word()
      let d = Double(bitPattern: bits)
      return d.isFinite ? d : 0
    case 1: return Double(Int8(bitPattern: source.byte()))
    case 2:
      // Integers near the 2^53 boundary, where the writer and the exact-integer rule meet.
      let offset = Double(Int8(bitPattern: source.byte()))
      return 9_007_199_254_740_992 + offset
    case 3:
      let mantissa = Double(Int32(truncatingIfNeeded: Int64(bitPattern: source.word())))
      let exponent = Int(Int8(bitPattern: source.byte())) % 40
      let d = mantissa * pow10(exponent)
      return d.isFinite ? d : 0
    default:
      return -0.0
    }
  }

  private static func pow10(_ exponent: Int) -> Double {
    var result = 1.0
    for _ in 0..<abs(exponent) { result *= 10 }
    return exponent < 0 ? 1 / result : result
  }

  /// A string of arbitrary scalars: control characters, escapes, astral planes, combining marks.
  static func string(from source: inout FuzzByteSource) -> String {
    let count = Int(source.byte() % 12)
    var scalars = String.UnicodeScalarView()
    for _ in 0..<count {
      let kind = source.byte()
      let raw: UInt32
      switch kind % 4 {
      case 0: raw = UInt32(source.byte() % 0x80)
      case 1: raw = UInt32(source.byte()) | UInt32(source.byte()) << 8
      case 2: raw = 0x10000 + (UInt32(source.byte()) | UInt32(source.byte()) << 8 | UInt32(source.byte() % 16) << 16)
      default: raw = [0x22, 0x5C, 0x2F, 0x7F, 0x2028, 0x2029, 0xFEFF, 0x301, 0xE9, 0xFFFF][Int(source.byte() % 10)]
      }
      scalars.append(Unicode.Scalar(raw) ?? "\u{FFFD}")
    }
    return String(scalars)
  }
}
