internal import CSHA256

extension SHA256 {
  /// Which compression function a hasher runs. Both give identical digests (the NIST vectors run on each).
  package enum Implementation: Sendable, Equatable {
    /// Portable Swift: every CPU and architecture.
    case portable
    /// The x86 SHA extensions (SHA-NI) through the `CSHA256` C target, several times faster where present.
    case accelerated

    /// Whether this CPU runs `.accelerated` (CPUID: SHA, SSSE3, SSE4.1; always false off x86_64). Asked once
    /// per process.
    package static let acceleratedIsAvailable: Bool = {
      #if arch(x86_64)
        csha256_accelerated() != 0
      #else
        false
      #endif
    }()

    /// The fastest implementation available here.
    package static var best: Implementation { acceleratedIsAvailable ? .accelerated : .portable }
  }
}

extension SHA256.State {
  /// Processes `count` consecutive 64-byte blocks with the chosen implementation (which the hasher has already
  /// checked is available).
  @inline(__always)
  mutating func compress(blocks: UnsafeRawPointer, count: Int, using implementation: SHA256.Implementation) {
    #if arch(x86_64)
      if implementation == .accelerated {
        var words = (h0, h1, h2, h3, h4, h5, h6, h7)
        withUnsafeMutableBytes(of: &words) { raw in
          csha256_compress(
            raw.baseAddress.unsafelyUnwrapped.assumingMemoryBound(to: UInt32.self),
            blocks.assumingMemoryBound(to: UInt8.self), count)
        }
        (h0, h1, h2, h3, h4, h5, h6, h7) = words
        return
      }
    #endif
    compressPortable(blocks: blocks, count: count)
  }
}
