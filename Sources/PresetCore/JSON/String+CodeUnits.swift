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
  /// through generic iterators, while this compares the stored lengths and then the bytes with `memcmp`.
  @inline(__always)
  package func hasSameCodeUnits(as other: String) -> Bool {
    utf8.count == other.utf8.count && codeUnitOrder(other) == 0
  }

  /// True when this string sorts before `other` by UTF-8 code units (the order of canonical JSON keys, bundle
  /// entries and file listings: byte order, independent of locale and normalisation).
  @inline(__always)
  package func precedesInCodeUnits(_ other: String) -> Bool {
    codeUnitOrder(other) < 0
  }

  /// True when this string's UTF-8 code units begin with those of `prefix`. `hasPrefix` compares by canonical
  /// equivalence, so `"/srv/cafe\u{301}/x".hasPrefix("/srv/caf\u{e9}/")` is true although the file system sees two
  /// different folders: every path containment check goes through this instead.
  package func hasCodeUnitPrefix(_ prefix: String) -> Bool {
    utf8.starts(with: prefix.utf8)
  }

  /// The rest after a code-unit prefix, or nil when the string does not begin with it.
  package func removingCodeUnitPrefix(_ prefix: String) -> String? {
    guard hasCodeUnitPrefix(prefix) else { return nil }
    return String(decoding: utf8.dropFirst(prefix.utf8.count), as: UTF8.self)
  }

  /// The parts between the bytes `/`. `split(separator: "/")` splits on the Character `/`, which a combining
  /// mark right after it (`"../\u{301}x"`) turns into another character: the kernel would see a `..` component
  /// that the split hid. Every path is taken apart here instead.
  package func slashComponents(omittingEmpty: Bool = true) -> [Substring] {
    utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: omittingEmpty).map { Substring($0) }
  }

  /// Negative, zero or positive as this string sorts before, equal to or after `other` by UTF-8 code units:
  /// `memcmp` over the common prefix, then the shorter first.
  @inline(__always)
  private func codeUnitOrder(_ other: String) -> Int {
    let lhsCount = utf8.count
    let rhsCount = other.utf8.count
    let compared: Int?? = utf8.withContiguousStorageIfAvailable { lhs in
      other.utf8.withContiguousStorageIfAvailable { rhs in
        let common = min(lhsCount, rhsCount)
        if common > 0, let a = lhs.baseAddress, let b = rhs.baseAddress {
          let order = memcmp(a, b, common)
          if order != 0 { return Int(order) }
        }
        return lhsCount - rhsCount
      }
    }
    if let compared, let compared { return compared }
    if utf8.elementsEqual(other.utf8) { return 0 }
    return utf8.lexicographicallyPrecedes(other.utf8) ? -1 : 1
  }
}
