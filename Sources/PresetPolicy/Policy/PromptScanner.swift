import PresetCore

/// Hand-written scanners over a prompt's UTF-8 bytes: one linear pass each, no regular expressions, so linting
/// thousands of prompts stays fast and no input can make a scan slow.
package enum PromptScanner {
  /// Something found in a text: its UTF-8 byte range and a short description.
  package struct Finding: Sendable, Equatable {
    /// Byte offset of the first byte.
    package var offset: Int
    /// Length in bytes.
    package var length: Int
    /// What to show in the message (the placeholder, the code point name, the masked secret).
    package var text: String
  }

  /// Longest placeholder body considered (a `{{` without a close nearby is not a placeholder).
  static let maxPlaceholderLength = 200

  /// `{{…}}` and `${…}` on one line with a non-blank body.
  static func placeholders(_ bytes: [UInt8]) -> [Finding] { bytes.withUnsafeBufferPointer { placeholders($0) } }

  static func placeholders(_ b: UnsafeBufferPointer<UInt8>) -> [Finding] {
    guard ByteSearch.contains(Array("{{".utf8), in: b) || ByteSearch.contains(Array("${".utf8), in: b) else {
      return []
    }
    var found: [Finding] = []
    let n = b.count
    var i = 0
    while i + 1 < n {
      let doubleBrace = b[i] == UInt8(ascii: "{") && b[i + 1] == UInt8(ascii: "{")
      let dollar = b[i] == UInt8(ascii: "$") && b[i + 1] == UInt8(ascii: "{")
      guard doubleBrace || dollar else {
        i += 1
        continue
      }
      var open = i
      if doubleBrace { while open + 2 < n, b[open + 2] == UInt8(ascii: "{") { open += 1 } }
      let bodyStart = open + 2
      var j = bodyStart
      var end: Int?
      while j < n, j - bodyStart <= maxPlaceholderLength, b[j] != UInt8(ascii: "\n") {
        if b[j] == UInt8(ascii: "}") {
          if dollar {
            end = j + 1
            break
          }
          if j + 1 < n, b[j + 1] == UInt8(ascii: "}") {
            end = j + 2
            break
          }
        }
        j += 1
      }
      guard let end, b[bodyStart..<j].contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) else {
        i = bodyStart
        continue
      }
      found.append(Finding(offset: open, length: end - open, text: String(decoding: b[open..<end], as: UTF8.self)))
      i = end
    }
    return found
  }

  /// Invisible and bidirectional-control characters; a run of them is one finding named by its first scalar.
  /// A zero width joiner between two emoji is part of an emoji sequence and not reported.
  static func invisibleCharacters(_ bytes: [UInt8]) -> [Finding] {
    bytes.withUnsafeBufferPointer { invisibleCharacters($0) }
  }

  static func invisibleCharacters(_ b: UnsafeBufferPointer<UInt8>) -> [Finding] {
    guard ByteSearch.containsAny(of: invisibleLeadBytes, in: b) else { return [] }
    var found: [Finding] = []
    var previous: Unicode.Scalar?
    var run: (offset: Int, end: Int, first: Unicode.Scalar, count: Int)?
    func flush() {
      guard let r = run else { return }
      let name = describe(r.first)
      found.append(
        Finding(
          offset: r.offset, length: r.end - r.offset, text: r.count == 1 ? name : "\(r.count) characters, \(name)"))
      run = nil
    }
    var i = 0
    while i < b.count {
      // Every reported code point is outside ASCII: ASCII bytes only end a run, and a stretch of them is
      // skipped eight bytes at a time (prompts are mostly ASCII with the odd dash or quote).
      if b[i] < 0x80 {
        if run != nil { flush() }
        i = UTF8Validation.asciiEnd(b, from: i + 1)
        previous = Unicode.Scalar(b[i - 1])
        continue
      }
      let (scalar, length) = decode(b, at: i)
      defer {
        previous = scalar
        i += length
      }
      guard isInvisible(scalar.value) else {
        flush()
        continue
      }
      if scalar.value == 0x200D, let previous, isEmoji(previous), i + length < b.count,
        isEmoji(decode(b, at: i + length).scalar)
      {
        flush()
        continue
      }
      if let r = run, r.end == i {
        run = (r.offset, i + length, r.first, r.count + 1)
      } else {
        flush()
        run = (i, i + length, scalar, 1)
      }
    }
    flush()
    return found
  }

  /// The UTF-8 lead bytes of every code point `isInvisible` accepts.
  static let invisibleLeadBytes: [UInt8] = [0xC2, 0xCD, 0xD8, 0xE1, 0xE2, 0xE3, 0xEF, 0xF3]

  /// The code points reported as invisible: zero-width and format characters, bidirectional controls, word
  /// joiners and invisible operators, the byte order mark, the soft hyphen, and the tag block.
  static func isInvisible(_ v: UInt32) -> Bool {
    switch v {
    case 0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180E, 0x3164, 0xFEFF, 0xFFA0: true
    case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xE0000...0xE007F: true
    default: false
    }
  }

  /// `U+200B ZERO WIDTH SPACE`.
  static func describe(_ scalar: Unicode.Scalar) -> String {
    var hex = String(scalar.value, radix: 16, uppercase: true)
    while hex.count < 4 { hex = "0" + hex }
    if let name = scalar.properties.name { return "U+\(hex) \(name)" }
    return "U+\(hex)"
  }

  private static func isEmoji(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value == 0xFE0F || (scalar.value > 0x7F && (scalar.properties.isEmoji || scalar.properties.isEmojiModifier))
  }

  /// The scalar starting at `i` of valid UTF-8 (malformed bytes decode as U+FFFD, one byte long).
  static func decode(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (scalar: Unicode.Scalar, length: Int) {
    let lead = b[i]
    let length: Int
    var value: UInt32
    switch lead {
    case 0..<0x80: return (Unicode.Scalar(lead), 1)
    case 0xC0..<0xE0: (length, value) = (2, UInt32(lead & 0x1F))
    case 0xE0..<0xF0: (length, value) = (3, UInt32(lead & 0x0F))
    case 0xF0..<0xF8: (length, value) = (4, UInt32(lead & 0x07))
    default: return ("\u{FFFD}", 1)
    }
    guard i + length <= b.count else { return ("\u{FFFD}", 1) }
    for k in 1..<length {
      guard b[i + k] & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
      value = value << 6 | UInt32(b[i + k] & 0x3F)
    }
    return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
  }

  static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }

  static func isWordByte(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
  }
}
