import OpenRouterFake
import Testing

@testable import PresetCore
@testable import PresetKit
@testable import PresetReconcile
@testable import PresetRender

@Suite("PlanRenderer")
struct PlanRendererTests {
  /// alpha absent (create), beta as desired (unchanged), gamma with another temperature (update); one unmanaged.
  static func plan() throws -> PresetPlan {
    let fake = FakeOpenRouter()  // not started: only its store makes live presets
    let desired = try PlannerTests.desired()
    func live(_ slug: String, temperature: Double? = nil) throws -> LivePreset {
      let preset = try #require(desired.first { $0.slug == slug })
      var config = preset.model.config
      if let temperature { config["temperature"] = .number(temperature) }
      return try #require(fake.seed(slug: slug, systemPrompt: preset.model.systemPrompt, config: .object(config)))
    }
    let lives = ["beta": try live("beta"), "gamma": try live("gamma", temperature: 0.9)]
    let unmanaged = try #require(fake.seed(slug: "ui-only", systemPrompt: nil, config: ["model": "x/y"])).summary
    return PresetPlan(
      entries: desired.map { Planner.classify(desired: $0, live: lives[$0.slug]) }, unmanaged: [unmanaged])
  }

  @Test("plan mode: summary, one line per change with its config lines, unmanaged last; unchanged left out")
  func planText() throws {
    let text = PlanRenderer(plan: try Self.plan()).text(style: Style(enabled: false))
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.first == "plan: 1 to create, 1 to update, 1 unchanged, 1 unmanaged")
    #expect(lines.contains { $0.hasPrefix("+ create alpha → ") })
    #expect(lines.contains { $0.hasPrefix("~ update gamma ") && $0.contains("(live v1, updated ") })
    #expect(lines.contains("    temperature: 0.9 → 0.5"))
    #expect(!text.contains("beta"))
    #expect(lines.last?.hasPrefix("? unmanaged ui-only (live only;") == true)
  }

  @Test("drift mode: the same entries as missing / drifted / in sync")
  func driftWords() throws {
    let renderer = PlanRenderer(plan: try Self.plan(), mode: .drift(includeUnmanaged: true))
    #expect(renderer.summary == "drift detected: 1 drifted, 1 missing, 1 in sync, 1 unmanaged")
    let json = try JSONParser.parse(renderer.json())
    #expect(json["entries"]?.arrayValue?.map { $0["action"]?.stringValue } == ["missing", "in-sync", "drifted"])
    #expect(renderer.markdown().hasPrefix("### presetctl drift\n\n"))
    #expect(renderer.markdown().contains("| `gamma` | drifted |"))
  }

  @Test("json: every entry with versions; config changes only on updates; unmanaged with their time")
  func planJSON() throws {
    let json = try JSONParser.parse(PlanRenderer(plan: try Self.plan()).json())
    let entries = try #require(json["entries"]?.arrayValue)
    #expect(entries.map { $0["action"]?.stringValue } == ["create", "unchanged", "update"])
    #expect(entries[0]["live_version"] == .null && entries[0]["config_changes"] == nil)
    #expect(entries[2]["config_changes"]?.arrayValue?.first?["path"] == "/temperature")
    #expect(json["has_changes"] == true)
    #expect(json["unmanaged"]?.arrayValue?.first?["slug"] == "ui-only")
  }

  @Test("markdown: a table of changes and a details block per update")
  func planMarkdown() throws {
    let out = PlanRenderer(plan: try Self.plan()).markdown()
    #expect(out.contains("| `alpha` | create | — |"))
    #expect(out.contains("<details><summary><code>gamma</code>"))
    #expect(out.contains("- `temperature`: `0.9` → `0.5`"))
    #expect(out.hasSuffix("Unmanaged (live only, never touched): `ui-only`\n"))
  }
}
