/// A string wrapper that hashes and compares by UTF-8 code units, so `"é"` and `"e\u{301}"` stay different
/// keys (Swift's `String` equality would merge them, JSON does not).
struct CodeUnitKey: Hashable, Sendable {
  /// The wrapped key.
  var string: String

  /// Wraps a key.
  init(_ string: String) { self.string = string }

  static func == (lhs: CodeUnitKey, rhs: CodeUnitKey) -> Bool {
    lhs.string.hasSameCodeUnits(as: rhs.string)
  }

  func hash(into hasher: inout Hasher) {
    let hashed: Void? = string.utf8.withContiguousStorageIfAvailable {
      hasher.combine(bytes: UnsafeRawBufferPointer($0))
    }
    if hashed == nil {
      for byte in string.utf8 { hasher.combine(byte) }
    }
  }
}
