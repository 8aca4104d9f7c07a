import Testing

@testable import PresetCore
@testable import PresetKit
@testable import PresetReconcile
@testable import PresetRender
@testable import PresetSchema

@Suite("ChangeLine: the one change-line format")
struct ChangeLineTests {
  static func change(_ path: String, _ old: JSONValue?, _ new: JSONValue?) throws -> JSONDiff.Change {
    JSONDiff.Change(path: try #require(JSONPointer(path)), old: old, new: new)
  }

  @Test("path: old → new, a missing side as (none), long values cut")
  func format() throws {
    #expect(ChangeLine.text(try Self.change("/temperature", 0.5, 0.9)) == "temperature: 0.5 → 0.9")
    #expect(ChangeLine.text(try Self.change("/provider/sort", nil, "price")) == #"provider.sort: (none) → "price""#)
    #expect(ChangeLine.text(try Self.change("/stop", "a/b", nil)) == #"stop: "a/b" → (none)"#)
    let long = ChangeLine.text(try Self.change("/x", .string(String(repeating: "y", count: 200)), 1))
    #expect(long.hasSuffix("… → 1") && long.count < 100)
  }

  @Test("terminal: indented, newline-terminated, control characters neutralised")
  func terminal() throws {
    let line = ChangeLine.terminal(try Self.change("/a", "x\u{1B}[31m", "y"))
    #expect(line.hasPrefix("    a: ") && line.hasSuffix("\n"))
    #expect(!line.contains("\u{1B}"))
  }
}
