import Foundation
import OpenRouterFake
import Testing

@testable import PresetCore
@testable import PresetKit
@testable import PresetModel
@testable import PresetReconcile

/// A saved plan is refused, with a named reason, unless it is internally consistent (entries agree with the
/// embedded bundle, one entry per preset, valid actions), made against the API being applied to, and of the
/// current format; `apply PLAN` re-reads unchanged presets too and refuses the ones that moved (stale).
@Suite(.serialized) struct PlanFileConsistencyTests {
  static let api = URL(string: "https://openrouter.ai/api/v1")!

  /// A plan with one preset per action: alpha create, beta update, gamma unchanged.
  static func plan() throws -> PlanFile {
    let repo = try TempRepo([
      "presets/a.yaml": ReconcileFixture.preset("alpha"), "presets/b.yaml": ReconcileFixture.preset("beta"),
      "presets/c.yaml": ReconcileFixture.preset("gamma"),
    ])
    defer { repo.remove() }
    let presets = repo.compile().presets
    try #require(presets.map(\.slug) == ["alpha", "beta", "gamma"])
    let other = PresetVersion(canonicalJSON: Array("{}".utf8))
    let entries = [
      PresetPlan.Entry(desired: presets[0], action: .create, live: nil, liveVersion: nil),
      PresetPlan.Entry(desired: presets[1], action: .update, live: nil, liveVersion: other),
      PresetPlan.Entry(desired: presets[2], action: .unchanged, live: nil, liveVersion: presets[2].version),
    ]
    return PlanFile(plan: PresetPlan(entries: entries, unmanaged: []), apiURL: api)
  }

  /// The plan's JSON with `edit` applied to its top-level object.
  static func edited(_ edit: (inout JSONObject) -> Void) throws -> JSONValue {
    var object = try #require(try plan().json.objectValue)
    edit(&object)
    return .object(object)
  }

  /// The plan's JSON with `edit` applied to its entries.
  static func editedEntries(_ edit: (inout [JSONObject]) -> Void) throws -> JSONValue {
    try edited { object in
      var entries = object["entries"]?.arrayValue?.compactMap(\.objectValue) ?? []
      edit(&entries)
      object["entries"] = .array(entries.map(JSONValue.object))
    }
  }

  static func reason(_ json: JSONValue) -> (PlanFile.ReadError.Reason, String)? {
    do {
      _ = try PlanFile(json: json)
      return nil
    } catch {
      return (error.reason, error.message)
    }
  }

  @Test func aPlanReadsBackAsWritten() throws {
    let plan = try Self.plan()
    let read = try PlanFile(json: JSONParser.parse(JSONWriter.bytes(plan.json, options: .pretty)))
    #expect(read.expectations == plan.expectations)
    #expect(read.bundle.digest == plan.bundle.digest)
    #expect(read.apiURL == "https://openrouter.ai/api/v1")
  }

  @Test func garbageDesiredVersionIsRefused() throws {
    let json = try Self.editedEntries { $0[2]["desired_version"] = "sha256:garbage" }
    let (reason, message) = try #require(Self.reason(json))
    #expect(reason == .desiredVersion)
    #expect(message.contains("`gamma`") && message.contains("\"sha256:garbage\""), "\(message)")
    let missing = try Self.editedEntries { $0[0]["desired_version"] = nil }
    #expect(Self.reason(missing)?.0 == .desiredVersion)
  }

  @Test func aDeletedEntryIsRefusedNotTreatedAsUnchanged() throws {
    let json = try Self.editedEntries { $0.remove(at: 1) }
    let (reason, message) = try #require(Self.reason(json))
    #expect(reason == .missingEntry)
    #expect(message.contains("`beta`"))
  }

  @Test func duplicateAndUnknownEntriesAreRefused() throws {
    #expect(Self.reason(try Self.editedEntries { $0.append($0[0]) })?.0 == .duplicateEntry)
    #expect(Self.reason(try Self.editedEntries { $0[0]["slug"] = "delta" })?.0 == .unknownPreset)
    #expect(Self.reason(try Self.editedEntries { $0[0]["slug"] = 7 })?.0 == .entry)
    #expect(Self.reason(try Self.edited { $0["entries"] = "none" })?.0 == .entry)
    #expect(Self.reason(try Self.editedEntries { $0[0] = JSONObject() })?.0 == .entry)
  }

  @Test(
    arguments: [
      // index, action, live version: every combination that does not fit.
      (0, "delete", nil), (0, "update", nil), (0, "unchanged", nil), (1, "create", "current"),
      (1, "unchanged", "other"),
      (1, "update", "desired"), (2, "create", "desired"), (2, "update", "desired"), (2, "unchanged", "other"),
    ] as [(Int, String, String?)])
  func actionsMustFitTheirVersions(index: Int, action: String, live: String?) throws {
    let plan = try Self.plan()
    let desired = plan.bundle.presets[index].version.rawValue
    let other = PresetVersion(canonicalJSON: Array("{}".utf8)).rawValue
    let json = try Self.editedEntries { entries in
      entries[index]["action"] = .string(action)
      switch live {
      case "desired": entries[index]["live_version"] = .string(desired)
      case "other": entries[index]["live_version"] = .string(other)
      case nil: entries[index]["live_version"] = .null
      default: break
      }
    }
    #expect(Self.reason(json)?.0 == .action, "\(index) \(action) \(live ?? "null")")
  }

