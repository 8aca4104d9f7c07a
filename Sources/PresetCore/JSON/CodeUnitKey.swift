/// A string wrapper that hashes and compares by UTF-8 code units, so `"é"` and `"e\u{301}"` stay different
/// keys (Swift's `String` equality would merge them, JSON does not). YAML duplicate-key checks and schema
/// property tables both key on it.
///
/// Hashing feeds the contiguous bytes to the hasher at once: one `combine` per byte was a visible share of
/// every schema property lookup.
package struct CodeUnitKey: Hashable, Sendable {
  /// The wrapped key.
  package var string: String

  /// Wraps a key.
  package init(_ string: String) { self.string = string }

  package static func == (lhs: CodeUnitKey, rhs: CodeUnitKey) -> Bool {
    lhs.string.hasSameCodeUnits(as: rhs.string)
  }

  package func hash(into hasher: inout Hasher) {
    let hashed: Void? = string.utf8.withContiguousStorageIfAvailable {
      hasher.combine(bytes: UnsafeRawBufferPointer($0))
    }
    if hashed == nil {
      for byte in string.utf8 { hasher.combine(byte) }
    }
  }
}
