import Foundation
import OpenRouterFake
import Testing

@testable import PresetCore
@testable import PresetKit
@testable import PresetReconcile

/// `Applier` against the fake: one POST per change and none otherwise, each stored version confirmed, a stored
/// mismatch reported and not re-sent, a saved plan's stale presets refused, one failure not stopping others.
@Suite struct ApplierTests {
  /// A plan for `PlannerTests.files` against `fake` as it is now.
  static func plan(_ fake: FakeOpenRouter) async throws -> PresetPlan {
    try await Planner(client: try RemoteTest.client(for: fake), parallelism: 2).plan(for: PlannerTests.desired())
  }

  static func outcomes(_ outcomes: [Applier.Outcome]) -> [String: Applier.Outcome.Status] {
    Dictionary(uniqueKeysWithValues: outcomes.map { ($0.slug, $0.status) })
  }

  @Test("creates and updates are POSTed once each and confirmed; unchanged presets send nothing")
  func appliesChanges() async throws {
    let fake = try RemoteTest.startFake()
    defer { fake.stop() }
    let desired = try PlannerTests.desired()
    try PlannerTests.seedBetaSameGammaOther(fake, desired)
    let plan = try await Self.plan(fake)
    let progress = StringLog()
    let outcomes = await Applier(client: try RemoteTest.client(for: fake), parallelism: 2)
      .apply(plan) { progress.add($0.slug) }
    #expect(Self.outcomes(outcomes) == ["alpha": .applied, "beta": .unchanged, "gamma": .applied])
    #expect(outcomes.first { $0.slug == "alpha" }?.versionNumber == 1)
    #expect(outcomes.first { $0.slug == "gamma" }?.versionNumber == 2)
    #expect(outcomes.allSatisfy { $0.mismatch.isEmpty && $0.message == nil })
    #expect(Set(progress.values) == ["alpha", "beta", "gamma"])
    #expect(fake.requests(method: "POST").count == 2)
    #expect(fake.preset(slug: "gamma")?.model?.version == desired.first { $0.slug == "gamma" }?.version)
    // Applying the same plan's state again changes nothing.
    let again = await Applier(client: try RemoteTest.client(for: fake), parallelism: 2).apply(try await Self.plan(fake))
    #expect(again.allSatisfy { $0.status == .unchanged })
    #expect(fake.requests(method: "POST").count == 2)
  }

  @Test("content the server stores differently is a failure with the differing fields, and is not re-sent")
  func mismatchIsReportedNotResent() async throws {
    var options = FakeOpenRouter.Options()
    options.knownConfigKeys = ["model", "temperature"]  // the fake drops `provider`
    let fake = try RemoteTest.startFake(options)
    defer { fake.stop() }
    let outcomes = await Applier(client: try RemoteTest.client(for: fake), parallelism: 1)
      .apply(try await Self.plan(fake))
    #expect(outcomes.allSatisfy { $0.status == .failed })
    let alpha = try #require(outcomes.first { $0.slug == "alpha" })
    #expect(alpha.mismatch.map(\.path.dotted).contains { $0.hasSuffix("provider") }, "\(alpha.mismatch)")
    #expect(alpha.message?.contains("not re-sent") == true)
    #expect(fake.requests(method: "POST").count == 3)
  }

  @Test("one failing preset does not stop the others")
  func failureIsPerPreset() async throws {
    let fake = try RemoteTest.startFake()
    defer { fake.stop() }
    fake.inject(.status(400), method: "POST", path: "/presets/beta/chat/completions", times: 100)
    let outcomes = await Applier(client: try RemoteTest.client(for: fake, retries: 0), parallelism: 2)
      .apply(try await Self.plan(fake))
    #expect(Self.outcomes(outcomes) == ["alpha": .applied, "beta": .failed, "gamma": .applied])
    #expect(outcomes.first { $0.slug == "beta" }?.message?.contains("HTTP 400") == true)
  }

  @Test("with a saved plan: moved since planning is stale, already live is unchanged, as planned is applied")
  func savedPlanExpectations() async throws {
    let fake = try RemoteTest.startFake()
    defer { fake.stop() }
    let plan = try await Self.plan(fake)
    let expectations = Dictionary(
      uniqueKeysWithValues: plan.entries.map {
        ($0.desired.slug, PlanFile.Expectation(action: $0.action, liveVersion: $0.liveVersion))
      })
    // After planning, someone creates beta with other content and alpha exactly as desired.
    let alpha = try #require(plan.entries.first { $0.desired.slug == "alpha" }?.desired)
    _ = fake.seed(slug: "alpha", systemPrompt: alpha.model.systemPrompt, config: .object(alpha.model.config))
    _ = fake.seed(slug: "beta", systemPrompt: "Someone else's.", config: ["model": "x/y"])
    let outcomes = await Applier(client: try RemoteTest.client(for: fake), parallelism: 1)
      .apply(plan, expectations: expectations)
    #expect(Self.outcomes(outcomes) == ["alpha": .unchanged, "beta": .stale, "gamma": .applied])
    #expect(outcomes.first { $0.slug == "alpha" }?.message == "already live")
    #expect(outcomes.first { $0.slug == "beta" }?.message?.contains("run plan again") == true)
    #expect(fake.requests(method: "POST").count == 1)
  }
}
