import Foundation
import OpenRouterFake
import Testing

@testable import PresetKit
@testable import PresetModel
@testable import PresetReconcile

/// `Planner` against the fake: one classification per desired preset, unmanaged presets listed, invalid live
/// slugs skipped with a warning, failures surfaced.
@Suite struct PlannerTests {
  static let files = [
    "presets/a.yaml": ReconcileFixture.preset("alpha"), "presets/b.yaml": ReconcileFixture.preset("beta"),
    "presets/c.yaml": ReconcileFixture.preset("gamma"),
  ]

  /// The compiled presets of `files`, by slug order.
  static func desired() throws -> [Preset] {
    let repo = try TempRepo(files)
    defer { repo.remove() }
    let result = repo.compile()
    #expect(!result.hasErrors, "\(result.diagnostics)")
    return result.presets
  }

  /// Seeds `fake` so that beta is live exactly as desired and gamma live with other content; alpha stays absent.
  static func seedBetaSameGammaOther(_ fake: FakeOpenRouter, _ desired: [Preset]) throws {
    let beta = try #require(desired.first { $0.slug == "beta" })
    _ = fake.seed(slug: "beta", systemPrompt: beta.model.systemPrompt, config: .object(beta.model.config))
    _ = fake.seed(slug: "gamma", systemPrompt: "Changed in the UI.", config: ["model": "openai/gpt-5.4"])
  }

  @Test("absent → create, same version → unchanged, other content → update; others are unmanaged")
  func classifiesEachPreset() async throws {
    let fake = try RemoteTest.startFake()
    defer { fake.stop() }
    let desired = try Self.desired()
    try Self.seedBetaSameGammaOther(fake, desired)
    _ = fake.seed(slug: "ui-only", systemPrompt: nil, config: ["model": "x/y"])
    let plan = try await Planner(client: try RemoteTest.client(for: fake), parallelism: 2).plan(for: desired)
    let actions = Dictionary(uniqueKeysWithValues: plan.entries.map { ($0.desired.slug, $0.action) })
    #expect(actions == ["alpha": .create, "beta": .unchanged, "gamma": .update])
    #expect(plan.entries.map(\.desired.slug) == desired.map(\.slug))
    #expect(plan.unmanaged.map(\.slug) == ["ui-only"])
    #expect(plan.warnings.isEmpty)
    let gamma = try #require(plan.entries.first { $0.desired.slug == "gamma" })
    #expect(gamma.live?.designatedVersion?.version == 1 && gamma.liveVersion != gamma.desired.version)
    #expect(plan.count(.create) == 1 && plan.hasChanges)
    // One GET per desired preset plus one list page; no writes.
    #expect(fake.requests(method: "GET").count == desired.count + 1)
    #expect(fake.requests(method: "POST").isEmpty)
  }

  @Test("without listUnmanaged no list is read")
  func noListing() async throws {
    let fake = try RemoteTest.startFake()
    defer { fake.stop() }
    _ = fake.seed(slug: "ui-only", systemPrompt: nil, config: ["model": "x/y"])
    let desired = try Self.desired()
    let plan = try await Planner(client: try RemoteTest.client(for: fake), parallelism: 0)
      .plan(for: desired, listUnmanaged: false)
    #expect(plan.unmanaged.isEmpty)
    #expect(fake.requests(method: "GET", path: "/presets").isEmpty)
  }

  @Test("a listed preset whose slug breaks the slug rule is skipped with a warning, not planned around")
  func invalidListedSlugIsAWarning() async throws {
    let fake = try RemoteTest.startFake()
    defer { fake.stop() }
    _ = fake.seed(slug: "Bad Slug", systemPrompt: nil, config: ["model": "x/y"])
    let plan = try await Planner(client: try RemoteTest.client(for: fake), parallelism: 2).plan(for: Self.desired())
    #expect(plan.unmanaged.isEmpty)
    #expect(plan.warnings.count == 1 && plan.warnings.first?.severity == .warning)
  }

  @Test("a read that keeps failing fails the plan with the server's error")
  func failureIsThrown() async throws {
    let fake = try RemoteTest.startFake()
    defer { fake.stop() }
    fake.inject(.status(403), method: "GET", path: "/presets/beta", times: 100)
    let planner = Planner(client: try RemoteTest.client(for: fake, retries: 0), parallelism: 2)
    let desired = try Self.desired()
    let error = await RemoteTest.remoteError { () async throws(RemoteError) in
      try await planner.plan(for: desired)
    }
    #expect(error?.slug == "beta")
    #expect(error?.message.contains("HTTP 403") == true, "\(String(describing: error))")
  }

  @Test("classify: absent is a create; live content other than the desired is an update")
  func classifyAbsentAndOther() throws {
    let fake = FakeOpenRouter()
    let desired = try #require(try Self.desired().first)
    let live = try #require(fake.seed(slug: desired.slug, systemPrompt: nil, config: [:]))
    let entry = Planner.classify(desired: desired, live: live)
    #expect(entry.action == .update)
    #expect(Planner.classify(desired: desired, live: nil).action == .create)
  }
}
