/// A SHA-256 digest held inline: four big-endian words, no heap allocation.
///
/// A build keeps two digests per preset until its summary is printed (the version and the bundle entry's
/// hash); as 64-digit hex strings they were two heap objects of about a hundred bytes each, at 100,000 presets
/// a fifth of the peak. Words compare in the order the bytes (and their lowercase hex digits) do.
package struct SHA256Digest: Sendable, Hashable, Comparable {
  private var w0: UInt64
  private var w1: UInt64
  private var w2: UInt64
  private var w3: UInt64

  /// The digest whose 32 bytes are `bytes` (as `SHA256.finalize` returns them); nil for another count.
  package init?(bytes: [UInt8]) {
    guard bytes.count == 32 else { return nil }
    func word(_ at: Int) -> UInt64 {
      (0..<8).reduce(UInt64(0)) { $0 << 8 | UInt64(bytes[at + $1]) }
    }
    (w0, w1, w2, w3) = (word(0), word(8), word(16), word(24))
  }

  /// The digest of a byte string.
  package init(hashing bytes: [UInt8]) {
    // `SHA256.hash` always returns 32 bytes.
    self = SHA256Digest(bytes: SHA256.hash(bytes)) ?? SHA256Digest(w0: 0, w1: 0, w2: 0, w3: 0)
  }

  /// Parses 64 lowercase hexadecimal digits; nil for anything else.
  package init?(hex: some Collection<UInt8>) {
    guard hex.count == 64 else { return nil }
    var words: [UInt64] = []
    words.reserveCapacity(4)
    var word: UInt64 = 0
    for (i, digit) in hex.enumerated() {
      let value: UInt8
      switch digit {
      case 0x30...0x39: value = digit - 0x30
      case 0x61...0x66: value = digit - 0x61 + 10
      default: return nil
      }
      word = word << 4 | UInt64(value)
      if i % 16 == 15 {
        words.append(word)
        word = 0
      }
    }
    (w0, w1, w2, w3) = (words[0], words[1], words[2], words[3])
  }

  private init(w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64) {
    (self.w0, self.w1, self.w2, self.w3) = (w0, w1, w2, w3)
  }

  /// Appends the 64 lowercase hexadecimal digits to `out`.
  package func appendHex(to out: inout [UInt8]) {
    for word in [w0, w1, w2, w3] {
      for shift in stride(from: 60, through: 0, by: -4) {
        let nibble = UInt8(truncatingIfNeeded: word >> UInt64(shift)) & 0x0F
        out.append(nibble < 10 ? 0x30 + nibble : 0x61 - 10 + nibble)
      }
    }
  }

  /// The 64 lowercase hexadecimal digits.
  package var hex: String {
    var out: [UInt8] = []
    out.reserveCapacity(64)
    appendHex(to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  package static func < (lhs: SHA256Digest, rhs: SHA256Digest) -> Bool {
    (lhs.w0, lhs.w1, lhs.w2, lhs.w3) < (rhs.w0, rhs.w1, rhs.w2, rhs.w3)
  }
}
