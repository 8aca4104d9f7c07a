import Foundation
import Testing

@testable import PresetCore
@testable import PresetKit
@testable import PresetModel
@testable import PresetReconcile
@testable import PresetRender
@testable import PresetSchema

/// The comparison model, risk rules and renderer limits, without git or the binary.
@Suite struct ReviewUnitTests {
  static func preset(_ slug: String, _ value: JSONValue, prompt: String? = nil, file: String? = nil) -> Preset {
    let config = value.objectValue ?? JSONObject()
    return Preset(
      slug: slug, skin: .chat, description: nil, model: NormalisationRules.model(config: config, systemPrompt: prompt),
      source: .init(file: file ?? "presets/\(slug).yaml", line: 1), promptSource: nil, body: config)
  }

  static func risks(_ old: JSONValue, _ new: JSONValue) -> [ReviewRisk] {
    ReviewRisk.assess(
      old: NormalisationRules.model(config: old.objectValue ?? JSONObject(), systemPrompt: nil),
      new: NormalisationRules.model(config: new.objectValue ?? JSONObject(), systemPrompt: nil))
  }

  @Test func dataCollectionDenyToAbsentOrAllowIsRisky() {
    let deny: JSONValue = ["model": "m", "provider": ["data_collection": "deny"]]
    let kinds = { (new: JSONValue) in Self.risks(deny, new).map(\.kind) }
    #expect(kinds(["model": "m"]) == [.dataCollection])
    // `allow` is the default the normaliser drops: the same as absent.
    #expect(kinds(["model": "m", "provider": ["data_collection": "allow"]]) == [.dataCollection])
    #expect(kinds(deny).isEmpty)
    #expect(Self.risks(["model": "m"], deny).isEmpty)
    #expect(
      Self.risks(deny, ["model": "m"]).first?.message == "data collection switched to allow: \"deny\" → (default allow)"
    )
  }

  @Test func zdrRemovalIsRiskyAddingItIsNot() {
    let on: JSONValue = ["provider": ["zdr": true]]
    #expect(Self.risks(on, [:]).map(\.kind) == [.zdr])
    #expect(Self.risks(on, ["provider": ["zdr": false]]).map(\.kind) == [.zdr])
    #expect(Self.risks([:], on).isEmpty)
  }

  @Test func temperatureJumpThresholdAndDefault() {
    func kinds(_ a: JSONValue?, _ b: JSONValue?) -> [ReviewRisk.Kind] {
      var old = JSONObject()
      var new = JSONObject()
      old["temperature"] = a
      new["temperature"] = b
      return Self.risks(.object(old), .object(new)).map(\.kind)
    }
    #expect(kinds(0.2, 0.7) == [.temperature])  // 0.7 - 0.2 is 0.4999999999999999 in binary
    #expect(kinds(0.2, 0.69).isEmpty)
    #expect(kinds(1.5, 1.0) == [.temperature])
    #expect(kinds(nil, 0.4) == [.temperature])  // absent means the default 1
    #expect(kinds(nil, 0.6).isEmpty)
    #expect(kinds(0.0, nil) == [.temperature])
    #expect(Self.risks(["temperature": 0.2], ["temperature": 0.7]).first?.title == "temperature jumps by 0.5")
  }

  @Test func modelAndFallbackRules() {
    #expect(Self.risks(["model": "a"], ["model": "b"]).map(\.kind) == [.model])
    #expect(Self.risks(["models": ["a", "b"]], ["models": ["a", "c"]]).map(\.path.dotted) == ["models"])
    #expect(Self.risks(["fallbacks": [["model": "a"]]], [:]).map(\.kind) == [.fallbacks])
    let off = Self.risks([:], ["provider": ["allow_fallbacks": false]])
    #expect(off.map(\.kind) == [.fallbacks] && off.first?.title == "provider fallbacks disabled")
    #expect(Self.risks(["max_tokens": 1], ["max_tokens": 2]).isEmpty)
  }

  @Test func classificationAndRenamePairing() {
    let a = Self.preset("a", ["model": "x"])
    let b = Self.preset("b", ["model": "y"])
    let twinOld1 = Self.preset("old-1", ["model": "same"])
    let twinOld2 = Self.preset("old-2", ["model": "same"])
    let twinNew = Self.preset("new", ["model": "same"])
    let review = Review(
      base: [a, b, twinOld1, twinOld2], head: [a, Self.preset("b", ["model": "z"]), twinNew], baseLabel: "base",
      headLabel: "head")
    #expect(review.unchangedCount == 1)
    #expect(review.entries.map(\.slug) == ["b", "new", "old-2"])
    #expect(review.entries.map(\.status) == [.changed, .renamed, .removed])
    // Several removed presets with the content of one added preset: the first by slug is the rename.
    #expect(review.entries[1].oldSlug == "old-1")
    #expect(review.summary == "0 added, 1 removed, 1 changed, 1 renamed, 1 unchanged")
    #expect(review.entries[0].configChanges.map { ReviewRenderer.describe($0) } == [#"model: "y" → "z""#])
    let empty = Review(base: [a], head: [a], baseLabel: "x", headLabel: "y")
    #expect(!empty.hasChanges && empty.entries.isEmpty)
  }

  @Test func promptAnnotationPointsAtTheFirstChangedLineOfAPromptFile() {
    var old = Self.preset("p", ["model": "m"], prompt: "one\ntwo\nthree\n")
    var new = Self.preset("p", ["model": "m"], prompt: "one\ntwo\nTHREE\n")
    old.promptSource = .init(file: "prompts/p.md", line: 1)
    new.promptSource = .init(file: "prompts/p.md", line: 1)
    let entry = Review(base: [old], head: [new], baseLabel: "a", headLabel: "b").entries[0]
    #expect(entry.promptChanged)
    #expect(entry.promptAnnotationOrigin == Preset.Origin(file: "prompts/p.md", line: 3))
    #expect(entry.promptDiff().hasPrefix("--- a/prompts/p.md\n+++ b/prompts/p.md\n@@ -1,3 +1,3 @@\n"))
  }

  @Test func githubAnnotationsStopAtTenPerKind() {
    let base = (0..<12).map { Self.preset("p\($0)", ["model": "a"]) }
    let head = (0..<12).map { Self.preset("p\($0)", ["model": "b"]) }
    let out = ReviewRenderer(review: Review(base: base, head: head, baseLabel: "a", headLabel: "b")).github()
    let lines = out.split(separator: "\n")
    #expect(lines.filter { $0.hasPrefix("::warning ") }.count == 10)
    #expect(lines.filter { $0.hasPrefix("::notice ") }.count == 10)
    #expect(out.contains("presetctl diff: 2 more warning(s) and 2 more notice(s) not shown as annotations"))
  }

  @Test func markdownStaysUnderTheLimitWithThousandsOfPresets() {
    let base = (0..<3_000).map { Self.preset("preset-number-\($0)", ["model": "a", "temperature": 0]) }
    let head = (0..<3_000).map { Self.preset("preset-number-\($0)", ["model": "b", "temperature": 1]) }
    let markdown = ReviewRenderer(review: Review(base: base, head: head, baseLabel: "a", headLabel: "b")).markdown()
    #expect(markdown.utf8.count < ReviewRenderer.commentLimit)
    #expect(markdown.contains("Some presets are not shown here"))
    #expect(markdown.contains("| … | "))
    #expect(
      markdown.components(separatedBy: "<details>").count == markdown.components(separatedBy: "</details>").count)
  }

  @Test func markdownCodeSpansAndFencesSurviveBackticks() {
    #expect(ReviewRenderer.code("a`b") == "``a`b``")
    #expect(ReviewRenderer.code("`x") == "`` `x ``")
    #expect(ReviewRenderer.code("a\nb") == "`a\\nb`")
    #expect(ReviewRenderer.fenced("+```\n").hasPrefix("````diff\n"))
  }

  @Test func treeListingDropsUnsafePathsAndSubmodules() {
    let hash = String(repeating: "a", count: 40)
    var listing: [UInt8] = []
    for line in [
      "100644 blob \(hash)      12\tpresets/a.yaml", "120000 blob \(hash)       5\tlink",
      "160000 commit \(hash)       -\tvendor/sub", "100644 blob \(hash)       1\t../escape",
      "100644 blob \(hash)       1\tx/.GIT/config",
      // `..` hidden from a Character split by a combining mark after the slash; the kernel sees `..`.
      "100644 blob \(hash)       1\t../\u{301}escape", "100644 blob \(hash)       1\ta/../\u{301}/../\u{301}x",
      "100644 blob \(hash)       1\ta/./\u{301}x",
    ] {
      listing += Array(line.utf8) + [0]
    }
    let entries = GitRevision.parseTree(listing)
    #expect(entries.map(\.path) == ["presets/a.yaml", "link"])
    #expect(entries.map(\.kind) == [.file, .symlink])
    #expect(entries.first?.size == 12)
  }

  @Test func batchOutputParsing() throws {
    let output = Array("abc blob 3\nxyz\ndef blob 0\n\n".utf8)
    let blobs = try GitRevision.parseBatch(output)
    #expect(blobs["abc"] == Array("xyz".utf8) && blobs["def"] == [])
    #expect(throws: GitRevision.Failure.self) { try GitRevision.parseBatch(Array("abc missing\n".utf8)) }
  }
}

