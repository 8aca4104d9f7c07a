import Foundation
import Testing

@testable import PresetCore
@testable import PresetKit
@testable import PresetModel
@testable import PresetReconcile
@testable import PresetRender

/// Inputs the fuzzers (Tests/Fuzz) found breaking an invariant, kept so the fixes stay fixed.
@Suite struct FuzzRegressionTests {
  /// Found by `json` and `jcs`: doubles from 2^53 to 10^21 are written (RFC 8785 / ECMAScript) as plain
  /// integers, which the strict parser refused, so a bundle holding `1.0e+16` could not be read back.
  @Test(arguments: [
    1e16, -1e16, 1e20, 9_007_199_254_740_994, 18_446_744_073_709_551_616, 123_456_789_012_345_680_000,
    999_999_999_999_999_900_000,
  ])
  func canonicalIntegersAbove2To53ReadBack(_ value: Double) throws {
    let text = JSONWriter.canonicalString(.number(value))
    #expect(!text.contains("e"), "\(text) is in the integer range of the writer")
    #expect(try JSONParser.parse(text) == .number(value))
  }

  /// The exact-integer rule still holds for literals the writer would never produce.
  @Test(arguments: ["9007199254740993", "18446744073709551616", "10000000000000001", "-9007199254740995"])
  func nonCanonicalIntegersAbove2To53StayRejected(_ text: String) {
    #expect(throws: JSONParser.Error.self) { try JSONParser.parse(text) }
  }

  /// The end-to-end form of the bug: `build` wrote a bundle that `plan` could not read.
  @Test func bundleWithLargeNumberReadsBack() throws {
    let repo = try TempRepo([
      "presets/big.yaml": """
      slug: big
      skin: chat
      request:
        model: openai/gpt-5.4
        seed: 1.0e+16
        temperature: 0.5

      """
    ])
    defer { repo.remove() }
    let result = repo.compile()
    #expect(!result.hasErrors, "\(result.diagnostics)")
    let bundle = PresetBundle(presets: result.presets)
    let reread = try PresetBundle(bytes: bundle.fileBytes)
    #expect(reread.json == bundle.json)
  }
}

/// Bundle and plan files come from anywhere (a CI artifact, a hand edit): reading them never traps.
@Suite struct BundleReadingRegressionTests {
  /// Found by the `bundle` target's seeds: `"line": 1e300` trapped converting to Int.
  @Test(arguments: ["1e300", "-1e300", "1.5", "9007199254740992"])
  func hostileSourceLine(_ line: String) throws {
    let repo = try TempRepo(["presets/a.yaml": ReconcileFixture.preset("alpha")])
    defer { repo.remove() }
    let bundle = PresetBundle(presets: repo.compile().presets)
    let text = String(decoding: bundle.fileBytes, as: UTF8.self)
    let edited = text.replacingOccurrences(of: "\"line\": 1", with: "\"line\": \(line)")
    #expect(edited != text)
    #expect(throws: PresetBundle.ReadError.self) { try PresetBundle(bytes: Array(edited.utf8)) }
  }
}

/// `presetctl import` promises files that compile to exactly the live version, for any live config.
@Suite struct ImportRegressionTests {
  /// Found by the `live` target: a live number from 2^53 to 10^21 was written as plain digits, which the YAML
  /// loader refuses as an inexact integer, so the imported file did not load.
  @Test func bigNumbersInALiveConfigImportExactly() throws {
    let text = """
      {"id": "p1", "slug": "big", "designated_version": {"id": "v1", "version": 1, "system_prompt": "Hi.",
       "config": {"model": "a/b", "seed": 1e16, "x-a": -9007199254740994, "x-b": 123456789012345680000,
       "x-c": 9007199254740992, "x-d": 1e300}}}
      """
    let live = try LivePreset(json: JSONParser.parse(text))
    let file = try #require(LiveImport.file(for: live, validators: .embedded))
    #expect(file.text.contains("seed: 1.0e+16"), "\(file.text)")
    #expect(file.text.contains("-9.007199254740994e+15"), "\(file.text)")
    let documents = try YAMLLoader.load(Array(file.text.utf8), file: "presets/big.yaml")
    let model = try #require(live.model)
    #expect(documents.first?.value["request"] == .object(LiveImport.request(for: model, skin: file.skin)))
  }

  @Test(arguments: [
    (1e16, "1.0e+16"), (-1e20, "-1.0e+20"), (9_007_199_254_740_994, "9.007199254740994e+15"),
    (9_007_199_254_740_992, "9007199254740992"), (123_456_789_012_345_680_000, "1.2345678901234568e+20"),
    (1e21, "1.0e+21"), (1e-7, "1.0e-7"), (42, "42"),
  ])
  func yamlNumberSpelling(_ value: Double, _ expected: String) throws {
    #expect(YAMLWriter.number(value) == expected)
    let loaded = try YAMLLoader.load(Array("n: \(expected)\n".utf8), file: "n.yaml")
    #expect(loaded.first?.value["n"] == .number(value))
  }

  /// Found by the `live` target after 772,000 inputs: a config key over 1024 characters was written as an
  /// implicit key, which libyaml refuses ("could not find expected ':'"), so the imported file did not load.
  @Test func longKeysAreWrittenAsExplicitKeys() throws {
    let long = String(repeating: "k", count: 1500)
    let wide = String(repeating: "\u{E9}", count: 600)  // 1200 bytes, 600 characters
    let value: JSONValue = [
      long: "short value", "nested": [long: [wide: 1, "b": [1, 2]] as JSONValue] as JSONValue,
      "list": [[long: "first", "second": true] as JSONValue, [wide: [long: nil] as JSONValue] as JSONValue],
      wide: "x",
    ]
    let object = try #require(value.objectValue)
    let text = YAMLWriter.mapping(object)
    #expect(text.hasPrefix("? \(long)\n:"), "\(text.prefix(200))")
    let loaded = try YAMLLoader.load(Array(text.utf8), file: "long.yaml")
    #expect(loaded.first?.value == value)
  }

  @Test func longConfigKeyImportsExactly() throws {
    let key = String(repeating: "x", count: 1100)
    let text = """
      {"id": "p1", "slug": "long", "designated_version": {"id": "v1", "version": 1,
       "config": {"model": "a/b", "\(key)": "v", "provider": {"\(key)": [1]}}}}
      """
    let live = try LivePreset(json: JSONParser.parse(text))
    let file = try #require(LiveImport.file(for: live, validators: .embedded))
    let model = try #require(live.model)
    let documents = try YAMLLoader.load(Array(file.text.utf8), file: "presets/long.yaml")
    #expect(documents.first?.value["request"] == .object(LiveImport.request(for: model, skin: file.skin)))
  }
}
