import Foundation
import Testing

@testable import PresetCore

/// `ParallelMap.map` writes each result into its own slot of the returned array: every index exactly once, in
/// input order, for any parallelism and for results that own heap memory (strings, arrays).
@Suite struct ParallelMapTests {
  @Test(arguments: [1, 2, 3, 8, 64])
  func resultsKeepInputOrder(parallelism: Int) {
    for count in [0, 1, 2, 7, 1000] {
      let items = Array(0..<count)
      let results = ParallelMap.map(items, parallelism: parallelism) { i in
        (i, String(repeating: "x", count: i % 40), [i, i + 1])
      }
      #expect(results.count == count)
      #expect(results.map(\.0) == items)
      #expect(results.allSatisfy { $0.1.utf8.count == $0.0 % 40 && $0.2 == [$0.0, $0.0 + 1] })
    }
  }
}

/// `StringInterner`: equal strings come back equal (the first copy), across threads.
@Suite struct StringInternerTests {
  @Test func equalStringsShareOneCopyAndValuesAreUnchanged() {
    let interner = StringInterner()
    let names = (0..<2000).map { "model/\($0 % 7)-" + String(repeating: "n", count: 20) }
    let interned = ParallelMap.map(names, parallelism: 4) { interner.intern($0) }
    #expect(interned == names)
    // Canonically equivalent strings with different code units stay different (a model name or prompt path
    // must keep its bytes): `Set<String>` would have handed back the first spelling for both.
    #expect(Array(interner.intern("caf\u{E9}").utf8) == Array("caf\u{E9}".utf8))
    #expect(Array(interner.intern("cafe\u{301}").utf8) == Array("cafe\u{301}".utf8))
    #expect(Array(interner.intern("caf\u{E9}").utf8) == Array("caf\u{E9}".utf8))
  }
}
