import Foundation
import OpenRouterFake
import Testing

@testable import PresetKit
@testable import PresetModel

/// The hostile-server rules through the built binary: each ends the command with one clear message, in time.
@Suite("Commands against a hostile server")
struct HostileServerCommandTests {
  static let files = ["presets/alpha.yaml": ReconcileFixture.preset("alpha")]

  static func plan(
    _ f: ReconcileFixture, _ extra: [String] = [], apiURL: String? = nil, timeout: Int = 5
  ) async throws -> MeasuredProcess.Result {
    let environment = [
      "OPENROUTER_API_URL": apiURL ?? f.fake.baseURL.absoluteString, "OPENROUTER_API_KEY": ReconcileFixture.key,
    ]
    let result = try await MeasuredProcess.run(
      ["plan", "presets", "--retries", "2", "--timeout", String(timeout)] + extra, in: f.repo.root,
      environment: environment,
      timeout: 30)
    #expect(!result.output.contains(ReconcileFixture.key), "the key leaked")
    #expect(!result.timedOut, "plan did not end")
    return result
  }

  @Test("plan against a list that ignores offset ends with one pagination error")
  func endlessList() async throws {
    let f = try ReconcileFixture(Self.files)
    defer { f.stop() }
    f.fake.inject(.offsetIgnored(freshIds: false), method: "GET", path: "/presets", times: 100_000)
    let result = try await Self.plan(f)
    #expect(result.exitStatus == 1, "\(result.output)")
    #expect(result.stderr.contains("seems to ignore offset"), "\(result.stderr)")
    #expect(f.fake.requests(path: "/presets").count == 2)
  }

  @Test("--deadline ends the whole command, even a request that is still waiting")
  func deadlineFlag() async throws {
    let f = try ReconcileFixture(Self.files)
    defer { f.stop() }
    f.fake.inject(.stall(25), method: "GET", times: 10)
    let result = try await Self.plan(f, ["--deadline", "1"], timeout: 20)
    #expect(result.exitStatus == 1)
    #expect(result.stderr.contains("the deadline of 1 s for the whole command"), "\(result.stderr)")
    #expect(result.seconds < 15, "took \(result.seconds) s")
  }

  @Test("a bad --deadline value is refused", arguments: ["0", "abc", "-5", "100000"])
  func badDeadline(value: String) async throws {
    let f = try ReconcileFixture(Self.files)
    defer { f.stop() }
    let result = try await Self.plan(f, ["--deadline", value])
    #expect(result.exitStatus == 1)
    #expect(result.stderr.contains("--deadline must be a number of seconds"), "\(result.stderr)")
    #expect(f.fake.requests.isEmpty)
  }

  @Test(
    "an unusable API URL fails at once, without any request",
    arguments: [
      "ftp://127.0.0.1/api/v1", "http://example.com/api/v1", "https:///api/v1", "not a url", "http://[::1",
      "127.0.0.1:8080/api/v1",
    ])
  func unusableURL(url: String) async throws {
    let f = try ReconcileFixture(Self.files)
    defer { f.stop() }
    let result = try await Self.plan(f, apiURL: url)
    #expect(result.exitStatus == 1, "\(result.output)")
    #expect(result.stderr.contains("URL") || result.stderr.contains("http"), "\(result.stderr)")
    #expect(!result.stderr.contains("attempts"), "an unusable URL was retried: \(result.stderr)")
    #expect(result.seconds < 30)  // a child process under a loaded suite took 16-19 s; retries are ruled out above
    #expect(f.fake.requests.isEmpty)
  }
}
