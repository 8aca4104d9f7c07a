import Testing

@testable import PresetCore
@testable import PresetKit
@testable import PresetReconcile

@Suite struct DiffTests {
  @Test func jsonDiffByPath() throws {
    let old = try JSONParser.parse(#"{"model": "a", "provider": {"sort": "price"}, "models": ["x", "y"], "gone": 1}"#)
    let new = try JSONParser.parse(
      #"{"model": "b", "provider": {"sort": "latency"}, "models": ["x", "y", "z"], "temperature": 1}"#)
    let changes = JSONDiff.changes(from: old, to: new)
    #expect(changes.map(\.path.dotted) == ["model", "models[2]", "provider.sort", "temperature", "gone"])
    #expect(changes.map(\.kind) == ["changed", "added", "changed", "added", "removed"])
    #expect(JSONDiff.brief(changes[2].old) == "\"price\"")
    #expect(JSONDiff.changes(from: old, to: old).isEmpty)
  }

  @Test func unifiedDiffWithContext() {
    let old = (1...10).map { "line \($0)" }.joined(separator: "\n") + "\n"
    var newLines = (1...10).map { "line \($0)" }
    newLines[4] = "line five"
    newLines.append("line 11")
    let new = newLines.joined(separator: "\n") + "\n"
    let diff = TextDiff.unified(old: old, new: new, context: 2)
    #expect(
      diff == """
        --- live
        +++ desired
        @@ -3,5 +3,5 @@
         line 3
         line 4
        -line 5
        +line five
         line 6
         line 7
        @@ -9,2 +9,3 @@
         line 9
         line 10
        +line 11

        """)
  }

  @Test func diffFromNothingAndNewlineChanges() {
    #expect(TextDiff.unified(old: nil, new: "a\nb") == "--- live\n+++ desired\n@@ -0,0 +1,2 @@\n+a\n+b\n")
    #expect(TextDiff.unified(old: "a", new: "a") == "")
    #expect(TextDiff.unified(old: "a\n", new: "a").contains("final newline: removed"))
  }
}
