import Foundation
import OpenRouterFake
import Testing

@testable import PresetCore
@testable import PresetKit
@testable import PresetReconcile

/// plan / apply / drift / import / rollback through the binary against the fake OpenRouter.
@Suite(.serialized) struct ReconcileEndToEndTests {
  @Test func createThenUnchangedThenUpdate() throws {
    let f = try ReconcileFixture([
      "presets/a.yaml": ReconcileFixture.preset("alpha"), "presets/b.yaml": ReconcileFixture.preset("beta"),
    ])
    defer { f.stop() }
    let plan = try f.run(["plan", "--detailed-exitcode"])
    #expect(plan.status == 2)
    #expect(plan.stdout.contains("plan: 2 to create, 0 to update, 0 unchanged, 0 unmanaged"))
    #expect(try f.run(["plan"]).status == 0)
    let apply = try f.run(["apply", "--yes"])
    #expect(apply.status == 0, "\(apply.stderr)")
    #expect(apply.stdout.contains("apply: 2 applied, 0 unchanged, 0 failed, 0 stale"))
    #expect(f.posts().count == 2)
    // A second apply right after sends zero POSTs.
    let again = try f.run(["apply", "--yes"])
    #expect(again.status == 0 && again.stdout.contains("0 applied, 2 unchanged"))
    #expect(f.posts().count == 2)
    #expect(try f.run(["plan", "--detailed-exitcode"]).status == 0)
    // An update shows the field-level diff and the prompt diff, and POSTs once.
    try f.repo.write("presets/a.yaml", ReconcileFixture.preset("alpha", temperature: 0.9, prompt: "Be brief."))
    let update = try f.run(["plan", "--detailed-exitcode"])
    #expect(update.status == 2)
    #expect(update.stdout.contains("temperature: 0.5 → 0.9"))
    #expect(update.stdout.contains("-Be helpful.") && update.stdout.contains("+Be brief."))
    let json = try JSONParser.parse(try f.run(["plan", "--format", "json"]).stdout)
    let entry = try #require(json["entries"]?.arrayValue?.first)
    #expect(entry["action"] == "update" && entry["live_version_number"] == 1)
    #expect(entry["config_changes"]?.arrayValue?.first?["path"] == "/temperature")
    #expect(try f.run(["apply", "--yes"]).status == 0)
    #expect(f.posts().count == 3)
    #expect(f.fake.versionCount(slug: "alpha") == 2)
  }

  @Test func uiMadePresetWithDefaultsCountsAsUnchanged() throws {
    let f = try ReconcileFixture(["presets/a.yaml": ReconcileFixture.preset("alpha")])
    defer { f.stop() }
    f.fake.seed(
      slug: "alpha", systemPrompt: "Be helpful.",
      config: ["model": "openai/gpt-5.4", "temperature": 0.5, "provider": ["sort": "price"]] as JSONValue, uiMade: true)
    let plan = try f.run(["plan", "--detailed-exitcode"])
    #expect(plan.status == 0, "\(plan.stdout)")
    #expect(try f.run(["drift"]).status == 0)
  }

  @Test func unmanagedAndPagingBeyondOneHundred() throws {
    let f = try ReconcileFixture(["presets/a.yaml": ReconcileFixture.preset("alpha")])
    defer { f.stop() }
    for i in 0..<150 { f.fake.seed(slug: "ui-\(i)", systemPrompt: nil, config: ["model": "x/y"] as JSONValue) }
    let plan = try f.run(["plan", "--detailed-exitcode", "--format", "json"])
    #expect(plan.status == 2)  // alpha is still to create; unmanaged alone would not count
    let json = try JSONParser.parse(plan.stdout)
    #expect(json["unmanaged"]?.arrayValue?.count == 150)
    #expect(f.fake.requests(method: "GET", path: "/presets").count == 2)
    #expect(try f.run(["apply", "--yes"]).status == 0)
    #expect(try f.run(["plan", "--detailed-exitcode"]).status == 0)
    #expect(try f.run(["drift"]).status == 0)
    #expect(try f.run(["drift", "--include-unmanaged"]).status == 2)
  }

  @Test func driftExitCodesAndReport() throws {
    let f = try ReconcileFixture(["presets/a.yaml": ReconcileFixture.preset("alpha")])
    defer { f.stop() }
    let missing = try f.run(["drift"])
    #expect(missing.status == 2 && missing.stdout.contains("1 missing"))
    #expect(try f.run(["apply", "--yes"]).status == 0)
    #expect(try f.run(["drift"]).status == 0)
    f.fake.seed(slug: "alpha", systemPrompt: "Changed in the UI.", config: ["model": "openai/gpt-5.4"] as JSONValue)
    let drift = try f.run(["drift", "--format", "markdown"])
    #expect(drift.status == 2)
    #expect(drift.stdout.contains("drifted") && drift.stdout.contains("live v2"))
  }

  @Test func stalePlanIsRefused() throws {
    let f = try ReconcileFixture([
      "presets/a.yaml": ReconcileFixture.preset("alpha"), "presets/b.yaml": ReconcileFixture.preset("beta"),
    ])
    defer { f.stop() }
    #expect(try f.run(["plan", "--out", "plan.json"]).status == 0)
    f.fake.seed(slug: "alpha", systemPrompt: "Someone else.", config: ["model": "m/n"] as JSONValue)
    let apply = try f.run(["apply", "plan.json"])
    #expect(apply.status == 1)
    #expect(apply.stdout.contains("stale alpha") && apply.stdout.contains("1 applied"))
    #expect(f.fake.versionCount(slug: "alpha") == 1)
  }