/// The committed CI example and the docs copy of it.
@Suite struct ReviewWorkflowExampleTests {
  @Test func workflowExampleIsCompleteAndQuotedInTheDocs() throws {
    let workflow = try String(
      contentsOf: Shared.packageRoot.appendingPathComponent(".ci/github-workflow.yml"), encoding: .utf8)
    for needle in [
      "container: swift:6.3", "fetch-depth: 0", "apt-get install -y --no-install-recommends libyaml-dev",
      "swift build -c release", "validate --format github", "diff --base", "--format markdown",
      ReviewRenderer.commentMarker, "presetctl apply", "presetctl drift", "schedule:",
      // Every job restores the binary keyed on the sources and builds only on a miss.
      "uses: actions/cache@v4", "path: .build/release/presetctl", "hashFiles('Package.swift', 'Sources/**')",
      "if: steps.presetctl-cache.outputs.cache-hit != 'true'",
    ] {
      #expect(workflow.contains(needle), "\(needle)")
    }
    let documents = try YAMLLoader.load(Array(workflow.utf8), file: ".ci/github-workflow.yml")
    #expect(documents.first?.value["jobs"]?.objectValue?.keys == ["review", "apply", "drift"])
    for job in ["review", "apply", "drift"] {
      let steps = documents.first?.value["jobs"]?[job]?["steps"]?.arrayValue ?? []
      let names = steps.compactMap { $0["name"]?.stringValue }
      let cache = names.firstIndex(of: "Restore presetctl from the cache")
      let build = names.firstIndex(of: "Build presetctl")
      #expect(cache != nil && build != nil && cache! < build!, "\(job): cache restore before the build")
    }
    let docs = try String(contentsOf: Shared.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    #expect(docs.contains("```yaml\n" + workflow + "```\n"))
  }
}
