import Foundation
import Testing

@testable import PresetKit

/// One hostile preset file and the diagnostic code it must produce.
struct HostileInput: Sendable, CustomTestStringConvertible {
  var name: String
  var bytes: [UInt8]
  var code: String
  var testDescription: String { name }

  init(_ name: String, _ bytes: [UInt8], code: String) {
    self.name = name
    self.bytes = bytes
    self.code = code
  }

  init(_ name: String, _ text: String, code: String) {
    self.init(name, Array(text.utf8), code: code)
  }
}

extension Hardening {
  /// Hostile and broken YAML through the built binary: each gives a diagnostic and exit 1 within a fixed memory
  /// and time budget (`Budget`: < 200 MB peak RSS, < 5 s; these catch explosions, they are not benchmarks).
  @Suite struct HostileYAMLTests {
    static let preset = "slug: ok\nskin: chat\nrequest:\n  model: openai/gpt-5.4\n"

    /// Classic "billion laughs": ten levels, each alias repeated ten times (10^10 nodes if expanded).
    static func nestedLaughs() -> String {
      var text = "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
      for level in 1...9 {
        let refs = Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ")
        text += "l\(level): &l\(level) [\(refs)]\n"
      }
      return text
    }

    /// Wide: one 1,000-item anchor aliased 2,000 times (2 million nodes, over the 1 million budget).
    static func wideLaughs() -> String {
      let items = (0..<1000).map { "i\($0)" }.joined(separator: ", ")
      return "a: &a [\(items)]\nb: [" + Array(repeating: "*a", count: 2000).joined(separator: ", ") + "]\n"
    }

    /// Through merge keys: every level merges the previous mapping and adds ten aliases of it.
    static func mergeLaughs() -> String {
      var text = "m0: &m0 {a: [x, x, x, x, x, x, x, x, x, x]}\n"
      for level in 1...9 {
        let previous = "m\(level - 1)"
        let refs = (0..<10).map { "k\($0): *\(previous)" }.joined(separator: ", ")
        text += "m\(level): &m\(level) {<<: *\(previous), \(refs)}\n"
      }
      return text
    }

    static let cases: [HostileInput] = [
      HostileInput("billion laughs, nested", nestedLaughs(), code: "yaml.alias-budget"),
      HostileInput("billion laughs, wide", wideLaughs(), code: "yaml.alias-budget"),
      HostileInput("billion laughs, merge keys", mergeLaughs(), code: "yaml.alias-budget"),
      HostileInput(
        "10,000 flow sequences deep", String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000),
        code: "yaml.depth"),
      HostileInput("10,000 flow mappings deep", String(repeating: "{a: ", count: 10_000), code: "yaml.depth"),
      HostileInput(
        "10,000 block sequences deep", String(repeating: "- ", count: 10_000) + "x\n", code: "yaml.depth"),
      HostileInput("NUL byte in a value", Array("slug: a\u{0}b\n".utf8), code: "yaml.syntax"),
      HostileInput("NUL byte at the start", [0, 0x61, 0x3A, 0x20, 0x31, 0x0A], code: "yaml.syntax"),
      HostileInput("lone continuation byte", [0x61, 0x3A, 0x20, 0x80, 0x0A], code: "yaml.invalid-utf8"),
      HostileInput("lead byte without continuation", [0x61, 0x3A, 0x20, 0xC3, 0x28, 0x0A], code: "yaml.invalid-utf8"),
      HostileInput("sequence truncated at EOF", [0x61, 0x3A, 0x20, 0xE2, 0x82], code: "yaml.invalid-utf8"),
      HostileInput("overlong two-byte slash", [0x61, 0x3A, 0x20, 0xC0, 0xAF, 0x0A], code: "yaml.invalid-utf8"),
      HostileInput("overlong three-byte", [0x61, 0x3A, 0x20, 0xE0, 0x80, 0xAF, 0x0A], code: "yaml.invalid-utf8"),
      HostileInput("UTF-8 encoded surrogate", [0x61, 0x3A, 0x20, 0xED, 0xA0, 0x80, 0x0A], code: "yaml.invalid-utf8"),
      HostileInput("beyond U+10FFFF", [0x61, 0x3A, 0x20, 0xF4, 0x90, 0x80, 0x80, 0x0A], code: "yaml.invalid-utf8"),
      HostileInput("0xFF byte", [0x61, 0x3A, 0x20, 0xFF, 0x0A], code: "yaml.invalid-utf8"),
      HostileInput("UTF-16 LE with BOM", [0xFF, 0xFE] + utf16("slug: ok\n", bigEndian: false), code: "yaml.utf16"),
      HostileInput("UTF-16 BE with BOM", [0xFE, 0xFF] + utf16("slug: ok\n", bigEndian: true), code: "yaml.utf16"),
      HostileInput("UTF-16 LE without BOM", utf16("slug: ok\n", bigEndian: false), code: "yaml.syntax"),
      HostileInput("tab indentation", "request:\n\tmodel: x\n", code: "yaml.syntax"),
      HostileInput("scanner: unterminated quote", "slug: \"open\n", code: "yaml.syntax"),
      HostileInput("scanner: bad escape", "slug: \"\\q\"\n", code: "yaml.syntax"),
      HostileInput("scanner: invalid anchor", "slug: &\n", code: "yaml.syntax"),
      HostileInput("parser: block mapping then sequence", "slug: a\n- b\n", code: "yaml.syntax"),
      HostileInput("parser: unclosed flow sequence", "slug: [a, b\n", code: "yaml.syntax"),
      HostileInput("parser: undefined tag handle", "slug: !x!y z\n", code: "yaml.syntax"),
      HostileInput("parser: duplicate %YAML directive", "%YAML 1.1\n%YAML 1.1\n---\nslug: a\n", code: "yaml.syntax"),
      HostileInput("parser: incompatible YAML version", "%YAML 2.0\n---\nslug: a\n", code: "yaml.syntax"),
      HostileInput("scanner: sequence entry in a value", "slug: - a\n", code: "yaml.syntax"),
      HostileInput("scanner: tab in a flow context start", "slug: [\ta, @b]\n", code: "yaml.syntax"),
      HostileInput("reader: control character", "slug: a\u{1}b\n", code: "yaml.syntax"),
      HostileInput("reader: DEL-range C1 control", "slug: a\u{85}\u{7}\n", code: "yaml.syntax"),
      HostileInput("undefined alias", "slug: *nowhere\n", code: "yaml.undefined-alias"),
    ]

