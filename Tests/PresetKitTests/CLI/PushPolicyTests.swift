import Foundation
import OpenRouterFake
import Testing

@testable import PresetCore
@testable import PresetKit

/// Pushes that do not come from the repository (rollback), imports, and promote: policy and lint still apply,
/// and promote reads the environments' declared overrides.
@Suite struct PushPolicyTests {
  static let policy = """
    policy:
      rules:
        - name: private
          require_provider: {data_collection: deny}
    lint:
      placeholders: warning

    """

  /// `r`: version 1 allows data collection and has a placeholder, version 2 (live) denies it.
  static func rollbackFixture() throws -> ReconcileFixture {
    let f = try ReconcileFixture([
      "presets/presetctl.yaml": policy,
      "presets/team/r.yaml": "slug: r\nskin: chat\nrequest: {model: a/b, provider: {data_collection: deny}}\n",
    ])
    f.fake.seed(
      slug: "r",
      versions: [
        ("Hello {{name}}.", ["model": "a/b"] as JSONValue),
        ("Hello.", ["model": "a/b", "provider": ["data_collection": "deny"]] as JSONValue),
      ])
    return f
  }

  @Test func rollbackRefusesOldContentThatBreaksPolicy() throws {
    let f = try Self.rollbackFixture()
    defer { f.stop() }
    let refused = try f.run(["rollback", "r", "--to", "1", "--yes"])
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("error[policy.provider]"), "\(refused.stderr)")
    #expect(refused.stderr.contains("warning[lint.placeholder]"))
    // Checked at the path the repository keeps the preset, next to the repository's presetctl.yaml.
    #expect(
      refused.stderr.contains("presets/team/r.yaml") && refused.stderr.contains("presets/presetctl.yaml"),
      "\(refused.stderr)")
    #expect(refused.stderr.contains("--allow-policy-violations"))
    // The risk rules of diff, on the way from live to the old content.
    #expect(refused.stdout.contains("⚠ data collection switched to allow"))
    #expect(f.posts().isEmpty)
    #expect(f.fake.versionCount(slug: "r") == 2)
    // A dry run predicts the refusal.
    #expect(try f.run(["rollback", "r", "--to", "1", "--dry-run"]).status == 1)

    let allowed = try f.run(["rollback", "r", "--to", "1", "--yes", "--allow-policy-violations"])
    #expect(allowed.status == 0, "\(allowed.stderr)")
    #expect(allowed.stderr.contains("pushing it anyway"))
    #expect(f.fake.versionCount(slug: "r") == 3)
  }

  @Test func rollbackOfCompliantContentPushesAndReadsPolicyFromPath() throws {
    let f = try Self.rollbackFixture()
    defer { f.stop() }
    // Version 2 is compliant: roll back to it after version 1 was made live by hand.
    f.fake.seed(slug: "r", versions: [("Hello.", ["model": "a/b"] as JSONValue)])
    let tree = try f.run(["rollback", "r", "--to", "2", "--yes", "presets"])
    #expect(tree.status == 0, "\(tree.stderr)")
    #expect(!tree.stderr.contains("error["))
    #expect(f.fake.versionCount(slug: "r") == 4)
    // A PATH without presetctl.yaml (and none at the root) has no policy: version 1 passes too.
    try f.repo.write("elsewhere/x.yaml", "slug: x\nrequest: {}\n")
    let nopolicy = try f.run(["rollback", "r", "--to", "1", "--dry-run", "elsewhere"])
    #expect(nopolicy.status == 0, "\(nopolicy.stderr)")
    #expect(!nopolicy.stderr.contains("policy.provider"))
  }

  @Test func importWarnsAboutPolicyButWritesEveryFile() throws {
    let f = try ReconcileFixture(["presets/presetctl.yaml": Self.policy])
    defer { f.stop() }
    f.fake.seed(slug: "open", systemPrompt: "Hi {{user}}", config: ["model": "a/b"] as JSONValue)
    f.fake.seed(
      slug: "closed", systemPrompt: "Hi",
      config: ["model": "a/b", "provider": ["data_collection": "deny"]] as JSONValue)
    let run = try f.run(["import", "--all", "--into", "presets/imported"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.contains("warning: the imported presets have 2 policy or lint finding(s), 1 of them errors"))
    #expect(run.stderr.contains("presets/imported/open.yaml") && run.stderr.contains("error[policy.provider]"))
    #expect(!run.stderr.contains("presets/imported/closed.yaml:"))
    #expect(FileManager.default.fileExists(atPath: f.repo.path("presets/imported/open.yaml")))
    #expect(FileManager.default.fileExists(atPath: f.repo.path("presets/imported/closed.yaml")))
    // validate reports the same finding as an error.
    #expect(try f.run(["validate"]).status == 1)
  }

  static let environments = """
    environments:
      staging:
        slug: "{slug}-staging"
        request:
          provider: {sort: price}
      production:
        default: true
        request:
          provider: {sort: latency, data_collection: deny}

    """

  @Test func promoteSubtractsDeclaredOverridesAndShowsRealDifferences() throws {
    let f = try ReconcileFixture([
      "presetctl.yaml": Self.environments, "presets/a.yaml": ReconcileFixture.preset("a"),
      "presets/b.yaml": ReconcileFixture.preset("b"),
    ])
    defer { f.stop() }
    #expect(try f.run(["promote", "--from", "staging", "--to", "staging"]).status == 1)
    #expect(try f.run(["apply", "--yes", "--env", "staging"]).status == 0)
    #expect(try f.run(["apply", "--yes", "--env", "production"]).status == 0)
    let posts = f.posts().count
    // Identical repository content: the live presets differ only by the declared overrides.
    let same = try f.run(["promote", "--from", "staging", "--to", "production"])
    #expect(same.status == 0, "\(same.stdout)")
    #expect(same.stdout.contains("production runs exactly what staging runs (apart from the overrides"))
    // A real change on staging only: shown without the declared differences.
    try f.repo.write("presets/a.yaml", ReconcileFixture.preset("a", temperature: 0.9))
    #expect(try f.run(["apply", "--yes", "--env", "staging"]).status == 0)
    let differs = try f.run(["promote", "--from", "staging", "--to", "production", "--format", "json"])
    #expect(differs.status == 2)
    let rows = try #require(try JSONParser.parse(differs.stdout)["presets"]?.arrayValue)
    let a = try #require(rows.first { $0["preset"] == "a" })
    #expect(a["state"] == "differs")
    #expect(a["differences"]?.arrayValue?.map { $0["path"] } == ["/temperature"])
    #expect(a["declared"]?.arrayValue?.count == 2)
    #expect(rows.first { $0["preset"] == "b" }?["state"] == "same")
    let text = try f.run(["promote", "--from", "staging", "--to", "production"])
    #expect(text.stdout.contains("temperature: 0.5 → 0.9"))
    #expect(!text.stdout.contains("provider.sort"))
    // A declared override missing live (production pushed by hand without it) is a difference too.
    f.fake.seed(
      slug: "b",
      versions: [("Be helpful.", ["model": "openai/gpt-5.4", "temperature": 0.5, "provider": ["sort": "price"]])])
    let missing = try f.run(["promote", "--from", "staging", "--to", "production"])
    #expect(missing.status == 2)
    #expect(missing.stdout.contains("declared but not live"))
    // Promote only reads.
    #expect(f.posts().count == posts + 1)
  }
}
