import Testing

@testable import PresetCore
@testable import PresetKit
@testable import PresetReconcile
@testable import PresetRender

/// The prompt diff: the same hunks as the old quadratic implementation for ordinary prompts, bounded time and
/// memory for any prompt the loader accepts, and "prompt replaced (N → M lines)" past the bound.
@Suite struct TextDiffTests {
  /// The edit script the LCS table produced before the linear-space search, kept here as the oracle.
  static func quadraticEdits(_ a: [String], _ b: [String]) -> [TextDiff.Line] {
    let n = a.count
    let m = b.count
    // The trimming is shared (`commonEnds`, unchanged); the table and its walk are the old code.
    let (prefix, suffix) = TextDiff.commonEnds(a, b)
    let x = Array(a[prefix..<(n - suffix)])
    let y = Array(b[prefix..<(m - suffix)])
    var table = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
    if !x.isEmpty && !y.isEmpty {
      for i in stride(from: x.count - 1, through: 0, by: -1) {
        for j in stride(from: y.count - 1, through: 0, by: -1) {
          table[i][j] = x[i] == y[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
        }
      }
    }
    var out: [TextDiff.Line] = a[0..<prefix].map { .same($0) }
    var i = 0
    var j = 0
    while i < x.count || j < y.count {
      if i < x.count && j < y.count && x[i] == y[j] {
        out.append(.same(x[i]))
        i += 1
        j += 1
      } else if i < x.count && (j == y.count || table[i + 1][j] >= table[i][j + 1]) {
        out.append(.removed(x[i]))
        i += 1
      } else {
        out.append(.added(y[j]))
        j += 1
      }
    }
    out += a[(n - suffix)..<n].map { .same($0) }
    return out
  }

  /// SplitMix64: the same cases on every run and machine.
  struct Seeded: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  /// Lines from a small alphabet, so equal lines (and ties between shortest scripts) are frequent.
  static func randomLines(_ rng: inout Seeded, alphabet: [String], maxCount: Int) -> [String] {
    (0..<Int.random(in: 0...maxCount, using: &rng)).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &rng)]
    }
  }

  @Test func sameScriptsAndHunksAsTheQuadraticDiffOnRandomInputs() throws {
    var rng = Seeded(state: 12)
    let alphabets = [["a", "b"], ["a", "b", "c", ""], ["x", "y", "z", "w", "v", "u"]]
    for round in 0..<600 {
      let alphabet = alphabets[round % alphabets.count]
      let a = Self.randomLines(&rng, alphabet: alphabet, maxCount: 14)
      var b = Self.randomLines(&rng, alphabet: alphabet, maxCount: 14)
      // A third of the cases are edits of `a`, like real prompt changes.
      if round % 3 == 0 {
        b = a
        for _ in 0..<Int.random(in: 1...3, using: &rng) {
          let at = Int.random(in: 0...b.count, using: &rng)
          if Bool.random(using: &rng), at < b.count { b.remove(at: at) } else { b.insert("new", at: at) }
        }
      }
      let oracle = Self.quadraticEdits(a, b)
      #expect(TextDiff.edits(a, b) == oracle, "\(a) → \(b)")
      let old = a.joined(separator: "\n") + "\n"
      let new = b.joined(separator: "\n") + "\n"
      for context in [0, 1, 3] {
        #expect(
          TextDiff.compare(old: old, new: new, context: context)
            == .hunks(
              TextDiff.hunks(script: Self.quadraticEdits(TextDiff.lines(old), TextDiff.lines(new)), context: context)),
          "\(a) → \(b), context \(context)")
      }
    }
  }

  /// The walk reads the search levels back through checkpoints; every spacing must give the same script.
  @Test func checkpointSpacingDoesNotChangeTheScript() {
    var rng = Seeded(state: 99)
    for _ in 0..<300 {
      let x = (0..<Int.random(in: 1...20, using: &rng)).map { _ in Int.random(in: 0..<3, using: &rng) }
      let y = (0..<Int.random(in: 1...20, using: &rng)).map { _ in Int.random(in: 0..<3, using: &rng) }
      let reference = LineDiff.script(x, y, budget: .max, blockSize: 1)
      for spacing in [2, 3, 5, 64] {
        #expect(LineDiff.script(x, y, budget: .max, blockSize: spacing) == reference, "\(x) → \(y) / \(spacing)")
      }
      // The script turns x into y and is a shortest one (as long as the LCS table says).
      let steps = reference ?? []
      let oracle = Self.quadraticEdits(x.map(String.init), y.map(String.init))
      #expect(steps.count == oracle.count)
      #expect(steps.filter { $0 == .same }.count == oracle.filter { if case .same = $0 { true } else { false } }.count)
    }
  }

  @Test func pastTheBudgetThePromptIsReportedReplaced() {
    let old = Self.prose("old", count: 50).joined(separator: "\n") + "\n"
    let new = Self.prose("new", count: 40).joined(separator: "\n") + "\n"
    #expect(TextDiff.compare(old: old, new: new, budget: 100) == .replaced(.init(oldLines: 50, newLines: 40)))
    #expect(TextDiff.compare(old: old, new: new, budget: .max) != .replaced(.init(oldLines: 50, newLines: 40)))
    // Equal-but-shifted text within the budget stays a hunk list.
    #expect(TextDiff.compare(old: "a\nb\n", new: "b\na\n", budget: 100) != .replaced(.init(oldLines: 2, newLines: 2)))
  }

  /// Lines of a prompt where every fourth line is blank, as real prompts share blank lines and headings.
  static func prose(_ word: String, count: Int) -> [String] {
    (0..<count).map { $0 % 4 == 1 ? "" : "\(word) line \($0)" }
  }

  /// 100,000 lines against 100,000 other lines (sharing only blank lines): the quadratic table needed ~80 GB
  /// here; now the search stops at the budget and the diff says "replaced".
  @Test func totallyDifferentHugePromptsAreReplacedFast() {
    let old = Self.prose("old", count: 100_000).joined(separator: "\n") + "\n"
    let new = Self.prose("new", count: 100_000).joined(separator: "\n")
    var output = TextDiff.Output(text: "", replaced: nil)
    let seconds = ThreadCPUTime.measure {
      output = TextDiff.output(old: old, new: new, oldName: "a/p.md", newName: "b/p.md")
    }
    #expect(seconds < 10, "\(seconds) s of CPU")
    #expect(output.replaced == TextDiff.Replacement(oldLines: 100_000, newLines: 100_000))
    #expect(
      output.text == "--- a/p.md\n+++ b/p.md\nprompt replaced (100000 → 100000 lines)\n\\ final newline: removed\n")
  }

  /// Prompts with no line in common need no search: the exact script (all removals, then all additions) in
  /// linear time, as the quadratic diff gave it.
  @Test func promptsWithoutCommonLinesGetTheWholeDiffInLinearTime() throws {
    #expect(TextDiff.edits(["a", "b", "c"], ["x", "y"]) == Self.quadraticEdits(["a", "b", "c"], ["x", "y"]))
    #expect(
      TextDiff.edits(["s", "a", "b", "e"], ["s", "x", "e"])
        == Self.quadraticEdits(["s", "a", "b", "e"], ["s", "x", "e"]))
    let old = (0..<100_000).map { "old line \($0)" }.joined(separator: "\n") + "\n"
    let new = (0..<100_000).map { "new line \($0)" }.joined(separator: "\n") + "\n"
    guard let hunks = Self.timedHunks(old: old, new: new) else { return }
    #expect(hunks.map(\.header) == ["@@ -1,100000 +1,100000 @@"])
    #expect(hunks.first?.lines.first == .removed("old line 0") && hunks.first?.lines.last == .added("new line 99999"))
  }

  /// The hunks between two big texts, within 10 s of CPU; nil (and an issue) when the diff says "replaced".
  static func timedHunks(old: String, new: String) -> [TextDiff.Hunk]? {
    var comparison = TextDiff.Comparison.hunks([])
    let seconds = ThreadCPUTime.measure { comparison = TextDiff.compare(old: old, new: new) }
    #expect(seconds < 10, "\(seconds) s of CPU")
    guard case .hunks(let hunks) = comparison else {
      Issue.record("expected hunks, got replaced")
      return nil
    }
    return hunks
  }

  /// A huge prompt with a few scattered edits still gets an exact, small diff.
  @Test func hugePromptWithThreeChangedLinesGivesASmallDiff() throws {
    let lines = (0..<100_000).map { "line \($0)" }
    var edited = lines
    for at in [10, 50_000, 99_990] { edited[at] = "changed \(at)" }
    let old = lines.joined(separator: "\n") + "\n"
    let new = edited.joined(separator: "\n") + "\n"
    guard let hunks = Self.timedHunks(old: old, new: new) else { return }
    #expect(hunks.map(\.header) == ["@@ -8,7 +8,7 @@", "@@ -49998,7 +49998,7 @@", "@@ -99988,7 +99988,7 @@"])
    #expect(hunks[1].lines[3] == .removed("line 50000") && hunks[1].lines[4] == .added("changed 50000"))
  }

  /// Every renderer shows the replacement: text and Markdown through the diff text, JSON as a `replaced` object.
  @Test func reviewRenderersShowTheReplacement() throws {
    let old = Self.prose("old", count: 20_000).joined(separator: "\n") + "\n"
    let new = Self.prose("new", count: 20_000).joined(separator: "\n") + "\n"
    let review = Review(
      base: [ReviewUnitTests.preset("p", ["model": "m"], prompt: old)],
      head: [ReviewUnitTests.preset("p", ["model": "m"], prompt: new)], baseLabel: "a", headLabel: "b")
    let renderer = ReviewRenderer(review: review)
    let summary = "prompt replaced (20000 → 20000 lines)"
    #expect(renderer.text(style: Style(enabled: false)).contains("      \(summary)\n"))
    #expect(renderer.markdown().contains("\(summary)\n"))
    let json = try JSONParser.parse(renderer.json())
    let prompt = json["presets"]?.arrayValue?.first?["system_prompt"]
    #expect(prompt?["replaced"] == ["old_lines": 20_000, "new_lines": 20_000])
    #expect(prompt?["diff"]?.stringValue?.contains(summary) == true)
  }
}
