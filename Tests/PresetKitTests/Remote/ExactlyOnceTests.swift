import Foundation
import OpenRouterFake
import Testing

@testable import PresetCore
@testable import PresetKit
@testable import PresetReconcile

/// A POST whose outcome is unknown may still be committed after the client gave up. The client waits for the
/// in-flight POST's fate (reading back within a grace) before it ever sends it again.
@Suite("Exactly once: POSTs with unknown outcomes")
struct ExactlyOnceTests {
  @Test("a POST committed 3 s after a 1 s timeout is found by the read-back: one POST, one version")
  func slowCommitClient() async throws {
    let fake = try RemoteTest.startFake()
    defer { fake.stop() }
    fake.inject(.slowCommit(3), method: "POST")
    // The default grace (timeout + 10 s) is what the CLI uses.
    let client = try OpenRouterClient(
      OpenRouterClient.Configuration(
        apiKey: APIKey(fake.apiKey), baseURL: fake.baseURL, timeout: 1, retries: 4, backoffBase: 0.005,
        backoffMax: 0.05))
    let live = try await client.createVersion(
      slug: "slow", skin: .chat, body: RemoteTest.chatBody("p"), isAlreadyApplied: RemoteTest.holds("p"))
    #expect(live.designatedVersion?.version == 1)
    #expect(fake.requests(method: "POST").count == 1)
    #expect(!fake.requests(method: "GET").isEmpty)
    #expect(fake.versionCount(slug: "slow") == 1)
  }

  @Test("a POST that never lands is sent again only after the grace")
  func retriedAfterGrace() async throws {
    let fake = try RemoteTest.startFake()
    defer { fake.stop() }
    fake.inject(.stall(3), method: "POST")
    let client = try RemoteTest.client(for: fake, timeout: 1, grace: 1)
    let live = try await client.createVersion(
      slug: "lost", skin: .chat, body: RemoteTest.chatBody("p"), isAlreadyApplied: RemoteTest.holds("p"))
    #expect(live.designatedVersion?.version == 1)
    let methods = fake.requests.map(\.method)
    #expect(methods.first == "POST" && methods.last == "POST")
    #expect(methods.filter { $0 == "POST" }.count == 2)
    #expect(methods.contains("GET"), "\(methods)")
    #expect(fake.versionCount(slug: "lost") == 1)
  }

  @Test("with no retry left after the grace the outcome is reported as unknown, naming the live version")
  func unknownAfterGrace() async throws {
    let fake = try RemoteTest.startFake()
    defer { fake.stop() }
    fake.seed(slug: "u", systemPrompt: "old", config: ["model": "openai/gpt-4o"])
    fake.inject(.stall(3), method: "POST")
    let client = try RemoteTest.client(for: fake, retries: 0, timeout: 1, grace: 0.5)
    let error = try #require(
      await RemoteTest.remoteError { () async throws(RemoteError) in
        try await client.createVersion(
          slug: "u", skin: .chat, body: RemoteTest.chatBody("new"), isAlreadyApplied: RemoteTest.holds("new"))
      })
    #expect(error.kind == .unknownOutcome)
    #expect(error.message.contains("may or may not have been stored (no answer within 1 s)"), "\(error.message)")
    #expect(error.message.contains("did not show the intended version within"), "\(error.message)")
    #expect(error.message.contains("live is v1"))
    #expect(fake.requests(method: "POST").count == 1)
  }

  @Test("apply --timeout 1 against a 3 s POST: exactly one new version, the report names the real live version")
  func slowCommitApply() async throws {
    let f = try ReconcileFixture(["presets/alpha.yaml": ReconcileFixture.preset("alpha", temperature: 0.9)])
    defer { f.stop() }
    f.fake.seed(slug: "alpha", systemPrompt: "Be helpful.", config: ["model": "openai/gpt-5.4"])
    f.fake.inject(.slowCommit(3), method: "POST")
    let output = try f.run(["apply", "--yes", "presets", "--format", "json"])
    #expect(output.status == 0, "\(output.stderr)")
    #expect(f.posts().count == 1)
    #expect(f.fake.versionCount(slug: "alpha") == 2)
    let live = try #require(f.fake.preset(slug: "alpha")?.designatedVersion?.version)
    let report = try JSONParser.parse(Array(output.stdout.utf8))
    let result = try #require(report["results"]?.arrayValue?.first)
    #expect(result["status"] == "applied")
    #expect(result["live_version_number"] == .number(Double(live)))
    #expect(live == 2)
  }
}
