/// Serialises `JSONValue`s: RFC 8785 canonical form for hashing, and a stable pretty form for files people read.
///
/// Both forms share one string escaping (RFC 8785's minimal escaping) and one number formatting (ECMAScript),
/// so a pretty bundle and its canonical hash always agree about what a value is.
package enum JSONWriter {
  /// Layout choices.
  package struct Options: Sendable {
    /// Indent width in spaces; nil writes everything on one line without spaces.
    package var indent: Int?
    /// Sort object members by UTF-16 code units (as RFC 8785 does); otherwise keep their order.
    package var sortKeys: Bool
    /// Append a final newline.
    package var trailingNewline: Bool

    /// Creates options.
    package init(indent: Int? = nil, sortKeys: Bool = false, trailingNewline: Bool = false) {
      self.indent = indent
      self.sortKeys = sortKeys
      self.trailingNewline = trailingNewline
    }

    /// RFC 8785 canonical JSON: compact, sorted, no trailing newline.
    package static let canonical = Options(indent: nil, sortKeys: true, trailingNewline: false)
    /// Two-space indented, sorted keys, final newline: the form of every file presetctl writes.
    package static let pretty = Options(indent: 2, sortKeys: true, trailingNewline: true)
    /// Compact, members in their given order: request bodies.
    package static let compact = Options(indent: nil, sortKeys: false, trailingNewline: false)
  }

  /// The RFC 8785 canonical UTF-8 bytes of a value.
  package static func canonicalBytes(_ value: JSONValue) -> [UInt8] {
    bytes(value, options: .canonical)
  }

  /// The RFC 8785 canonical text of a value.
  package static func canonicalString(_ value: JSONValue) -> String {
    String(decoding: canonicalBytes(value), as: UTF8.self)
  }

  /// The text of a value in the given layout.
  package static func string(_ value: JSONValue, options: Options = .pretty) -> String {
    String(decoding: bytes(value, options: options), as: UTF8.self)
  }

  /// The UTF-8 bytes of a value in the given layout.
  package static func bytes(_ value: JSONValue, options: Options) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(256)
    write(value, into: &out, options: options, level: 0)
    if options.trailingNewline { out.append(0x0A) }
    return out
  }

  /// Appends a value as if it were nested `level` deep in a larger document (used to assemble big documents
  /// from parts serialised in parallel).
  package static func append(_ value: JSONValue, to out: inout [UInt8], options: Options, level: Int) {
    write(value, into: &out, options: options, level: level)
  }

  /// Members ordered by the UTF-16 code units of their keys, the order RFC 8785 section 3.2.3 prescribes.
  package static func sortedMembers(_ object: JSONObject) -> [JSONObject.Member] {
    let members = object.members
    if members.allSatisfy({ $0.key.utf8.allSatisfy { $0 < 0x80 } }) {
      // ASCII keys: UTF-8 byte order equals UTF-16 order, and avoids building code-unit arrays. Members
      // already in order (models are built sorted) are returned as they are, without a sorted copy.
      let ordered = members.indices.dropFirst().allSatisfy { members[$0 - 1].key.precedesInCodeUnits(members[$0].key) }
      return ordered ? members : members.sorted { $0.key.precedesInCodeUnits($1.key) }
    }
    return
      members
      .map { (units: Array($0.key.utf16), member: $0) }
      .sorted { $0.units.lexicographicallyPrecedes($1.units) }
      .map(\.member)
  }

  private static func write(_ value: JSONValue, into out: inout [UInt8], options: Options, level: Int) {
    switch value {
    case .null: out.append(contentsOf: "null".utf8)
    case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
    case .number(let n): out.append(contentsOf: ECMAScriptNumber.format(n).utf8)
    case .string(let s): writeString(s, into: &out)
    case .array(let elements):
      guard !elements.isEmpty else {
        out.append(contentsOf: "[]".utf8)
        return
      }
      out.append(UInt8(ascii: "["))
      for (i, element) in elements.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        newline(into: &out, options: options, level: level + 1)
        write(element, into: &out, options: options, level: level + 1)
      }
      newline(into: &out, options: options, level: level)
      out.append(UInt8(ascii: "]"))
    case .object(let object):
      guard !object.isEmpty else {
        out.append(contentsOf: "{}".utf8)
        return
      }
      out.append(UInt8(ascii: "{"))
      let members = options.sortKeys ? sortedMembers(object) : object.members
      for (i, member) in members.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        newline(into: &out, options: options, level: level + 1)
        writeString(member.key, into: &out)
        out.append(UInt8(ascii: ":"))
        if options.indent != nil { out.append(UInt8(ascii: " ")) }
        write(member.value, into: &out, options: options, level: level + 1)
      }
      newline(into: &out, options: options, level: level)
      out.append(UInt8(ascii: "}"))
    }
  }

  private static func newline(into out: inout [UInt8], options: Options, level: Int) {
    guard let indent = options.indent else { return }
    out.append(0x0A)
    out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * level))
  }

  /// The first offset at or after `start` whose 8-byte word holds a byte that may need escaping (a control
  /// character, `"` or `\`), found a word at a time; the caller checks bytes one by one from there.
  @inline(__always)
  private static func plainEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    guard let base = bytes.baseAddress else { return start }
    var i = start
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    while i + 8 <= bytes.count {
      let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
      // The classic "has a zero byte" test on the word, on it XOR `"` and XOR `\`, and "has a byte below
      // 0x20" (a byte's high bit set after subtracting 0x20, where it was clear before).
      let control = (word &- ones &* 0x20) & ~word
      let quote = (word ^ (ones &* 0x22)) &- ones & ~(word ^ (ones &* 0x22))
      let backslash = (word ^ (ones &* 0x5C)) &- ones & ~(word ^ (ones &* 0x5C))
      if (control | quote | backslash) & highs != 0 { return i }
      i += 8
    }
    return i
  }

  private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

  /// RFC 8785 minimal escaping: `"` and `\`, the short forms for \b \t \n \f \r, `\u00xx` for other controls;
  /// everything else (including `/` and non-ASCII) is written raw.
  private static func writeString(_ string: String, into out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    var copy = string
    copy.withUTF8 { bytes in
      // Copy runs of bytes that need no escaping in one go; most strings have no escapes at all.
      var runStart = 0
      var i = 0
      while i < bytes.count {
        // Eight bytes at a time while none needs an escape (prompts are long and mostly plain).
        i = plainEnd(bytes, from: i)
        guard i < bytes.count else { break }
        let byte = bytes[i]
        defer { i += 1 }
        guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
        if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
        runStart = i + 1
        // Two single appends: an array literal per escape can cost an allocation in the hottest loop.
        out.append(0x5C)
        switch byte {
        case UInt8(ascii: "\""): out.append(0x22)
        case UInt8(ascii: "\\"): out.append(0x5C)
        case 0x08: out.append(UInt8(ascii: "b"))
        case 0x09: out.append(UInt8(ascii: "t"))
        case 0x0A: out.append(UInt8(ascii: "n"))
        case 0x0C: out.append(UInt8(ascii: "f"))
        case 0x0D: out.append(UInt8(ascii: "r"))
        default:
          out.append(UInt8(ascii: "u"))
          out.append(UInt8(ascii: "0"))
          out.append(UInt8(ascii: "0"))
          out.append(hexDigits[Int(byte >> 4)])
          out.append(hexDigits[Int(byte & 0xF)])
        }
      }
      if runStart < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count])) }
    }
    out.append(UInt8(ascii: "\""))
  }
}
