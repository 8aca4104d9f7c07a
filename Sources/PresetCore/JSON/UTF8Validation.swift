/// UTF-8 well-formedness checks shared by the JSON parser, the YAML loader and prompt-file reading.
package enum UTF8Validation {
  /// The byte offset of the first ill-formed UTF-8 sequence, or nil when all bytes are well-formed
  /// (no overlong forms, no surrogates, nothing above U+10FFFF).
  package static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBufferPointer { firstInvalidOffset($0) }
  }

  /// The end of the run of ASCII bytes starting at `start`: the first offset holding a byte of 0x80 or more, or
  /// the count. Eight bytes are tested at a time with one mask, then the tail byte by byte.
  @inline(__always)
  package static func asciiEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var i = start
    if let base = bytes.baseAddress {
      let raw = UnsafeRawPointer(base)
      while i + 8 <= bytes.count, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
        i += 8
      }
    }
    while i < bytes.count, bytes[i] < 0x80 { i += 1 }
    return i
  }

  /// `firstInvalidOffset` over a buffer. Every preset and prompt byte passes through here, and almost all of
  /// them are ASCII: eight bytes at a time are tested with one mask before the per-sequence checks.
  package static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard bytes.baseAddress != nil else { return nil }
    var i = 0
    let n = bytes.count
    while i < n {
      i = asciiEnd(bytes, from: i)
      guard i < n else { break }
      let b0 = bytes[i]
      let length: Int
      var lower: UInt8 = 0x80
      var upper: UInt8 = 0xBF
      switch b0 {
      case 0xC2...0xDF: length = 2
      case 0xE0:
        length = 3
        lower = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED:
        length = 3
        upper = 0x9F
      case 0xF0:
        length = 4
        lower = 0x90
      case 0xF1...0xF3: length = 4
      case 0xF4:
        length = 4
        upper = 0x8F
      default: return i
      }
      guard i + length <= n else { return i }
      let b1 = bytes[i + 1]
      guard b1 >= lower && b1 <= upper else { return i }
      for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 {
        return i
      }
      i += length
    }
    return nil
  }

  /// The 1-based line and column (counted in Unicode scalars) of a byte offset, for diagnostics about raw bytes.
  package static func position(ofOffset offset: Int, in bytes: [UInt8]) -> SourcePosition {
    var line = 1
    var column = 1
    var i = 0
    let end = min(offset, bytes.count)
    while i < end {
      let b = bytes[i]
      if b == 0x0A {
        line += 1
        column = 1
      } else if b & 0xC0 != 0x80 {
        column += 1
      }
      i += 1
    }
    return SourcePosition(line: line, column: column)
  }
}
