import Testing

@testable import PresetKit

@Suite struct YAMLScalarTests {
  @Test(arguments: ["null", "Null", "NULL", "~", ""])
  func nullSpellings(_ text: String) {
    #expect(YAMLTest.scalar(text) == .null)
  }

  @Test func booleans() {
    for text in ["true", "True", "TRUE"] { #expect(YAMLTest.scalar(text) == .bool(true)) }
    for text in ["false", "False", "FALSE"] { #expect(YAMLTest.scalar(text) == .bool(false)) }
    #expect(YAMLTest.scalar("tRUE") == .string("tRUE"))
  }

  @Test func integers() {
    #expect(YAMLTest.scalar("12") == .number(12))
    #expect(YAMLTest.scalar("-12") == .number(-12))
    #expect(YAMLTest.scalar("+12") == .number(12))
    #expect(YAMLTest.scalar("0") == .number(0))
    #expect(YAMLTest.scalar("-0") == .number(0))
    #expect(YAMLTest.scalar("0x1F") == .number(31))
    #expect(YAMLTest.scalar("0xff") == .number(255))
    #expect(YAMLTest.scalar("9007199254740992") == .number(9_007_199_254_740_992))
    #expect(YAMLTest.scalar("-9007199254740992") == .number(-9_007_199_254_740_992))
  }

  @Test func floats() {
    #expect(YAMLTest.scalar("1.5") == .number(1.5))
    #expect(YAMLTest.scalar("-0.5") == .number(-0.5))
    #expect(YAMLTest.scalar("0.5") == .number(0.5))
    #expect(YAMLTest.scalar(".5") == .number(0.5))
    #expect(YAMLTest.scalar("1.") == .number(1))
    #expect(YAMLTest.scalar("1.0e+3") == .number(1000))
    #expect(YAMLTest.scalar("-2.5E-2") == .number(-0.025))
    #expect(YAMLTest.scalar("12345678901234567890.0") == .number(12_345_678_901_234_567_890.0))
  }

  @Test func strings() {
    for text in ["hello", "1.2.3", "2024-01-31", "0x", "12abc", "0xZZ", "-x-", "1e", ".", "+", "nulls", "<<"] {
      #expect(YAMLTest.scalar(text) == .string(text), "\(text)")
    }
    #expect(YAMLTest.scalar("\"yes\"") == .string("yes"))
    #expect(YAMLTest.scalar("'null'") == .string("null"))
    #expect(YAMLTest.scalar("'017'") == .string("017"))
    #expect(YAMLTest.scalar("\"1.5\"") == .string("1.5"))
    #expect(YAMLTest.value("v: |\n  on\n")?["v"] == .string("on\n"))
    #expect(YAMLTest.value("v: >-\n  12\n")?["v"] == .string("12"))
    #expect(YAMLTest.value("v: \"caf\\u00e9\"\n")?["v"] == .string("café"))
  }

  @Test func integerBeyondTwoToThe53IsAnError() {
    let diagnostics = YAMLTest.diagnostics("a: 1\nbig: 9007199254740993\nhex: 0x20000000000001\n")
    #expect(diagnostics.map(\.code) == ["yaml.integer-range", "yaml.integer-range"])
    #expect(diagnostics.map(\.location) == [YAMLTest.at(2, 6), YAMLTest.at(3, 6)])
    #expect(diagnostics.map(\.path) == ["/big", "/hex"])
    #expect(diagnostics[0].hint != nil)
  }

  @Test func nonFiniteNumbersAreErrors() {
    let diagnostics = YAMLTest.diagnostics("- .inf\n- -.Inf\n- +.INF\n- .nan\n- .NaN\n- 1.0e+999\n- '.inf'\n")
    #expect(diagnostics.count == 6)
    #expect(diagnostics.allSatisfy { $0.code == "yaml.non-finite" && $0.severity == .error })
    #expect(diagnostics.map(\.location?.line) == [1, 2, 3, 4, 5, 6])
    #expect(diagnostics.map(\.path) == ["/0", "/1", "/2", "/3", "/4", "/5"])
  }

  // MARK: - YAML 1.1 spellings

  @Test(arguments: [
    "yes", "Yes", "YES", "yEs", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N",
    "017", "-017", "+07", "09", "00", "0o17", "-0x1F", "+0x1f", "0b1010", "-0b1", "1:20", "190:20:30", "-1:20",
    "1:20.5", "1_000", "-1_000", "1_000.5", "0x_FF", "1e3", "1e-5", "1.5e3", "-2E4",
  ])
  func ambiguousPlainValues(_ text: String) throws {
    let diagnostics = YAMLTest.diagnostics("key:   \(text)\n")
    try #require(diagnostics.count == 1, "\(text)")
    let diagnostic = diagnostics[0]
    #expect(diagnostic.code == "yaml.ambiguous-scalar")
    #expect(diagnostic.severity == .error)
    #expect(diagnostic.location == YAMLTest.at(1, 8))
    #expect(diagnostic.path == "/key")
    #expect(diagnostic.message.contains(text))
    #expect(diagnostic.hint?.contains("quote") == true)
  }

  @Test func unambiguousLookAlikesPass() {
    #expect(YAMLTest.scalar("0") == .number(0))
    #expect(YAMLTest.scalar("0.5") == .number(0.5))
    #expect(YAMLTest.scalar("00.5") == .number(0.5))
    #expect(YAMLTest.scalar("1.0e-5") == .number(0.00001))
    #expect(YAMLTest.scalar("yess") == .string("yess"))
    #expect(YAMLTest.scalar("onion") == .string("onion"))
    #expect(YAMLTest.scalar("1:70") == .string("1:70"))
    #expect(YAMLTest.scalar("a_b") == .string("a_b"))
    #expect(YAMLTest.scalar("'yes'") == .string("yes"))
    #expect(YAMLTest.scalar("\"1:20\"") == .string("1:20"))
    #expect(YAMLTest.scalar("!!str on") == .string("on"))
    #expect(YAMLTest.scalar("!!int 017") == .number(17))
    #expect(YAMLTest.scalar("!!int 0o17") == .number(15))
    #expect(YAMLTest.scalar("!!float 1e3") == .number(1000))
  }

  @Test func everyAmbiguousValueIsReported() {
    let text = """
      enabled: yes
      list: [on, 'off', n]
      nested:
        mode: 0755
        time: 12:30
      """
    let diagnostics = YAMLTest.diagnostics(text)
    #expect(diagnostics.map(\.code) == Array(repeating: "yaml.ambiguous-scalar", count: 5))
    #expect(
      diagnostics.map(\.location) == [
        YAMLTest.at(1, 10), YAMLTest.at(2, 8), YAMLTest.at(2, 19), YAMLTest.at(4, 9), YAMLTest.at(5, 9),
      ]
    )
    #expect(diagnostics.map(\.path) == ["/enabled", "/list/0", "/list/2", "/nested/mode", "/nested/time"])
  }

  @Test func keysAreTheirSourceText() {
    let text = """
      on: 1
      50256: 2
      null: 3
      "q": 4
      ~: 5
      yes: 6
      017: 7
      1.50: 8
      'true': 9
      ? |
        block
      : 10
      """
    let value = YAMLTest.value(text)
    let keys = value?.objectValue?.keys ?? []
    #expect(keys == ["on", "50256", "null", "q", "~", "yes", "017", "1.50", "true", "block\n"])
    #expect(value?["50256"] == .number(2))
    #expect(value?["block\n"] == .number(10))
  }

  // MARK: - Tags

  @Test func coreTags() {
    #expect(YAMLTest.scalar("!!str 12") == .string("12"))
    #expect(YAMLTest.scalar("!!str") == .string(""))
    #expect(YAMLTest.scalar("!!int \"12\"") == .number(12))
    #expect(YAMLTest.scalar("!!int -0x1") == nil)
    #expect(YAMLTest.scalar("!!float 1") == .number(1))
    #expect(YAMLTest.scalar("!!float '-2.5'") == .number(-2.5))
    #expect(YAMLTest.scalar("!!bool 'true'") == .bool(true))
    #expect(YAMLTest.scalar("!!null ''") == .null)
    #expect(YAMLTest.scalar("!!null ~") == .null)
    #expect(YAMLTest.scalar("! 12") == .string("12"))
    #expect(YAMLTest.scalar("! true") == .string("true"))
    #expect(YAMLTest.scalar("!<tag:yaml.org,2002:int> 7") == .number(7))
    #expect(YAMLTest.scalar("!<tag:yaml.org,2002:str> 7") == .string("7"))
    #expect(YAMLTest.scalar("!!map {a: 1}") == ["a": 1])
    #expect(YAMLTest.scalar("!!seq [1]") == [1])
    #expect(YAMLTest.scalar("! [1]") == [1])
    #expect(YAMLTest.value("%TAG !e! tag:yaml.org,2002:\n---\nv: !e!int 5\n")?["v"] == .number(5))
  }

  @Test func invalidTaggedValues() {
    let text = """
      a: !!int abc
      b: !!bool yes
      c: !!null 0
      d: !!float x1
      e: !!str [1]
      f: !!seq {k: v}
      g: !!map text
      """
    let diagnostics = YAMLTest.diagnostics(text)
    #expect(diagnostics.map(\.code) == Array(repeating: "yaml.invalid-value", count: 7))
    #expect(diagnostics.map(\.location?.line) == [1, 2, 3, 4, 5, 6, 7])
    #expect(diagnostics.allSatisfy { $0.location?.column == 4 })
    #expect(diagnostics.map(\.path) == ["/a", "/b", "/c", "/d", "/e", "/f", "/g"])
    #expect(diagnostics[0].message.contains("!!int"))
  }

  @Test func unknownTags() {
    let text = """
      a: !foo x
      b: !!set {x: null}
      c: !<tag:example.com,2000:app/foo> 1
      d: !!binary aGVsbG8=
      """
    let diagnostics = YAMLTest.diagnostics(text)
    #expect(diagnostics.map(\.code) == Array(repeating: "yaml.unknown-tag", count: 4))
    #expect(
      diagnostics.map(\.location) == [YAMLTest.at(1, 4), YAMLTest.at(2, 4), YAMLTest.at(3, 4), YAMLTest.at(4, 4)])
    #expect(diagnostics[0].message.contains("!foo"))
    #expect(diagnostics[1].message.contains("!!set"))
    #expect(diagnostics[2].message.contains("tag:example.com,2000:app/foo"))
    #expect(YAMLTest.diagnostics("!local key: 1\n").map(\.code) == ["yaml.unknown-tag"])
  }
}
