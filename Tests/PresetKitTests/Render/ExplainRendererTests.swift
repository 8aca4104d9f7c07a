import Testing

@testable import PresetKit
@testable import PresetRender

@Suite("ExplainRenderer")
struct ExplainRendererTests {
  @Test("every value carries the file and line it came from; defaults and preset both named")
  func origins() throws {
    let repo = try TempRepo([
      "presets/_defaults.yaml": "skin: chat\nrequest:\n  temperature: 0.3\n",
      "presets/a.yaml": "slug: alpha\nrequest:\n  model: m/x\n  messages: [{role: system, content: Hi}]\n",
    ])
    defer { repo.remove() }
    let result = repo.compile()
    let preset = try #require(result.presets.first, "\(result.diagnostics)")
    let out = ExplainRenderer(preset: preset).text(style: Style(enabled: false))
    let lines = out.split(separator: "\n").map(String.init)
    #expect(lines[0] == "alpha (chat, version \(preset.version.short))")
    #expect(lines[1] == "defined at presets/a.yaml:1")
    #expect(lines[2] == "system prompt from presets/a.yaml:4")
    #expect(lines.contains { $0.hasPrefix("  temperature: 0.3") && $0.hasSuffix("# presets/_defaults.yaml:3") })
    #expect(lines.contains { $0.hasPrefix("  model: \"m/x\"") && $0.hasSuffix("# presets/a.yaml:3") })
  }

  @Test("a preset read from a bundle says it has no source information")
  func fromBundle() throws {
    let repo = try TempRepo(["presets/a.yaml": ReconcileFixture.preset("alpha")])
    defer { repo.remove() }
    var preset = try #require(repo.compile().presets.first)
    preset.request = nil
    let out = ExplainRenderer(preset: preset).text(style: Style(enabled: false))
    #expect(out.hasSuffix("(no source information: read from a bundle)\n"))
  }
}
