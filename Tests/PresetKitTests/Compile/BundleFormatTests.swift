import Foundation
import Testing

@testable import PresetCore
@testable import PresetKit
@testable import PresetModel

/// The bundle format `presetctl.bundle/v2` (digest over the entries' own hashes) and reading v1 bundles.
@Suite struct BundleFormatTests {
  static let files = [
    "presets/a.yaml": CompilerInvarianceTests.plain,
    "presets/b.yaml":
      "slug: b\nskin: responses\ndescription: \"q\\\" \\\\ sp ace\\t\\u0001 é\"\nrequest: {model: m/x, instructions: \"x\\n  y \"}\n",
    "presets/c.yaml":
      "slug: c\nskin: messages\ndescription: 日本\nrequest: {model: m/y, system: \"😂 \\u2028\", max_tokens: 5}\n",
  ]

  static func bundle() throws -> (PresetBundle, TempRepo) {
    let repo = try TempRepo(files)
    let result = repo.compile()
    #expect(!result.hasErrors, "\(result.diagnostics.map(\.message))")
    return (PresetBundle(presets: result.presets), repo)
  }

  /// The rule as README states it, recomputed from the file alone: SHA-256 over one line per entry (hex
  /// SHA-256 of the entry's canonical JSON + LF), in file order.
  @Test func digestFollowsTheDocumentedRule() throws {
    let (bundle, repo) = try Self.bundle()
    defer { repo.remove() }
    let file = try JSONParser.parse(bundle.fileBytes)
    #expect(file["format"]?.stringValue == "presetctl.bundle/v2")
    let entries = try #require(file["presets"]?.arrayValue)
    #expect(entries.count == 3)
    let lines = entries.map { SHA256.hexDigest(JSONWriter.canonicalBytes($0), implementation: .portable) + "\n" }
    let expected = "sha256:" + SHA256.hexDigest(Array(lines.joined().utf8), implementation: .portable)
    #expect(file["digest"]?.stringValue == expected)
    #expect(bundle.digest == expected)
  }

  /// The entry written with the model's bytes spliced in is exactly the canonical JSON of the entry value.
  @Test func entryBytesEqualTheCanonicalEntry() throws {
    let (bundle, repo) = try Self.bundle()
    defer { repo.remove() }
    for preset in bundle.presets {
      #expect(BundleEntry.canonicalBytes(for: preset) == JSONWriter.canonicalBytes(PresetBundle.json(for: preset)))
      let entry = BundleEntry(preset)
      #expect(entry.pretty == JSONWriter.prettyFromCanonical(entry.canonical, level: 2))
    }
  }

  /// A v1 bundle (same entries, digest over the canonical `presets` array) is still read; each format's
  /// digest only passes under its own rule, and an edited v1 bundle is refused.
  @Test func v1BundlesAreStillRead() throws {
    let (bundle, repo) = try Self.bundle()
    defer { repo.remove() }
    let v1 = Self.asV1(bundle)
    let read = try PresetBundle(bytes: JSONWriter.bytes(v1, options: .pretty))
    #expect(read.presets.map(\.version) == bundle.presets.map(\.version))
    #expect(read.presets.map(\.model) == bundle.presets.map(\.model))
    // Through the plan reader's entry point too (plan, diff and apply read bundles with it).
    #expect(try PresetBundle(json: v1).presets.count == 3)

    var wrongRule = v1
    Self.set(&wrongRule, "digest", .string(bundle.digest))
    #expect(throws: PresetBundle.ReadError.self) { try PresetBundle(json: wrongRule) }
    var v2WithV1Digest = try JSONParser.parse(bundle.fileBytes)
    Self.set(&v2WithV1Digest, "digest", v1["digest"] ?? .null)
    #expect(throws: PresetBundle.ReadError.self) { try PresetBundle(json: v2WithV1Digest) }
    var edited = String(decoding: JSONWriter.bytes(v1, options: .pretty), as: UTF8.self)
    edited = edited.replacingOccurrences(of: "\"temperature\": 0.5", with: "\"temperature\": 0.6")
    #expect(throws: PresetBundle.ReadError.self) { try PresetBundle(bytes: Array(edited.utf8)) }
  }

  /// The committed v1 fixture (written by presetctl before v2) reads, and its entries are byte for byte the
  /// entries a v2 build writes today: only `format` and `digest` differ.
  @Test func v1FixtureReadsAndMatchesTheV2Entries() throws {
    let root = Shared.packageRoot.appendingPathComponent("Tests/Fixtures/compile")
    let v1Bytes = Array(try Data(contentsOf: root.appendingPathComponent("good.bundle.v1.json")))
    let v2Bytes = Array(try Data(contentsOf: root.appendingPathComponent("good.bundle.json")))
    let v1 = try PresetBundle(bytes: v1Bytes)
    let v2 = try PresetBundle(bytes: v2Bytes)
    #expect(v1.presets == v2.presets)
    let v1Lines = String(decoding: v1Bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    let v2Lines = String(decoding: v2Bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    #expect(v1Lines.count == v2Lines.count)
    let differing = zip(v1Lines, v2Lines).filter { $0 != $1 }.map(\.0)
    #expect(differing.count == 2)
    #expect(differing.allSatisfy { $0.hasPrefix("  \"digest\": ") || $0.hasPrefix("  \"format\": ") })
  }

  /// The same bundle in format v1: the digest over the canonical JSON of the whole `presets` array.
  static func asV1(_ bundle: PresetBundle) -> JSONValue {
    var json = bundle.json
    set(&json, "format", .string(PresetBundle.formatV1))
    set(&json, "digest", .string("sha256:" + SHA256.hexDigest(JSONWriter.canonicalBytes(bundle.presetsJSON))))
    return json
  }

  static func set(_ json: inout JSONValue, _ key: String, _ value: JSONValue) {
    guard case .object(var object) = json else { return }
    object[key] = value
    json = .object(object)
  }
}
