import Foundation
import OpenRouterFake
import Testing

@testable import PresetCore
@testable import PresetKit
@testable import PresetModel

/// `presetctl ls` and `presetctl show` through the binary against the fake.
@Suite(.serialized) struct LsShowTests {
  @Test func lsShowsEveryLivePresetAgainstTheLocalOnes() throws {
    let f = try ReconcileFixture([
      "presets/a.yaml": ReconcileFixture.preset("alpha"), "presets/b.yaml": ReconcileFixture.preset("beta"),
    ])
    defer { f.stop() }
    #expect(try f.run(["apply", "--yes"]).status == 0)
    try f.repo.write("presets/b.yaml", ReconcileFixture.preset("beta", temperature: 0.9))
    f.fake.seed(slug: "ui-made", systemPrompt: nil, config: ["model": "x/y"] as JSONValue)
    let text = try f.run(["ls"])
    #expect(text.status == 0, "\(text.stderr)")
    let lines = text.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix("SLUG") == true)
    #expect(lines[1].hasPrefix("alpha ") && lines[1].contains(" v1 ") && lines[1].contains("in sync"))
    #expect(lines[2].hasPrefix("beta ") && lines[2].contains("differs"))
    #expect(lines[3].hasPrefix("ui-made ") && lines[3].contains("unmanaged"))
    #expect(text.stdout.contains("3 live preset(s): 1 in sync, 1 differ, 1 unmanaged"))
    let alpha = try #require(f.fake.preset(slug: "alpha")?.model?.version)
    #expect(lines[1].contains(alpha.short))
    let json = try JSONParser.parse(try f.run(["ls", "--format", "json"]).stdout)
    let first = try #require(json["presets"]?.arrayValue?.first)
    #expect(first["slug"] == "alpha" && first["live_version"]?.stringValue == alpha.rawValue)
    #expect(first["state"] == "in sync" && first["live_version_number"] == 1)
    #expect(try f.run(["ls", "--format", "markdown"]).stdout.contains("| `alpha` | v1 |"))
    // Elsewhere without presets/: everything is unmanaged, not an error.
    try FileManager.default.removeItem(at: f.repo.root.appendingPathComponent("presets"))
    #expect(try f.run(["ls"]).stdout.contains("0 in sync, 0 differ, 3 unmanaged"))
    #expect(try f.run(["ls", "missing"]).status == 1)
  }

  @Test func showPrintsTheNormalisedModel() throws {
    let f = try ReconcileFixture([:])
    defer { f.stop() }
    f.fake.seed(
      slug: "alpha",
      versions: [
        ("First.", ["model": "openai/gpt-5.4", "temperature": 0.5] as JSONValue),
        (
          "Second line one.\nline two\u{1B}[31m\n",
          ["model": "openai/gpt-5.4", "provider": ["sort": JSONValue.null]] as JSONValue
        ),
      ])
    let yaml = try f.run(["show", "alpha"])
    #expect(yaml.status == 0, "\(yaml.stderr)")
    #expect(yaml.stdout.contains("live_version_number: 2\n") && yaml.stdout.contains("line two"))
    #expect(!yaml.stdout.contains("\u{1B}") && !yaml.stdout.contains("sort"))  // neutralised; nulls normalised away
    let json = try JSONParser.parse(try f.run(["show", "alpha", "--version", "1", "--format", "json"]).stdout)
    let config = (["model": "openai/gpt-5.4", "temperature": 0.5] as JSONValue).objectValue ?? JSONObject()
    let model = NormalisationRules.model(config: config, systemPrompt: "First.")
    #expect(json["live_version_number"] == 1 && json["system_prompt"] == "First.")
    #expect(json["version"]?.stringValue == model.version.rawValue)
    let missing = try f.run(["show", "nope"])
    #expect(missing.status == 1 && missing.stderr.contains("no live preset 'nope'"))
    #expect(try f.run(["show", "alpha", "--format", "xml"]).status == 1)
    #expect(try f.run(["show"]).status == 1)
  }
}
