import PresetKit
import Testing

@testable import PresetCore

/// `UTF8Validation`: well-formedness per Unicode table 3-7, and positions for diagnostics.
@Suite struct UTF8ValidationTests {
  @Test(
    arguments: [
      [], [0x00], [0x41, 0x7F],
      [0xC2, 0x80], [0xDF, 0xBF],  // U+0080, U+07FF
      [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xEE, 0x80, 0x80], [0xEF, 0xBF, 0xBF],  // U+0800, U+D7FF, U+E000, U+FFFF
      [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],  // U+10000, U+10FFFF
      [0xEF, 0xBB, 0xBF],  // a BOM is well-formed UTF-8
    ] as [[UInt8]])
  func wellFormedBoundaries(bytes: [UInt8]) {
    #expect(UTF8Validation.firstInvalidOffset(bytes) == nil)
  }

  @Test func everyScalarSampleIsAccepted() {
    var text = ""
    for value in stride(from: 0, through: 0x10FFFF, by: 97) {
      if let scalar = Unicode.Scalar(UInt32(value)) { text.unicodeScalars.append(scalar) }
    }
    #expect(UTF8Validation.firstInvalidOffset(Array(text.utf8)) == nil)
  }

  /// The ASCII fast path tests eight bytes at once: a bad byte at every offset around the word boundaries
  /// (and the short tail after the last whole word) must still be found at its exact offset.
  @Test func badBytesAreFoundAtEveryOffsetAroundTheWordPath() {
    for length in [1, 7, 8, 9, 15, 16, 17, 31, 33] {
      for offset in 0..<length {
        var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
        bytes[offset] = 0xFF
        #expect(UTF8Validation.firstInvalidOffset(bytes) == offset, "length \(length), offset \(offset)")
        // A valid multi-byte scalar before the bad byte moves the scan off word alignment.
        if offset >= 2 {
          bytes[offset - 2] = 0xC3
          bytes[offset - 1] = 0xA9
          #expect(UTF8Validation.firstInvalidOffset(bytes) == offset, "after é, length \(length), offset \(offset)")
        }
      }
    }
    // A sequence cut off by the end of the buffer, right after a run of whole ASCII words.
    #expect(UTF8Validation.firstInvalidOffset(Array(repeating: 0x61, count: 16) + [0xE2, 0x82]) == 16)
    #expect(UTF8Validation.firstInvalidOffset(Array(repeating: 0x61, count: 64)) == nil)
  }

  @Test(
    arguments: [
      [0xC0, 0x80], [0xC0, 0xAF], [0xC1, 0xBF],  // 2-byte overlongs (NUL, '/', U+007F)
      [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF],  // 3-byte overlongs
      [0xF0, 0x80, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF],  // 4-byte overlongs
    ] as [[UInt8]])
  func overlongsAreRejected(bytes: [UInt8]) {
    #expect(UTF8Validation.firstInvalidOffset(bytes) == 0)
    #expect(UTF8Validation.firstInvalidOffset([0x61, 0x62] + bytes) == 2)
  }

  @Test(
    arguments: [
      [0xED, 0xA0, 0x80], [0xED, 0xAF, 0xBF], [0xED, 0xB0, 0x80], [0xED, 0xBF, 0xBF],  // U+D800, U+DBFF, U+DC00, U+DFFF
      [0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80],  // CESU-8 pair for U+1F600
    ] as [[UInt8]])
  func encodedSurrogatesAreRejected(bytes: [UInt8]) {
    #expect(UTF8Validation.firstInvalidOffset(bytes) == 0)
    #expect(UTF8Validation.firstInvalidOffset(Array("é".utf8) + bytes) == 2)
  }

  @Test(
    arguments: [
      [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xF7, 0xBF, 0xBF, 0xBF],  // above U+10FFFF
      [0xF8, 0x88, 0x80, 0x80, 0x80], [0xFC, 0x84, 0x80, 0x80, 0x80, 0x80], [0xFE], [0xFF],  // never valid
      [0x80], [0xBF], [0x80, 0x80],  // continuation without a lead
      [0xC2, 0x41], [0xE2, 0x28, 0xA1], [0xE2, 0x82, 0x28], [0xF0, 0x90, 0x28, 0xBC], [0xF0, 0x90, 0x80, 0xC0],
    ] as [[UInt8]])
  func otherIllFormedSequencesAreRejected(bytes: [UInt8]) {
    #expect(UTF8Validation.firstInvalidOffset(bytes) == 0)
  }

