import Foundation

/// Pre-filters for the prompt scanners: libc's `memchr` and `memcmp` tell in a fraction of a byte loop's time
/// whether a text can contain a finding at all, so clean prompts (the common case) skip the detailed scan.
enum ByteSearch {
  /// Whether `needle` occurs in `haystack`.
  static func contains(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = haystack.baseAddress, let first = needle.first, needle.count <= haystack.count else {
      return false
    }
    return needle.withUnsafeBufferPointer { n in
      guard let needleBase = n.baseAddress else { return false }
      var offset = 0
      let last = haystack.count - n.count
      while offset <= last {
        guard let hit = memchr(base + offset, Int32(first), last - offset + 1) else { return false }
        let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        if memcmp(base + at, needleBase, n.count) == 0 { return true }
        offset = at + 1
      }
      return false
    }
  }

  /// Whether any of `bytes` occurs in `haystack`.
  static func containsAny(of bytes: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = haystack.baseAddress else { return false }
    return bytes.contains { memchr(base, Int32($0), haystack.count) != nil }
  }
}
