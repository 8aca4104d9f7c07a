/// A strict JSON (RFC 8259) parser for bundles, plans and API responses.
///
/// Strict where Foundation is lenient: duplicate keys, invalid UTF-8, lone surrogates, trailing text and
/// inexact integers (magnitude above 2^53, unless spelled exactly as the canonical writer spells that double)
/// are errors, each with a line and column. Nesting is bounded so a hostile `[[[[…` cannot overflow the stack.
package struct JSONParser {
  /// A parse failure with its position in the input.
  package struct Error: Swift.Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    package var message: String
    /// 1-based line of the offending byte.
    package var line: Int
    /// 1-based column (in bytes) of the offending byte.
    package var column: Int
    /// 0-based byte offset.
    package var offset: Int

    /// The text shown to people.
    package var description: String { "\(line):\(column): \(message)" }
  }

  /// The deepest nesting accepted.
  package var maxDepth: Int

  private let bytes: [UInt8]
  private var index = 0
  private var depth = 0

  private init(bytes: [UInt8], maxDepth: Int) {
    self.bytes = bytes
    self.maxDepth = maxDepth
  }

  /// Parses exactly one JSON text (surrounding whitespace allowed).
  package static func parse(_ bytes: [UInt8], maxDepth: Int = 512) throws(JSONParser.Error) -> JSONValue {
    var parser = JSONParser(bytes: bytes, maxDepth: maxDepth)
    try parser.checkUTF8()
    parser.skipWhitespace()
    let value = try parser.parseValue()
    parser.skipWhitespace()
    guard parser.index == parser.bytes.count else { throw parser.error("unexpected text after the JSON value") }
    return value
  }

  /// Parses a string holding one JSON text.
  package static func parse(_ text: String, maxDepth: Int = 512) throws(JSONParser.Error) -> JSONValue {
    try parse(Array(text.utf8), maxDepth: maxDepth)
  }

  /// Parses a stream of concatenated JSON texts (separated by optional whitespace), as in JSON Lines.
  package static func parseSequence(_ bytes: [UInt8], maxDepth: Int = 512) throws(JSONParser.Error) -> [JSONValue] {
    var parser = JSONParser(bytes: bytes, maxDepth: maxDepth)
    try parser.checkUTF8()
    var values: [JSONValue] = []
    parser.skipWhitespace()
    while parser.index < parser.bytes.count {
      let value = try parser.parseValue()
      values.append(value)
      // `1-2` or `truefalse` must not read as two values: a number or literal needs whitespace (or the end) after it.
      switch value {
      case .null, .bool, .number:
        if let next = parser.peek(), ![0x20, 0x0A, 0x0D, 0x09].contains(next) {
          throw parser.error("expected whitespace or a newline between JSON texts")
        }
      case .string, .array, .object: break
      }
      parser.skipWhitespace()
    }
    return values
  }

  // MARK: - Grammar

  private mutating func parseValue() throws(JSONParser.Error) -> JSONValue {
    guard index < bytes.count else { throw error("unexpected end of input") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try parseObject()
    case UInt8(ascii: "["): return try parseArray()
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"):
      try expectLiteral("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try expectLiteral("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try expectLiteral("null")
      return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
    default: throw error("unexpected character \(describe(bytes[index]))")
    }
  }

  private mutating func enter() throws(JSONParser.Error) {
    depth += 1
    if depth > maxDepth { throw error("nesting deeper than \(maxDepth) levels") }
  }

  private mutating func parseObject() throws(JSONParser.Error) -> JSONValue {
    try enter()
    index += 1
    var members: [JSONObject.Member] = []
    // Keys seen so far as UTF-8 (code-unit equality, unlike `String`), filled only once the object is large:
    // a linear scan per key would make a hostile 100k-member object take minutes.
    var seenKeys: Set<[UInt8]> = []
    skipWhitespace()
    if peek() == UInt8(ascii: "}") {
      index += 1
      depth -= 1
      return .object(JSONObject(members))
    }
    while true {
      skipWhitespace()
      guard peek() == UInt8(ascii: "\"") else { throw error("expected a string key") }
      let keyOffset = index
      let key = try parseString()
      let isDuplicate: Bool
      if members.count < 16 {
        isDuplicate = members.contains(where: { $0.key.hasSameCodeUnits(as: key) })
      } else {
        if seenKeys.isEmpty { seenKeys = Set(members.map { Array($0.key.utf8) }) }
        isDuplicate = !seenKeys.insert(Array(key.utf8)).inserted
      }
      if isDuplicate {
        throw error("duplicate key \"\(key)\"", at: keyOffset)
      }
      skipWhitespace()
      guard peek() == UInt8(ascii: ":") else { throw error("expected ':' after an object key") }
      index += 1
      skipWhitespace()
      let value = try parseValue()
      members.append(JSONObject.Member(key: key, value: value))
      skipWhitespace()
      switch peek() {
      case UInt8(ascii: ","): index += 1
      case UInt8(ascii: "}"):
        index += 1
        depth -= 1
        return .object(JSONObject(members))
      default: throw error("expected ',' or '}' in an object")
      }
    }
  }

  private mutating func parseArray() throws(JSONParser.Error) -> JSONValue {
    try enter()
    index += 1
    var elements: [JSONValue] = []
    skipWhitespace()
    if peek() == UInt8(ascii: "]") {
      index += 1
      depth -= 1
      return .array(elements)
    }
    while true {
      skipWhitespace()
      elements.append(try parseValue())
      skipWhitespace()
      switch peek() {
      case UInt8(ascii: ","): index += 1
      case UInt8(ascii: "]"):
        index += 1
        depth -= 1
        return .array(elements)
      default: throw error("expected ',' or ']' in an array")
      }
    }
  }

  private mutating func parseString() throws(JSONParser.Error) -> String {
    index += 1
    let start = index
    // Fast path: no escapes, so the bytes (already checked as UTF-8) are the string.
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        let s = String(decoding: bytes[start..<index], as: UTF8.self)
        index += 1
        return s
      }
      if byte == UInt8(ascii: "\\") { break }
      if byte < 0x20 { throw error("control character \(describe(byte)) must be escaped in a string") }
      index += 1
    }
    var scalars = String.UnicodeScalarView()
    var utf8: [UInt8] = Array(bytes[start..<index])
    while true {
      guard index < bytes.count else { throw error("unterminated string", at: start - 1) }
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "\""):
        index += 1
        flush(&utf8, into: &scalars)
        return String(scalars)
      case UInt8(ascii: "\\"):
        flush(&utf8, into: &scalars)
        index += 1
        guard index < bytes.count else { throw error("unterminated escape") }
        let escape = bytes[index]
        index += 1
        switch escape {
        case UInt8(ascii: "\""): scalars.append("\"")
        case UInt8(ascii: "\\"): scalars.append("\\")
        case UInt8(ascii: "/"): scalars.append("/")
        case UInt8(ascii: "b"): scalars.append("\u{8}")
        case UInt8(ascii: "f"): scalars.append("\u{C}")
        case UInt8(ascii: "n"): scalars.append("\n")
        case UInt8(ascii: "r"): scalars.append("\r")
        case UInt8(ascii: "t"): scalars.append("\t")
        case UInt8(ascii: "u"): scalars.append(try parseUnicodeEscape())
        default:
          index -= 1
          throw error("invalid escape \\\(describe(escape))")
        }
      default:
        if byte < 0x20 { throw error("control character \(describe(byte)) must be escaped in a string") }
        utf8.append(byte)
        index += 1
      }
    }
  }

  private func flush(_ utf8: inout [UInt8], into scalars: inout String.UnicodeScalarView) {
    guard !utf8.isEmpty else { return }
    scalars.append(contentsOf: String(decoding: utf8, as: UTF8.self).unicodeScalars)
    utf8.removeAll(keepingCapacity: true)
  }

  private mutating func parseHex4() throws(JSONParser.Error) -> UInt32 {
    guard index + 4 <= bytes.count else { throw error("truncated \\u escape") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[index]
      let digit: UInt32
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
      default: throw error("invalid hex digit in \\u escape")
      }
      value = value << 4 | digit
      index += 1
    }
    return value
  }

  private mutating func parseUnicodeEscape() throws(JSONParser.Error) -> Unicode.Scalar {
    let escapeStart = index - 2
    let high = try parseHex4()
    if (0xD800...0xDBFF).contains(high) {
      guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
        throw error("lone high surrogate in \\u escape", at: escapeStart)
      }
      index += 2
      let low = try parseHex4()
      guard (0xDC00...0xDFFF).contains(low) else { throw error("invalid surrogate pair", at: escapeStart) }
      let code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
      guard let scalar = Unicode.Scalar(code) else { throw error("invalid surrogate pair", at: escapeStart) }
      return scalar
    }
    guard let scalar = Unicode.Scalar(high) else { throw error("lone low surrogate in \\u escape", at: escapeStart) }
    return scalar
  }

  private mutating func parseNumber() throws(JSONParser.Error) -> Double {
    let start = index
    var isInteger = true
    if peek() == UInt8(ascii: "-") { index += 1 }
    guard let first = peek(), isDigit(first) else { throw error("invalid number") }
    if first == UInt8(ascii: "0") {
      index += 1
      if let next = peek(), isDigit(next) { throw error("leading zeros are not allowed in numbers") }
    } else {
      while let b = peek(), isDigit(b) { index += 1 }
    }
    if peek() == UInt8(ascii: ".") {
      isInteger = false
      index += 1
      guard let b = peek(), isDigit(b) else { throw error("expected a digit after '.'") }
      while let b = peek(), isDigit(b) { index += 1 }
    }
    if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
      isInteger = false
      index += 1
      if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
      guard let b = peek(), isDigit(b) else { throw error("expected a digit in the exponent") }
      while let b = peek(), isDigit(b) { index += 1 }
    }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    guard let value = Double(text), value.isFinite else {
      throw error("number \(text) is out of range", at: start)
    }
    // Compare digits, not the double: 2^53 + 1 rounds to 2^53 and would slip through a `>` test on the value.
    // An integer that is exactly the canonical (ECMAScript) spelling of its double is what the writer emits
    // for doubles from 2^53 to 10^21 (e.g. `1.0e+16` in YAML), so it reads back as written: accepted.
    if isInteger && abs(value) >= jsonMaxExactInteger
      && !bytes[(bytes[start] == UInt8(ascii: "-") ? start + 1 : start)..<index].elementsEqual("9007199254740992".utf8)
      && !text.utf8.elementsEqual(ECMAScriptNumber.format(value).utf8)
    {
      throw error("integer \(text) is too large to be represented exactly (limit 2^53)", at: start)
    }
    return value
  }

  // MARK: - Helpers

  private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

  private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

  private mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x0A, 0x0D, 0x09: index += 1
      default: return
      }
    }
  }

  private mutating func expectLiteral(_ literal: StaticString) throws(JSONParser.Error) {
    let count = literal.utf8CodeUnitCount
    let matches = literal.withUTF8Buffer { buffer in
      index + count <= bytes.count && bytes[index..<(index + count)].elementsEqual(buffer)
    }
    guard matches else { throw error("invalid literal") }
    index += count
  }

  private func describe(_ byte: UInt8) -> String {
    (0x21...0x7E).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "0x\(String(byte, radix: 16))"
  }

  private func checkUTF8() throws(JSONParser.Error) {
    if let bad = UTF8Validation.firstInvalidOffset(bytes) {
      throw error("invalid UTF-8", at: bad)
    }
  }

  private func error(_ message: String, at offset: Int? = nil) -> JSONParser.Error {
    let offset = min(offset ?? index, bytes.count)
    var line = 1
    var lineStart = 0
    for i in 0..<offset where bytes[i] == 0x0A {
      line += 1
      lineStart = i + 1
    }
    return JSONParser.Error(message: message, line: line, column: offset - lineStart + 1, offset: offset)
  }
}
