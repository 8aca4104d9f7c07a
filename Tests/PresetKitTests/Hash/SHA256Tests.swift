import PresetKit
import Testing

@testable import PresetCore

/// SHA-256 behaviour that needs no external files: published vectors, streaming, and API edges.
@Suite struct SHA256Tests {
  /// FIPS 180-4 / NIST examples.
  @Test(arguments: [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    (
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
    (
      "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
    ),
    ("The quick brown fox jumps over the lazy dog", "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592"),
  ])
  func literalVectors(message: String, expected: String) {
    #expect(SHA256.hexDigest(Array(message.utf8)) == expected)
    for implementation in SHA256Tests.implementations {
      #expect(SHA256.hexDigest(Array(message.utf8), implementation: implementation) == expected, "\(implementation)")
      var hasher = SHA256(implementation: implementation)
      hasher.update(message)
      #expect(hasher.finalize() == SHA256.hash(Array(message.utf8)))
    }
  }

  /// Every implementation this machine runs: the portable one always (so the fallback stays tested on machines
  /// with SHA-NI), the accelerated one where the CPU has it.
  static var implementations: [SHA256.Implementation] {
    SHA256.Implementation.acceleratedIsAvailable ? [.portable, .accelerated] : [.portable]
  }

  @Test func oneMillionAs() {
    let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
    for implementation in Self.implementations {
      #expect(
        SHA256.hexDigest(message, implementation: implementation)
          == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
  }

  /// Asking for the portable path gets it; asking for the accelerated one gets it only where the CPU has it.
  @Test func implementationChoice() {
    #expect(SHA256(implementation: .portable).implementation == .portable)
    let accelerated = SHA256(implementation: .accelerated).implementation
    #expect(accelerated == (SHA256.Implementation.acceleratedIsAvailable ? .accelerated : .portable))
    #expect(SHA256().implementation == SHA256.Implementation.best)
  }

  /// Both implementations agree on random messages of every length around the block and padding boundaries,
  /// hashed whole and in pieces (the accelerated path sees multi-block runs and single buffered blocks).
  @Test func implementationsAgree() {
    let data = pseudoRandomBytes(count: 4_200, seed: 0x9e37_79b9)
    for length in Array(0...200) + [447, 448, 449, 1_023, 1_024, 1_025, 4_200] {
      let message = Array(data.prefix(length))
      let reference = SHA256.hash(message, implementation: .portable)
      for implementation in Self.implementations {
        #expect(SHA256.hash(message, implementation: implementation) == reference, "length \(length)")
        var hasher = SHA256(implementation: implementation)
        hasher.update(Array(message.prefix(length / 3)))
        hasher.update(Array(message.dropFirst(length / 3)))
        #expect(hasher.finalize() == reference, "length \(length) in two pieces")
      }
    }
  }

  @Test func digestShape() {
    let digest = SHA256.hash(Array("abc".utf8))
    #expect(digest.count == 32)
    #expect(SHA256.digestByteCount == 32)
    #expect(digest.prefix(4) == [0xba, 0x78, 0x16, 0xbf])
    let hex = SHA256.hexDigest([])
    #expect(hex.utf8.count == 64)
    #expect(
      hex.utf8.allSatisfy {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0)
      })
  }

  /// Every length around the padding boundaries (55/56/63/64 bytes and their multiples) hashed in one piece
  /// and in odd-sized chunks gives the same digest.
  @Test func streamingEqualsOneShot() {
    let data = pseudoRandomBytes(count: 1_000)
    let lengths = Array(0...130) + [191, 192, 193, 447, 448, 449, 511, 512, 513, 999, 1_000]
    for length in lengths {
      let message = Array(data.prefix(length))
      let expected = SHA256.hash(message)
      for chunk in [1, 3, 7, 13, 55, 63, 64, 65, 127] {
        var hasher = SHA256(implementation: .portable)
        var start = 0
        while start < message.count {
          let end = min(start + chunk, message.count)
          hasher.update(Array(message[start..<end]))
          start = end
        }
        #expect(hasher.finalize() == expected, "length \(length), chunk \(chunk)")
      }
    }
  }

  /// Irregular chunk sizes through the raw-buffer entry point, including empty updates.
  @Test func streamingWithVaryingChunksAndEmptyUpdates() {
    let message = pseudoRandomBytes(count: 4_099)
    let expected = SHA256.hash(message)
    var hasher = SHA256()
    var start = 0
    var step = 0
    message.withUnsafeBytes { all in
      while start < all.count {
        let size = [0, 1, 5, 0, 31, 64, 129, 2, 200][step % 9]
        step += 1
        let end = min(start + size, all.count)
        hasher.update(UnsafeRawBufferPointer(rebasing: all[start..<end]))
        start = end
      }
    }
    hasher.update([])
    hasher.update("")
    hasher.update(UnsafeRawBufferPointer(start: nil, count: 0))
    #expect(hasher.finalize() == expected)
  }

  @Test func copyForksTheStream() {
    var first = SHA256()
    first.update("ab")
    var second = first
    first.update("c")
    second.update("d")
    #expect(first.finalize() == SHA256.hash(Array("abc".utf8)))
    #expect(second.finalize() == SHA256.hash(Array("abd".utf8)))
  }

  @Test func stringUpdateHashesUTF8() {
    // Non-ASCII, a bridged-looking substring, and canonically equivalent strings that must hash differently.
    let text = "préset 🎛️ \u{301}"
    var hasher = SHA256()
    hasher.update(text)
    #expect(hasher.finalize() == SHA256.hash(Array(text.utf8)))
    #expect(SHA256.hexDigest(Array("é".utf8)) != SHA256.hexDigest(Array("e\u{301}".utf8)))
    let sub = "xxhelloxx".dropFirst(2).dropLast(2)
    var subHasher = SHA256()
    subHasher.update(String(sub))
    #expect(subHasher.finalize() == SHA256.hash(Array("hello".utf8)))
  }
}

/// Deterministic bytes (xorshift32), so failures reproduce.
func pseudoRandomBytes(count: Int, seed: UInt32 = 0x1234_5678) -> [UInt8] {
  var state = seed
  return (0..<count).map { _ in
    state ^= state << 13
    state ^= state >> 17
    state ^= state << 5
    return UInt8(truncatingIfNeeded: state >> 11)
  }
}
