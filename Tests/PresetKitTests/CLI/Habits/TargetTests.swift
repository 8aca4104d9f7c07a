import Foundation
import OpenRouterFake
import Testing

@testable import PresetCore
@testable import PresetKit

/// `--target SLUG` on plan, apply, drift and diff, through the binary against the fake.
@Suite(.serialized) struct TargetTests {
  static func fixture() throws -> ReconcileFixture {
    try ReconcileFixture([
      "presets/a.yaml": ReconcileFixture.preset("alpha"), "presets/b.yaml": ReconcileFixture.preset("beta"),
      "presets/c.yaml": ReconcileFixture.preset("bravo"),
    ])
  }

  @Test func planAndDriftOnlySeeTheTargetAndSaySo() throws {
    let f = try Self.fixture()
    defer { f.stop() }
    f.fake.seed(slug: "b-unmanaged", systemPrompt: nil, config: ["model": "x/y"] as JSONValue)
    f.fake.seed(slug: "other", systemPrompt: nil, config: ["model": "x/y"] as JSONValue)
    let plan = try f.run(["plan", "--target", "b*", "--detailed-exitcode"])
    #expect(plan.status == 2, "\(plan.stderr)")
    #expect(plan.stdout.contains("plan: 2 to create, 0 to update, 0 unchanged, 1 unmanaged (targeted: b*)"))
    #expect(!plan.stdout.contains("alpha") && !plan.stdout.contains("? unmanaged other"))
    // Only the targeted presets are read.
    #expect(f.fake.requests(method: "GET", path: "/presets/alpha*").isEmpty)
    let json = try JSONParser.parse(
      try f.run(["plan", "--target", "alpha", "--target", "beta", "--format", "json"]).stdout)
    #expect(json["target"] == ["alpha", "beta"] as JSONValue)
    #expect(json["entries"]?.arrayValue?.compactMap { $0["slug"]?.stringValue } == ["alpha", "beta"])
    #expect(try JSONParser.parse(try f.run(["plan", "--format", "json"]).stdout)["target"] == .null)
    let markdown = try f.run(["plan", "--target", "alpha", "--format", "markdown"])
    #expect(markdown.stdout.contains("(targeted: alpha)"))
    let drift = try f.run(["drift", "--target", "alpha"])
    #expect(drift.status == 2 && drift.stdout.contains("1 missing, 0 in sync, 0 unmanaged (targeted: alpha)"))
  }

  @Test func applyPostsOnlyTheTarget() throws {
    let f = try Self.fixture()
    defer { f.stop() }
    let apply = try f.run(["apply", "--yes", "--target", "alpha"])
    #expect(apply.status == 0, "\(apply.stderr)")
    #expect(apply.stdout.contains("apply: 1 applied, 0 unchanged, 0 failed, 0 stale (targeted: alpha)"))
    #expect(f.posts().map(\.path) == ["/presets/alpha/chat/completions"] || f.posts().count == 1)
    #expect(f.fake.versionCount(slug: "beta") == 0)
    let json = try JSONParser.parse(try f.run(["apply", "--yes", "--target", "alpha", "--format", "json"]).stdout)
    #expect(json["target"] == ["alpha"] as JSONValue)
  }

  /// A pattern that matches nothing is a typo: an error naming each such pattern, before any request.
  @Test func aTargetMatchingNothingIsAnErrorNamingIt() throws {
    let f = try Self.fixture()
    defer { f.stop() }
    for command in ["plan", "drift"] {
      let run = try f.run([command, "--target", "alpha", "--target", "gamma*", "--target", "delta"])
      #expect(run.status == 1)
      #expect(run.stderr.contains("error[target.no-match]: --target 'gamma*', 'delta' match none of the 3 preset(s)"))
    }
    let apply = try f.run(["apply", "--yes", "--target", "zulu"])
    #expect(apply.status == 1 && apply.stderr.contains("'zulu' matches none"))
    #expect(f.fake.requests.isEmpty)
    // Hostile pattern text is neutralised in the message.
    let hostile = try f.run(["plan", "--target", "x\u{1B}[31m"])
    #expect(hostile.status == 1 && !hostile.stderr.contains("\u{1B}") && hostile.stderr.contains("\\u{1B}"))
  }

  @Test func aSavedPlanRefusesTarget() throws {
    let f = try Self.fixture()
    defer { f.stop() }
    #expect(try f.run(["plan", "--target", "alpha", "--out", "plan.json"]).status == 0)
    let refused = try f.run(["apply", "plan.json", "--target", "alpha"])
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("error[target.saved-plan]") && refused.stderr.contains("plan --target"))
    #expect(f.posts().isEmpty)
    // The targeted plan holds only its presets, and applies without asking.
    let apply = try f.run(["apply", "plan.json"])
    #expect(apply.status == 0 && apply.stdout.contains("apply: 1 applied"), "\(apply.stderr)")
  }

  @Test func diffComparesOnlyTheTarget() throws {
    let repo = try TempRepo([
      "old/a.yaml": ReconcileFixture.preset("alpha"), "old/b.yaml": ReconcileFixture.preset("beta"),
      "new/a.yaml": ReconcileFixture.preset("alpha", temperature: 0.9),
      "new/b.yaml": ReconcileFixture.preset("beta", temperature: 0.9),
    ])
    defer { repo.remove() }
    #expect(try Binary.run(["build", "old", "--output", "old.json"], in: repo.root).status == 0)
    #expect(try Binary.run(["build", "new", "--output", "new.json"], in: repo.root).status == 0)
    let diff = try Binary.run(["diff", "old.json", "new.json", "--target", "beta", "--format", "json"], in: repo.root)
    #expect(diff.status == 0, "\(diff.stderr)")
    let json = try JSONParser.parse(diff.stdout)
    #expect(json["summary"]?.stringValue == "0 added, 0 removed, 1 changed, 0 renamed, 0 unchanged (targeted: beta)")
    #expect(json["presets"]?.arrayValue?.count == 1)
    let none = try Binary.run(["diff", "old.json", "new.json", "--target", "gamma"], in: repo.root)
    #expect(none.status == 1 && none.stderr.contains("error[target.no-match]: --target 'gamma'"))
  }
}
