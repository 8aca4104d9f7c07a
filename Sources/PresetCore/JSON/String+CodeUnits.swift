#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#else
  import Darwin
#endif

extension String {
  /// True when both strings have the same UTF-8 code units: JSON and YAML keys compare this way, so `"é"`
  /// and `"e\u{301}"` stay different (`==` would merge them by canonical equivalence).
  ///
  /// Key lookups run for every member of every preset; `utf8.elementsEqual` walks both views a byte at a time
  /// through generic iterators, while this compares the lengths and then the contiguous bytes with `memcmp`.
  @inline(__always)
  package func hasSameCodeUnits(as other: String) -> Bool {
    let count = utf8.count
    guard count == other.utf8.count else { return false }
    let compared: Bool?? = utf8.withContiguousStorageIfAvailable { lhs in
      other.utf8.withContiguousStorageIfAvailable { rhs in
        guard let a = lhs.baseAddress, let b = rhs.baseAddress else { return true }
        return memcmp(a, b, count) == 0
      }
    }
    if let compared, let compared { return compared }
    return utf8.elementsEqual(other.utf8)
  }
}

extension String {
  /// True when this string sorts before `other` by UTF-8 code units (the order of canonical JSON keys, bundle
  /// entries and file listings: byte order, independent of locale and normalisation).
  @inline(__always)
  package func precedesInCodeUnits(_ other: String) -> Bool {
    let lhsCount = utf8.count
    let rhsCount = other.utf8.count
    let compared: Bool?? = utf8.withContiguousStorageIfAvailable { lhs in
      other.utf8.withContiguousStorageIfAvailable { rhs in
        guard let a = lhs.baseAddress, let b = rhs.baseAddress else { return lhsCount < rhsCount }
        let order = memcmp(a, b, min(lhsCount, rhsCount))
        return order != 0 ? order < 0 : lhsCount < rhsCount
      }
    }
    if let compared, let compared { return compared }
    return utf8.lexicographicallyPrecedes(other.utf8)
  }
}
