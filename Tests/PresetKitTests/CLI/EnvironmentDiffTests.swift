import Foundation
import Testing

@testable import PresetCore
@testable import PresetKit
@testable import PresetModel
@testable import PresetReconcile
@testable import PresetRender

/// `presetctl diff` without `--env` on a repository whose `presetctl.yaml` declares environments: one review
/// per environment, override changes attributed to `presetctl.yaml`, and a Markdown comment that stays small.
@Suite struct EnvironmentDiffTests {
  static func config(production dataCollection: String, staging: String = "") -> String {
    """
    environments:
      staging:
        slug: "{slug}-staging"\(staging)
      production:
        slug: "{slug}-production"
        request:
          provider:
            data_collection: \(dataCollection)

    """
  }

  static let preset = "slug: a\nskin: chat\nrequest:\n  model: openai/gpt-5.4\n  temperature: 0.2\n"

  /// Base: production denies data collection. Head: only `presetctl.yaml` changes (production allows it).
  static func overrideOnlyRepository() throws -> GitFixture {
    let fixture = try GitFixture([
      "presets/presetctl.yaml": config(production: "deny"), "presets/a.yaml": preset,
    ])
    try fixture.commit("base")
    try fixture.write(["presets/presetctl.yaml": config(production: "allow")])
    try fixture.commit("head")
    return fixture
  }

  @Test func overrideOnlyChangeIsReportedForItsEnvironmentAtThePresetctlLine() throws {
    let fixture = try Self.overrideOnlyRepository()
    defer { fixture.cleanUp() }
    let diff = ["diff", "--base", "HEAD~1", "--head", "HEAD"]

    let text = try fixture.presetctl(diff)
    #expect(text.status == 0, "\(text.stderr)")
    #expect(text.stdout.contains("default presets: no preset changes (1 unchanged)"))
    #expect(text.stdout.contains("environment staging: no preset changes (1 unchanged)"))
    #expect(text.stdout.contains("environment production: 0 added, 0 removed, 1 changed"))
    #expect(text.stdout.contains("⚠ data collection switched to allow"))
    // `provider:` is on line 7 of presetctl.yaml, `data_collection: allow` on line 8. The normaliser drops the
    // default `allow`, so the change is `provider` removed, at the override's `provider` key.
    #expect(
      text.stdout.contains("provider: removed (was {\"data_collection\":\"deny\"})  (presets/presetctl.yaml:7)"),
      "\(text.stdout)")
    #expect(try fixture.presetctl(diff + ["--detailed-exitcode"]).status == 2)

    let json = try JSONParser.parse(try fixture.presetctl(diff + ["--format", "json"]).stdout)
    // The top level still describes the default presets; has_changes covers every environment.
    #expect(json["presets"]?.arrayValue?.isEmpty == true)
    #expect(json["counts"]?["unchanged"] == 1)
    #expect(json["has_changes"] == true)
    let environments = try #require(json["environments"]?.arrayValue)
    #expect(environments.map { $0["name"] } == ["staging", "production"])
    #expect(environments[0]["has_changes"] == false)
    let production = environments[1]
    #expect(production["counts"]?["changed"] == 1)
    let entry = try #require(production["presets"]?.arrayValue?.first)
    #expect(entry["slug"] == "a-production" && entry["status"] == "changed")
    let change = try #require(entry["config_changes"]?.arrayValue?.first)
    #expect(change["file"] == "presets/presetctl.yaml" && change["line"] == 7)
    let risk = try #require(entry["risks"]?.arrayValue?.first)
    #expect(risk["kind"] == "data-collection" && risk["file"] == "presets/presetctl.yaml" && risk["line"] == 8)

    let github = try fixture.presetctl(diff + ["--format", "github"]).stdout
    #expect(github.contains("::warning file=presets/presetctl.yaml,line=8,title=[production] risky change"))
    #expect(github.contains("::notice file=presets/presetctl.yaml,line=7,title=[production] preset changed"))
    #expect(github.contains("presetctl diff: environment production: 0 added, 0 removed, 1 changed"))

    let markdown = try fixture.presetctl(diff + ["--format", "markdown"]).stdout
    #expect(markdown.hasPrefix(ReviewRenderer.commentMarker))
    #expect(markdown.contains("| scope | added | removed | changed | renamed | unchanged | risks |"))
    #expect(markdown.contains("| `production` | 0 | 0 | 1 | 0 | 0 | ⚠️ 1 |"))
    #expect(markdown.contains("<details><summary><b>environment production</b>"))
    #expect(!markdown.contains("<b>environment staging</b>"))  // nothing changed there: counts only
    #expect(markdown.contains("(`presets/presetctl.yaml:7`)"))