  @Test(
    arguments: [
      [0xC2], [0xE2], [0xE2, 0x82], [0xF0], [0xF0, 0x9F], [0xF0, 0x9F, 0x98],
    ] as [[UInt8]])
  func truncatedSequencesAreRejected(bytes: [UInt8]) {
    // At the end of input, and followed by ASCII.
    #expect(UTF8Validation.firstInvalidOffset(Array("ok".utf8) + bytes) == 2)
    #expect(UTF8Validation.firstInvalidOffset(Array("ok".utf8) + bytes + [0x41]) == 2)
  }

  @Test func reportsTheFirstOfSeveralErrors() {
    let bytes: [UInt8] = Array("€ok".utf8) + [0xC0, 0x80] + [0xFF]
    #expect(UTF8Validation.firstInvalidOffset(bytes) == 5)
  }

  /// Differential check against the standard library's strict decoder on mutated valid text.
  @Test func agreesWithStandardLibraryDecoder() {
    let base = Array("a€😀é\u{10FFFF}\u{800}z".utf8)
    var state: UInt32 = 0xC0FF_EE11
    func next() -> UInt32 {
      state ^= state << 13
      state ^= state >> 17
      state ^= state << 5
      return state
    }
    for _ in 0..<3_000 {
      var bytes = base
      for _ in 0..<(1 + Int(next() % 3)) {
        bytes[Int(next() % UInt32(bytes.count))] = UInt8(truncatingIfNeeded: next())
      }
      if next() % 4 == 0 { bytes.removeLast(Int(next() % 4)) }
      let stdlibRejects = transcode(
        bytes.makeIterator(), from: UTF8.self, to: UTF32.self, stoppingOnError: true, into: { _ in })
      let offset = UTF8Validation.firstInvalidOffset(bytes)
      #expect((offset != nil) == stdlibRejects, "\(bytes)")
      if let offset {
        // Everything before the reported offset is well-formed.
        let prefixRejected = transcode(
          bytes[..<offset].makeIterator(), from: UTF8.self, to: UTF32.self, stoppingOnError: true, into: { _ in })
        #expect(!prefixRejected, "\(bytes)")
      }
    }
  }

  @Test func positionCountsLinesAndScalars() {
    let bytes = Array("ab\ncé€😀x\r\nz".utf8)
    #expect(UTF8Validation.position(ofOffset: 0, in: bytes) == SourcePosition(line: 1, column: 1))
    #expect(UTF8Validation.position(ofOffset: 2, in: bytes) == SourcePosition(line: 1, column: 3))
    #expect(UTF8Validation.position(ofOffset: 3, in: bytes) == SourcePosition(line: 2, column: 1))
    // c(1) é(2) €(3) 😀(4): 'x' starts at byte 3 + 1 + 2 + 3 + 4 = 13 and is the 5th scalar on the line.
    #expect(UTF8Validation.position(ofOffset: 13, in: bytes) == SourcePosition(line: 2, column: 5))
    #expect(UTF8Validation.position(ofOffset: 16, in: bytes) == SourcePosition(line: 3, column: 1))
    // Offsets past the end clamp to the end.
    #expect(UTF8Validation.position(ofOffset: 1_000, in: bytes) == SourcePosition(line: 3, column: 2))
  }

  @Test func positionOfAnInvalidByte() {
    let bytes: [UInt8] = Array("key: \"é".utf8) + [0xFF] + Array("\"\n".utf8)
    let offset = UTF8Validation.firstInvalidOffset(bytes)
    #expect(offset == 8)
    #expect(UTF8Validation.position(ofOffset: offset ?? 0, in: bytes) == SourcePosition(line: 1, column: 8))
  }
}