  @Test func liveVersionMustBeAVersionOrNull() throws {
    #expect(Self.reason(try Self.editedEntries { $0[1]["live_version"] = "not-a-version" })?.0 == .entry)
    #expect(Self.reason(try Self.editedEntries { $0[1]["live_version"] = 3 })?.0 == .entry)
  }

  @Test func formatsAreNamed() throws {
    let bundle = try Self.plan().bundle.json
    let (reason, message) = try #require(Self.reason(bundle))
    #expect(reason == .format)
    #expect(
      message.hasPrefix(
        "expected presetctl.plan/v2, found presetctl.bundle/v2: this is a bundle; run `presetctl plan --out"),
      "\(message)")
    let old = try #require(Self.reason(try Self.edited { $0["format"] = "presetctl.plan/v1" }))
    #expect(old.0 == .outdated && old.1.contains("run `presetctl plan --out PLAN.json` again"))
    #expect(
      Self.reason(try Self.edited { $0["format"] = "presetctl.plan/v9" })?.1.contains("found presetctl.plan/v9") == true
    )
    #expect(Self.reason(try Self.edited { $0["format"] = nil })?.0 == .format)
    #expect(Self.reason(.array([]))?.0 == .format)
  }

  @Test func theAPIAndTheBundleAreRequired() throws {
    #expect(Self.reason(try Self.edited { $0["api_url"] = nil })?.0 == .api)
    #expect(Self.reason(try Self.edited { $0["api_url"] = "" })?.0 == .api)
    #expect(Self.reason(try Self.edited { $0["bundle"] = nil })?.0 == .bundle)
    // A hand-edited bundle inside the plan fails its digest.
    let json = try Self.edited { object in
      var bundle = object["bundle"]?.objectValue ?? JSONObject()
      bundle["digest"] = "sha256:0"
      object["bundle"] = .object(bundle)
    }
    #expect(Self.reason(json)?.1.contains("digest") == true)
  }

  @Test func apiURLsAreNormalisedAndCarryNoCredentials() {
    let url = URL(string: "HTTPS://user:secret@OpenRouter.AI:443/api/v1//?key=sk-1#frag")!
    #expect(PlanFile.normalisedAPI(url) == "https://openrouter.ai/api/v1")
    #expect(PlanFile.normalisedAPI(URL(string: "http://127.0.0.1:8080/api/v1/")!) == "http://127.0.0.1:8080/api/v1")
    #expect(PlanFile.normalisedAPI(URL(string: "http://localhost:80")!) == "http://localhost")
  }

  // MARK: - apply PLAN against the fake

  static let files = [
    "presets/a.yaml": ReconcileFixture.preset("alpha"), "presets/b.yaml": ReconcileFixture.preset("beta"),
  ]

  /// Rewrites a saved plan file through `edit`.
  static func rewrite(_ f: ReconcileFixture, _ name: String, _ edit: (inout JSONObject) -> Void) throws {
    var object = try #require(try JSONParser.parse(f.repo.read(name)).objectValue)
    edit(&object)
    try f.repo.write(name, bytes: JSONWriter.bytes(.object(object), options: .pretty))
  }

  @Test func handEditedPlansAreRefusedBeforeAnyRequest() throws {
    let f = try ReconcileFixture(Self.files)
    defer { f.stop() }
    #expect(try f.run(["apply", "--yes"]).status == 0)
    try f.repo.write("presets/a.yaml", ReconcileFixture.preset("alpha", temperature: 0.9))
    #expect(try f.run(["plan", "--out", "plan.json"]).status == 0)
    let saved = try f.repo.read("plan.json")
    #expect(saved.contains("\"api_url\"") && saved.contains(PlanFile.format))
    let posts = f.posts().count
    // The update's entry deleted: formerly applied as "unchanged".
    try Self.rewrite(f, "plan.json") { object in
      object["entries"] = .array(object["entries"]?.arrayValue?.filter { $0["slug"] != "alpha" } ?? [])
    }
    let deleted = try f.run(["apply", "plan.json"])
    #expect(deleted.status == 1)
    #expect(deleted.stderr.contains("`alpha`") && deleted.stderr.contains("plan.missing-entry"), "\(deleted.stderr)")
    // A garbage desired version.
    #expect(try f.run(["plan", "--out", "plan.json"]).status == 0)
    try Self.rewrite(f, "plan.json") { object in
      object["entries"] = .array(
        object["entries"]?.arrayValue?.map { entry in
          var e = entry.objectValue ?? JSONObject()
          e["desired_version"] = "garbage"
          return .object(e)
        } ?? [])
    }
    let garbage = try f.run(["apply", "plan.json"])
    #expect(garbage.status == 1 && garbage.stderr.contains("plan.desired-version"), "\(garbage.stderr)")
    // A plan whose format was edited to a bundle's is named as a plan, not read as a bundle.
    #expect(try f.run(["plan", "--out", "plan.json"]).status == 0)
    try Self.rewrite(f, "plan.json") { $0["format"] = .string(PresetBundle.format) }
    let format = try f.run(["apply", "plan.json"])
    #expect(format.status == 1)
    #expect(format.stderr.contains("expected presetctl.plan/v2, found presetctl.bundle/v2"), "\(format.stderr)")
    #expect(f.posts().count == posts)
    #expect(f.fake.versionCount(slug: "alpha") == 1)
  }

  @Test func unchangedPresetsThatMovedSinceThePlanAreStale() throws {
    let f = try ReconcileFixture(Self.files)
    defer { f.stop() }
    #expect(try f.run(["apply", "--yes"]).status == 0)
    #expect(try f.run(["plan", "--out", "plan.json"]).status == 0)
    let gets = f.fake.requests(method: "GET").count
    f.fake.seed(slug: "beta", systemPrompt: "Changed in the UI.", config: ["model": "m/n"] as JSONValue)
    let apply = try f.run(["apply", "plan.json"])
    #expect(apply.status == 1)
    #expect(apply.stdout.contains("stale beta") && apply.stdout.contains("1 unchanged"), "\(apply.stdout)")
    #expect(apply.stdout.contains("1 stale"))
    // Both presets were re-read (the price of a saved plan) and nothing was sent.
    #expect(f.fake.requests(method: "GET").count - gets == 2)
    #expect(f.posts().count == 2)
  }

  @Test func aPlanIsRefusedAgainstAnotherAPI() throws {
    let f = try ReconcileFixture(Self.files)
    defer { f.stop() }
    #expect(try f.run(["plan", "--out", "plan.json"]).status == 0)
    let recorded = PlanFile.normalisedAPI(f.fake.baseURL)
    let other = try FakeOpenRouterPair.start()
    defer { other.stop() }
    let apply = try f.run(["apply", "plan.json", "--api-url", other.baseURL.absoluteString])
    #expect(apply.status == 1)
    #expect(apply.stderr.contains(recorded) && apply.stderr.contains(PlanFile.normalisedAPI(other.baseURL)))
    #expect(apply.stderr.contains("plan.api-mismatch"))
    #expect(other.requests(method: nil).isEmpty && f.posts().isEmpty)
    // Against the API it was made for, it applies.
    #expect(try f.run(["apply", "plan.json"]).status == 0)
    #expect(f.posts().count == 2)
  }

  @Test func validateBuildAndExplainRefuseBundlesAndPlans() throws {
    let f = try ReconcileFixture(Self.files)
    defer { f.stop() }
    #expect(try Binary.run(["build"], in: f.repo.root).status == 0)
    #expect(try f.run(["plan", "--out", "plan.json"]).status == 0)
    // Named by content too, whatever the file is called.
    try f.repo.write("bundle.yaml", try f.repo.read("build/presets.bundle.json"))
    for (arguments, what) in [
      (["validate", "build/presets.bundle.json"], "bundle"),
      (["build", "bundle.yaml", "--output", "x.json"], "bundle"),
      (["explain", "alpha", "plan.json"], "saved presetctl plan"),
    ] {
      let output = try Binary.run(arguments, in: f.repo.root)
      #expect(output.status == 1, "\(arguments)")
      #expect(output.stderr.contains("this is a") && output.stderr.contains(what), "\(arguments): \(output.stderr)")
      #expect(output.stderr.contains("input.compiled-file") || output.stderr.contains("not a preset folder/file"))
    }
    let json = try Binary.run(["validate", "plan.json", "--format", "json"], in: f.repo.root)
    #expect(json.status == 1 && json.stdout.contains("input.compiled-file"), "\(json.stdout)")
    #expect(!FileManager.default.fileExists(atPath: f.repo.path("x.json")))
  }

  @Test func anOldPlanWithoutTheAPIIsRefused() throws {
    let f = try ReconcileFixture(Self.files)
    defer { f.stop() }
    #expect(try f.run(["plan", "--out", "plan.json"]).status == 0)
    try Self.rewrite(f, "plan.json") { object in
      object["format"] = "presetctl.plan/v1"
      object["api_url"] = nil
    }
    let apply = try f.run(["apply", "plan.json"])
    #expect(apply.status == 1 && apply.stderr.contains("plan.outdated") && apply.stderr.contains("again"))
    #expect(f.posts().isEmpty)
  }
}

/// A second fake, to stand for "another API".
enum FakeOpenRouterPair {
  static func start() throws -> FakeOpenRouter {
    var options = FakeOpenRouter.Options()
    options.apiKey = ReconcileFixture.key
    let fake = FakeOpenRouter(options: options)
    try fake.start()
    return fake
  }
}