    // With --env the one environment is reviewed, and the override still points at presetctl.yaml.
    let single = try fixture.presetctl(diff + ["--env", "production", "--format", "json"])
    let only = try JSONParser.parse(single.stdout)
    #expect(only["environments"] == nil)
    #expect(
      only["presets"]?.arrayValue?.first?["config_changes"]?.arrayValue?.first?["file"] == "presets/presetctl.yaml")
  }

  @Test func presetFileChangeShowsInEveryEnvironmentAndAnnotatesOnce() throws {
    let fixture = try GitFixture([
      "presets/presetctl.yaml": Self.config(production: "deny"), "presets/a.yaml": Self.preset,
    ])
    defer { fixture.cleanUp() }
    try fixture.commit("base")
    try fixture.write(["presets/a.yaml": Self.preset.replacingOccurrences(of: "gpt-5.4", with: "gpt-5.5")])
    let run = try fixture.presetctl(["diff", "--base", "HEAD", "--format", "json"])
    let json = try JSONParser.parse(run.stdout)
    #expect(json["counts"]?["changed"] == 1)
    let environments = try #require(json["environments"]?.arrayValue)
    #expect(environments.allSatisfy { $0["counts"]?["changed"] == 1 })
    #expect(environments[0]["presets"]?.arrayValue?.first?["slug"] == "a-staging")
    #expect(
      environments[0]["presets"]?.arrayValue?.first?["config_changes"]?.arrayValue?.first?["file"] == "presets/a.yaml")
    // The same change in the same file and line: one annotation naming every scope.
    let github = try fixture.presetctl(["diff", "--base", "HEAD", "--format", "github"]).stdout
    let warnings = github.split(separator: "\n").filter { $0.hasPrefix("::warning") }
    #expect(warnings.count == 1, "\(github)")
    #expect(warnings.first?.contains("title=[default%2C staging%2C production] risky change") == true)
  }

  @Test func environmentDeclaredOnOneSideOnlyCountsAsAddedOrRemoved() throws {
    let fixture = try GitFixture([
      "presets/presetctl.yaml": "environments:\n  staging: {slug: \"{slug}-staging\"}\n",
      "presets/a.yaml": Self.preset,
    ])
    defer { fixture.cleanUp() }
    try fixture.commit("base")
    try fixture.write(["presets/presetctl.yaml": "environments:\n  canary: {slug: \"{slug}-canary\"}\n"])
    let run = try fixture.presetctl(["diff", "--base", "HEAD", "--format", "json", "--detailed-exitcode"])
    #expect(run.status == 2, "\(run.stderr)")
    let environments = try #require(try JSONParser.parse(run.stdout)["environments"]?.arrayValue)
    #expect(environments.map { $0["name"] } == ["canary", "staging"])
    #expect(environments[0]["counts"]?["added"] == 1)
    #expect(environments[0]["notes"]?.arrayValue?.first?.stringValue?.contains("not declared at base") == true)
    #expect(environments[1]["counts"]?["removed"] == 1)
    #expect(environments[1]["notes"]?.arrayValue?.first?.stringValue?.contains("not declared at head") == true)
  }

  @Test func environmentThatDoesNotCompileFailsTheDiffAndNamesIt() throws {
    let fixture = try GitFixture([
      "presets/presetctl.yaml": Self.config(production: "deny"), "presets/a.yaml": Self.preset,
    ])
    defer { fixture.cleanUp() }
    try fixture.commit("base")
    try fixture.write(["presets/presetctl.yaml": Self.config(production: "sometimes")])
    let run = try fixture.presetctl(["diff", "--base", "HEAD"])
    #expect(run.status == 1)
    #expect(run.stderr.contains("for environment `production` do not compile"), "\(run.stderr)")
  }

  /// 5 environments × 1,000 changed presets: the comment stays under the limit with the counts table first.
  @Test func markdownForFiveEnvironmentsOfAThousandPresetsStaysReadable() {
    func preset(_ slug: String, _ temperature: Double, _ model: String) -> Preset {
      let config = JSONObject([
        .init(key: "model", value: .string(model)), .init(key: "temperature", value: .number(temperature)),
      ])
      return Preset(
        slug: slug, skin: .chat, description: nil, model: NormalisationRules.model(config: config, systemPrompt: "p"),
        source: .init(file: "presets/\(slug).yaml", line: 1), promptSource: nil, body: config)
    }
    func review(_ environment: String?) -> Review {
      let suffix = environment.map { "-\($0)" } ?? ""
      let base = (0..<1_000).map { preset("preset-number-\($0)\(suffix)", 0, "a/b") }
      let head = (0..<1_000).map { preset("preset-number-\($0)\(suffix)", 1, $0 % 2 == 0 ? "a/c" : "a/b") }
      var review = Review(base: base, head: head, baseLabel: "main", headLabel: "working tree")
      review.environment = environment
      return review
    }
    let names = ["dev", "qa", "staging", "canary", "production"]
    let renderer = ReviewRenderer(review: review(nil), environments: names.map(review))
    let clock = ContinuousClock()
    var markdown = ""
    let elapsed = clock.measure { markdown = renderer.markdown() }
    #expect(elapsed < .seconds(30))
    #expect(markdown.utf8.count <= ReviewRenderer.markdownBudget)
    // Counts first: the table comes before any per-environment detail.
    let table = markdown.range(of: "| scope | added | removed | changed | renamed | unchanged | risks |")
    let firstDetails = markdown.range(of: "<details>")
    if let table, let firstDetails {
      #expect(table.lowerBound < firstDetails.lowerBound)
    } else {
      Issue.record("counts table or details missing")
    }
    // Every preset's temperature jumps (1,000 risks), every other one changes model (500 more).
    for name in names { #expect(markdown.contains("| `\(name)` | 0 | 0 | 1000 | 0 | 0 | ⚠️ 1500 |"), "\(name)") }
    #expect(markdown.contains("| default presets | 0 | 0 | 1000 | 0 | 0 | ⚠️ 1500 |"))
    // Every environment gets its own collapsed section, each shortened with a note rather than dropped.
    for name in names { #expect(markdown.contains("<details><summary><b>environment \(name)</b>")) }
    #expect(markdown.components(separatedBy: "Some presets are not shown here").count - 1 == 6)
    #expect(
      markdown.components(separatedBy: "<details>").count == markdown.components(separatedBy: "</details>").count)
    #expect(markdown.contains("> - and \(9_000 - 20) more"))
  }
}
