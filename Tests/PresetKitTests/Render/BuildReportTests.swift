import Testing

@testable import PresetCore
@testable import PresetKit
@testable import PresetReconcile
@testable import PresetRender

@Suite("BuildReport")
struct BuildReportTests {
  static func report() throws -> BuildReport {
    let repo = try TempRepo([
      "presets/a.yaml": ReconcileFixture.preset("alpha"),
      "presets/b.yaml":
        "slug: beta\nskin: chat\nrequest:\n  models: [m/one, m/two]\n  messages: [{role: system, content: Hi}]\n",
    ])
    defer { repo.remove() }
    let presets = repo.compile().presets
    #expect(presets.count == 2)
    let rows = presets.map {
      BuildReport.Row(slug: $0.slug, skin: $0.skin, modelName: $0.model.modelSummary, version: $0.version)
    }
    return BuildReport(entries: rows, digest: "sha256:" + String(repeating: "ab", count: 32), output: "out/b.json")
  }

  @Test("model column: model, else the first of models with a count, else -")
  func modelColumn() throws {
    let rows = try Self.report().entries
    #expect(rows.map(\.modelName) == ["openai/gpt-5.4", "m/one (+1)"])
  }

  @Test("text: a table and a line naming the output and the short digest")
  func text() throws {
    let report = try Self.report()
    let out = report.render(.text, style: Style(enabled: false))
    let lines = out.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.first?.hasPrefix("SLUG") == true && lines[1].hasPrefix("alpha  chat"))
    #expect(out.hasSuffix("\n2 preset(s) written to out/b.json (sha256:abababababab)\n"))
  }

  @Test("json and markdown carry every row")
  func jsonAndMarkdown() throws {
    let report = try Self.report()
    let json = try JSONParser.parse(report.render(.json, style: Style(enabled: false)))
    #expect(json["presets"]?.arrayValue?.map { $0["slug"]?.stringValue } == ["alpha", "beta"])
    #expect(json["digest"]?.stringValue == report.digest && json["output"] == "out/b.json")
    #expect(json["presets"]?.arrayValue?.first?["version"]?.stringValue == report.entries[0].version.rawValue)
    let markdown = report.render(.markdown, style: Style(enabled: false))
    #expect(
      markdown.hasPrefix("| slug | skin | model | version |\n|---|---|---|---|\n| `alpha` | chat | `openai/gpt-5.4` |"))
    #expect(markdown.hasSuffix("\n2 preset(s) written to `out/b.json`\n"))
  }
}
