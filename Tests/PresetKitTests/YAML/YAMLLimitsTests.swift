import Dispatch
import Testing

@testable import PresetCore
@testable import PresetKit

/// Hostile and malformed input: expansion budget, depth, size, encoding and syntax errors.
@Suite struct YAMLLimitsTests {
  /// The classic "billion laughs": nine levels of nine aliases, about 10^9 nodes once expanded.
  static let billionLaughs: String = {
    var text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
    for level in 1..<names.count {
      let previous = "*" + names[level - 1]
      let items = Array(repeating: previous, count: 9).joined(separator: ",")
      text += "\(names[level]): &\(names[level]) [\(items)]\n"
    }
    return text
  }()

  @Test func billionLaughsFailsFast() {
    #expect(Self.billionLaughs.utf8.count < 1024)
    var diagnostics: [Diagnostic] = []
    let cpu = ThreadCPUTime.measure { diagnostics = YAMLTest.diagnostics(Self.billionLaughs) }
    #expect(cpu < 1.0)
    #expect(diagnostics.map(\.code) == ["yaml.alias-budget"])
    let diagnostic = diagnostics.first
    #expect(diagnostic?.location?.line == 7)
    #expect(diagnostic?.message.contains("1000000") == true)
    #expect(diagnostic?.hint != nil)
  }

  @Test func moderateAliasUseStaysWithinBudget() throws {
    let lines = Self.billionLaughs.split(separator: "\n").prefix(4).joined(separator: "\n")
    let value = try #require(YAMLTest.value(lines))
    #expect(value["d"]?.arrayValue?.count == 9)
    var limits = YAMLLoader.Limits()
    limits.maxNodes = 500
    #expect(YAMLTest.diagnostics(lines, limits: limits).map(\.code) == ["yaml.alias-budget"])
  }

  @Test func deepFlowNestingStopsAtTheLimit() {
    let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
    let diagnostics = YAMLTest.diagnostics(text)
    #expect(diagnostics.map(\.code) == ["yaml.depth"])
    #expect(diagnostics.first?.location == YAMLTest.at(1, 257))
    let ok = String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
    #expect(YAMLTest.diagnostics(ok).isEmpty)
  }

  @Test func deepBlockNestingStopsAtTheLimit() {
    var text = ""
    for level in 0..<300 { text += String(repeating: " ", count: level) + "k:\n" }
    let diagnostics = YAMLTest.diagnostics(text)
    #expect(diagnostics.map(\.code) == ["yaml.depth"])
    #expect(diagnostics.first?.location == YAMLTest.at(257, 257))
  }

  @Test func aliasesCountTowardsDepth() {
    var limits = YAMLLoader.Limits()
    limits.maxDepth = 4
    #expect(YAMLTest.diagnostics("a: &a [[[1]]]\n", limits: limits).isEmpty)
    let diagnostics = YAMLTest.diagnostics("a: &a [[[1]]]\nb: [*a]\n", limits: limits)
    #expect(diagnostics.map(\.code) == ["yaml.depth"])
    #expect(diagnostics.first?.location == YAMLTest.at(2, 5))
  }

  @Test func nodeCountLimitWithoutAliases() {
    var limits = YAMLLoader.Limits()
    limits.maxNodes = 5
    let diagnostics = YAMLTest.diagnostics("[1, 2, 3, 4, 5, 6]", limits: limits)
    #expect(diagnostics.map(\.code) == ["yaml.too-large"])
    #expect(diagnostics.first?.location == YAMLTest.at(1, 14))
  }

  @Test func fileSizeLimit() {
    var limits = YAMLLoader.Limits()
    limits.maxFileBytes = 8
    let diagnostics = YAMLTest.diagnostics("a: 12345\n", limits: limits)
    #expect(diagnostics.map(\.code) == ["yaml.too-large"])
    #expect(diagnostics.first?.location == YAMLTest.at(1, 1))
    #expect(diagnostics.first?.message.contains("9 bytes") == true)
    #expect(YAMLTest.diagnostics("a: 1234\n", limits: limits).isEmpty)
  }

  @Test func invalidUTF8Position() {
    let diagnostics = YAMLTest.diagnostics(bytes: Array("a: b\nc: d".utf8) + [0xC3, 0x28] + Array("\n".utf8))
    #expect(diagnostics.map(\.code) == ["yaml.invalid-utf8"])
    #expect(diagnostics.first?.location == YAMLTest.at(2, 5))
    #expect(diagnostics.first?.message.contains("0xC3") == true)
    let withBOM = YAMLTest.diagnostics(bytes: [0xEF, 0xBB, 0xBF] + Array("é: ".utf8) + [0xFF])
    #expect(withBOM.first?.location == YAMLTest.at(1, 4))
  }

  @Test func syntaxErrorPosition() {
    let diagnostics = YAMLTest.diagnostics("a: 1\nb: [x, y\nc: 2\n")
    #expect(diagnostics.count == 1)
    let diagnostic = diagnostics.first
    #expect(diagnostic?.code == "yaml.syntax")
    #expect(diagnostic?.severity == .error)
    #expect(diagnostic?.location == YAMLTest.at(3, 2))
    #expect(diagnostic?.message.contains("did not find expected ',' or ']'") == true)
    #expect(diagnostic?.related.first?.location == YAMLTest.at(2, 4))
    #expect(diagnostic?.related.first?.message == "a flow sequence started here")

    let indentation = YAMLTest.diagnostics("a: 1\n b: 2\n")
    #expect(indentation.map(\.code) == ["yaml.syntax"])
    #expect(indentation.first?.location == YAMLTest.at(2, 3))
  }

  @Test func earlierProblemsAreKeptWithASyntaxError() {
    let diagnostics = YAMLTest.diagnostics("a: yes\nb: [\n")
    #expect(diagnostics.map(\.code) == ["yaml.ambiguous-scalar", "yaml.syntax"])
  }

  @Test func controlCharactersAreSyntaxErrors() {
    let diagnostics = YAMLTest.diagnostics("a: 1\nb: x\u{07}\n")
    #expect(diagnostics.map(\.code) == ["yaml.syntax"])
    #expect(diagnostics.first?.location == YAMLTest.at(2, 5))
    #expect(diagnostics.first?.message.contains("control characters") == true)
  }

  @Test func fileNameIsUsedVerbatim() throws {
    do {
      _ = try YAMLLoader.load(Array("a: on\n".utf8), file: "presets/x y.yaml")
      Issue.record("expected an error")
    } catch {
      #expect(error.diagnostics.first?.location?.file == "presets/x y.yaml")
    }
  }
}
