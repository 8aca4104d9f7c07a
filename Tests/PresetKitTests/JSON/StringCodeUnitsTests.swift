import Testing

@testable import PresetCore

/// `String.hasSameCodeUnits(as:)` and `precedesInCodeUnits(_:)`: the key equality and byte order every JSON
/// object, canonical form and listing relies on, with `memcmp` fast paths that must agree with the byte views.
@Suite struct StringCodeUnitsTests {
  static let samples: [String] = [
    "", "a", "b", "ab", "abc", "abd", "temperature", "top_p", "top_k", "é", "e\u{301}", "\u{FFFF}", "😀", "a😀",
    "a\u{0}b", "a\u{0}", String(repeating: "x", count: 15), String(repeating: "x", count: 16),
    String(repeating: "x", count: 40) + "y", String(repeating: "x", count: 40) + "z",
  ]

  @Test func equalityIsByteEquality() {
    for a in Self.samples {
      for b in Self.samples {
        #expect(
          a.hasSameCodeUnits(as: b) == a.utf8.elementsEqual(b.utf8), "\(a.debugDescription) vs \(b.debugDescription)")
      }
    }
    // Canonically equivalent but different bytes: `==` would say equal, JSON keys must not.
    #expect("é" == "e\u{301}")
    #expect(!"é".hasSameCodeUnits(as: "e\u{301}"))
  }

  @Test func orderIsByteOrder() {
    for a in Self.samples {
      for b in Self.samples {
        #expect(
          a.precedesInCodeUnits(b) == a.utf8.lexicographicallyPrecedes(b.utf8),
          "\(a.debugDescription) vs \(b.debugDescription)")
      }
    }
  }

  @Test func bridgedAndSubstringBackedStringsCompareTheSame() {
    let long = String(repeating: "key", count: 20)
    let sliced = String(long.dropFirst(3))
    #expect(sliced.hasSameCodeUnits(as: String(repeating: "key", count: 19)))
    #expect(!sliced.precedesInCodeUnits(String(repeating: "key", count: 19)))
  }
}

/// `ParallelMap.both`: two jobs, both results, whatever the parallelism.
@Suite struct ParallelMapBothTests {
  @Test(arguments: [1, 2, 8])
  func returnsBothResults(parallelism: Int) {
    let (a, b) = ParallelMap.both(parallelism: parallelism, { (1...1000).reduce(0, +) }, { "second" })
    #expect(a == 500_500)
    #expect(b == "second")
  }
}