  @Test func readBackMismatchIsAFailureAndNotResent() throws {
    var options = FakeOpenRouter.Options()
    options.knownConfigKeys = ["model", "provider"]
    let f = try ReconcileFixture(["presets/a.yaml": ReconcileFixture.preset("alpha")], options: options)
    defer { f.stop() }
    let apply = try f.run(["apply", "--yes"])
    #expect(apply.status == 1)
    #expect(apply.stdout.contains("stored different content") && apply.stdout.contains("config.temperature"))
    #expect(f.posts().count == 1)
  }

  @Test(arguments: [
    FakeOpenRouter.Fault.status(429, retryAfter: 1), .status(500), .status(503), .status(409), .reset,
    .statusAfterApply(500), .resetAfterApply, .lateAnswer(2),
  ])
  func faultsConvergeWithoutDuplicateVersions(fault: FakeOpenRouter.Fault) throws {
    let f = try ReconcileFixture(["presets/a.yaml": ReconcileFixture.preset("alpha")])
    defer { f.stop() }
    f.fake.inject(fault, method: "POST")
    let apply = try f.run(["apply", "--yes"])
    #expect(apply.status == 0, "\(fault): \(apply.stdout) \(apply.stderr)")
    #expect(f.fake.versionCount(slug: "alpha") == 1, "\(fault)")
    #expect(try f.run(["plan", "--detailed-exitcode"]).status == 0)
  }

  @Test func missingAndInvalidKeys() throws {
    let f = try ReconcileFixture(["presets/a.yaml": ReconcileFixture.preset("alpha")])
    defer { f.stop() }
    let missing = try f.run(["plan"], key: nil)
    #expect(missing.status == 1 && missing.stderr.contains("OPENROUTER_API_KEY"))
    let wrong = try f.run(["plan"], key: "sk-wrong-key")
    #expect(wrong.status == 1 && wrong.stderr.contains("401"))
    #expect(!wrong.stderr.contains("sk-wrong-key"))
    try f.repo.write("key.txt", ReconcileFixture.key + "\n")
    #expect(try f.run(["plan", "--api-key-file", "key.txt"], key: nil).status == 0)
  }

  @Test func keyNeverAppearsEvenWhenEchoed() throws {
    let f = try ReconcileFixture(["presets/a.yaml": ReconcileFixture.preset("alpha")])
    defer { f.stop() }
    f.fake.inject(.echoKey, method: "GET", times: 10)
    let output = try f.run(["plan"])  // ReconcileFixture.run asserts the key is absent
    #expect(output.status == 1)
    f.fake.clearFaults()
    #expect(try f.run(["plan", "--out", "saved.json"]).status == 0)
    #expect(!(try f.repo.read("saved.json")).contains(ReconcileFixture.key))
  }

  @Test func importRoundTripsToTheLiveVersion() throws {
    let f = try ReconcileFixture([:])
    defer { f.stop() }
    f.fake.seed(
      slug: "ui-chat", systemPrompt: "Line one\n  indented\n\n\nkeep trailing\n\n",
      config: ["model": "a/b", "temperature": 1e-7, "provider": ["sort": nil, "order": [], "allow_fallbacks": true]]
        as JSONValue,
      uiMade: true)
    f.fake.seed(
      slug: "ui-plain", systemPrompt: "tab\tand \"quotes\" and \u{1F600} and ctl\u{7}",
      config: ["model": "on"] as JSONValue)
    f.fake.seed(slug: "ui-none", systemPrompt: nil, config: [:] as JSONValue)
    let imported = try f.run(["import", "--all", "--into", "presets"])
    #expect(imported.status == 0, "\(imported.stderr)")
    let result = f.repo.compile()
    #expect(!result.hasErrors, "\(result.diagnostics)")
    for preset in result.presets {
      #expect(preset.version == f.fake.preset(slug: preset.slug)?.model?.version, "\(preset.slug)")
    }
    #expect(result.presets.count == 3)
    #expect(try f.run(["plan", "--detailed-exitcode"]).status == 0)
    #expect(try f.run(["import", "ui-none", "--into", "presets"]).status == 1)  // exists, no --force
  }

  @Test func rollbackRepushesAnOldVersion() throws {
    let f = try ReconcileFixture([:])
    defer { f.stop() }
    f.fake.seed(
      slug: "r", versions: [("First.", ["model": "a/b"] as JSONValue), ("Second.", ["model": "a/c"] as JSONValue)])
    let dry = try f.run(["rollback", "r", "--to", "1", "--dry-run"])
    #expect(dry.status == 0 && dry.stdout.contains("-Second.") && dry.stdout.contains("+First."))
    #expect(try f.run(["rollback", "r", "--to", "1"]).status == 1)  // not a TTY, no --yes
    let done = try f.run(["rollback", "r", "--to", "1", "--yes"])
    #expect(done.status == 0, "\(done.stderr)")
    #expect(f.fake.versionCount(slug: "r") == 3)
    #expect(f.fake.preset(slug: "r")?.designatedVersion?.systemPrompt == "First.")
  }
}