    static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
      text.utf16.flatMap { unit in
        bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
      }
    }

    @Test(arguments: cases)
    func rejectedWithinBudget(_ input: HostileInput) async throws {
      let repo = try TempRepo()
      defer { repo.remove() }
      try repo.write("presets/hostile.yaml", bytes: input.bytes)
      let result = try await MeasuredProcess.run(["validate", "presets"], in: repo.root)
      Budget.expectCleanFailure(result, mentioning: "presets/hostile.yaml:")
      #expect(result.output.contains("[\(input.code)]"), "\(input.name): \(result.output.prefix(600))")
      #expect(result.output.utf8.count < 20_000, "diagnostics stay short: \(result.output.utf8.count) bytes")
    }

    /// A UTF-8 byte order mark is fine: the file compiles.
    @Test func utf8ByteOrderMarkIsAccepted() async throws {
      let repo = try TempRepo()
      defer { repo.remove() }
      try repo.write("presets/bom.yaml", bytes: [0xEF, 0xBB, 0xBF] + Array(Self.preset.utf8))
      let result = try await MeasuredProcess.run(["validate", "presets"], in: repo.root)
      #expect(result.exitStatus == 0, "\(result.output)")
    }

    /// Invalid UTF-8 is located by line and column, not just byte offset.
    @Test func invalidUTF8IsLocated() async throws {
      let repo = try TempRepo()
      defer { repo.remove() }
      try repo.write("presets/bad.yaml", bytes: Array("slug: ok\nskin: c".utf8) + [0xC3, 0x28] + [0x0A])
      let result = try await MeasuredProcess.run(["validate", "presets"], in: repo.root)
      #expect(result.output.contains("presets/bad.yaml:2:8: error[yaml.invalid-utf8]"), "\(result.output)")
    }

    /// 100 MB (sparse, so the test is cheap): refused by size before it is read; memory stays near the baseline.
    @Test func hundredMegabyteFileIsRefusedUnread() async throws {
      let repo = try TempRepo()
      defer { repo.remove() }
      try repo.write("presets/huge.yaml", Self.preset)
      let handle = try FileHandle(forWritingTo: repo.root.appendingPathComponent("presets/huge.yaml"))
      try handle.truncate(atOffset: 100 * 1024 * 1024)
      try handle.close()
      let result = try await MeasuredProcess.run(["validate", "presets"], in: repo.root)
      Budget.expectCleanFailure(result, mentioning: "[input.too-large]")
      #expect(result.output.contains("104857600 bytes is over the limit of 4194304 bytes"), "\(result.output)")
      // Reading it would cost 100 MB; a refusal before reading stays at the binary's baseline (~30 MB).
      #expect(result.peakRSSMegabytes < 80, "peak RSS \(result.peakRSSMegabytes) MB")
    }

    /// A 3.9 MB single line (under the 4 MiB limit): loads, and the snippet of a diagnostic on it is cut short.
    @Test func longSingleLineStaysCheap() async throws {
      let repo = try TempRepo()
      defer { repo.remove() }
      let long = String(repeating: "x", count: 3_900_000)
      try repo.write("presets/long.yaml", "slug: \(long) ]\n")
      let result = try await MeasuredProcess.run(["validate", "presets"], in: repo.root)
      Budget.expectCleanFailure(result, mentioning: "presets/long.yaml:1:")
      #expect(result.output.utf8.count < 2_000, "the snippet is a window, not the whole line")
      #expect(result.output.contains("…"))
    }

    /// A file just over 4 MiB is refused by the YAML limit.
    @Test func fileJustOverTheLimit() async throws {
      let repo = try TempRepo()
      defer { repo.remove() }
      try repo.write("presets/big.yaml", "slug: " + String(repeating: "y", count: 4 * 1024 * 1024) + "\n")
      let result = try await MeasuredProcess.run(["validate", "presets"], in: repo.root)
      Budget.expectCleanFailure(result, mentioning: "over the limit of 4194304 bytes")
    }

    /// File content is quoted in messages and snippets; terminal escape sequences in it must not reach stderr.
    @Test func controlCharactersAreNotEchoedRaw() async throws {
      let repo = try TempRepo()
      defer { repo.remove() }
      try repo.write("presets/esc.yaml", Self.preset + "\"x\\e]0;pwned\\a\\e[2J\": 1\n")
      try repo.write("presets/raw.yaml", bytes: Array("slug: a\u{1B}[31mred\n".utf8))
      let result = try await MeasuredProcess.run(["validate", "presets"], in: repo.root)
      Budget.expectCleanFailure(result, mentioning: "[preset.unknown-key]")
      #expect(result.output.contains("presets/raw.yaml:1:8"), "\(result.output)")
      #expect(!result.output.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
    }
  }
}
