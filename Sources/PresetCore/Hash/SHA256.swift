/// SHA-256 (FIPS 180-4), streaming and one-shot.
///
/// Foundation on Linux has no SHA-256 (no CryptoKit, no CommonCrypto), and the package takes no dependencies,
/// so preset versions are hashed here. The value is a plain fixed-size struct: copying a hasher forks the stream,
/// and no heap memory is touched until `finalize()` returns the digest.
///
/// ```swift
/// var hasher = SHA256()
/// hasher.update("ab")
/// hasher.update("c")
/// let digest = hasher.finalize()  // == SHA256.hash(Array("abc".utf8))
/// ```
package struct SHA256: Sendable {
  /// The digest length in bytes.
  package static let digestByteCount = 32

  /// The block length in bytes.
  static let blockByteCount = 64

  /// The eight chaining words H0…H7.
  var state: State

  /// Input bytes not yet forming a whole block; only the first `pendingCount` bytes are meaningful.
  ///
  /// A tuple rather than an array so the hasher stays allocation-free and trivially copyable.
  private var pending: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)

  /// How many bytes of `pending` are in use (0..<64).
  private var pendingCount = 0

  /// Total message length so far, in bytes.
  private var totalByteCount: UInt64 = 0

  /// The compression function in use, fixed for the hasher's life.
  package let implementation: Implementation

  /// Creates a hasher for a new message, on the fastest implementation this CPU runs.
  package init() {
    self.init(implementation: .best)
  }

  /// Creates a hasher on a chosen implementation; `.accelerated` falls back to `.portable` on a CPU (or an
  /// architecture) without the SHA extensions, so the result never depends on the choice, only the speed.
  package init(implementation: Implementation) {
    state = State()
    self.implementation =
      implementation == .accelerated && !Implementation.acceleratedIsAvailable
      ? .portable : implementation
  }

  /// Appends bytes to the message.
  package mutating func update(_ bytes: UnsafeRawBufferPointer) {
    guard var input = bytes.baseAddress, bytes.count > 0 else { return }
    var remaining = bytes.count
    totalByteCount &+= UInt64(remaining)

    if pendingCount > 0 {
      let take = min(remaining, Self.blockByteCount - pendingCount)
      let offset = pendingCount
      withUnsafeMutableBytes(of: &pending) { buffer in
        // `offset + take <= 64` by construction of `take`.
        buffer.baseAddress.unsafelyUnwrapped.advanced(by: offset).copyMemory(from: input, byteCount: take)
      }
      pendingCount += take
      input += take
      remaining -= take
      guard pendingCount == Self.blockByteCount else { return }
      withUnsafeBytes(of: pending) { buffer in
        state.compress(blocks: buffer.baseAddress.unsafelyUnwrapped, count: 1, using: implementation)
      }
      pendingCount = 0
    }

    let wholeBlocks = remaining / Self.blockByteCount
    if wholeBlocks > 0 {
      state.compress(blocks: input, count: wholeBlocks, using: implementation)
      input += wholeBlocks * Self.blockByteCount
      remaining -= wholeBlocks * Self.blockByteCount
    }

    if remaining > 0 {
      withUnsafeMutableBytes(of: &pending) { buffer in
        buffer.baseAddress.unsafelyUnwrapped.copyMemory(from: input, byteCount: remaining)
      }
      pendingCount = remaining
    }
  }

  /// Appends bytes to the message.
  package mutating func update(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { update($0) }
  }

  /// Appends the UTF-8 encoding of a string to the message.
  package mutating func update(_ string: String) {
    var string = string
    string.withUTF8 { update(UnsafeRawBufferPointer($0)) }
  }

  /// Pads the message, processes the last block(s) and returns the 32-byte digest.
  package consuming func finalize() -> [UInt8] {
    let bitLength = totalByteCount &* 8
    // 0x80, zeros up to 56 mod 64, then the 64-bit big-endian bit length: 9...72 bytes in all.
    var padding = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
    let paddingCount = pendingCount < 56 ? 64 - pendingCount : 128 - pendingCount
    withUnsafeMutableBytes(of: &padding) { buffer in
      buffer[0] = 0x80
      buffer.storeBytes(of: bitLength.bigEndian, toByteOffset: paddingCount - 8, as: UInt64.self)
      update(UnsafeRawBufferPointer(rebasing: buffer[0..<paddingCount]))
    }
    return state.digest()
  }

  /// The SHA-256 digest of a byte string (on `implementation`, by default the fastest available).
  package static func hash(_ bytes: [UInt8], implementation: Implementation = .best) -> [UInt8] {
    var hasher = SHA256(implementation: implementation)
    hasher.update(bytes)
    return hasher.finalize()
  }

  /// The SHA-256 digest of a byte string as 64 lowercase hexadecimal digits.
  package static func hexDigest(_ bytes: [UInt8], implementation: Implementation = .best) -> String {
    hexString(hash(bytes, implementation: implementation))
  }
}
