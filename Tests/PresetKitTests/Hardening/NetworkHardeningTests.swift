import Foundation
import OpenRouterFake
import Testing

@testable import PresetCore
@testable import PresetKit
@testable import PresetModel

extension Hardening {
  /// A broken or hostile server, through the built binary: each failure is reported readably, within a memory and
  /// time budget, and the key never leaks.
  @Suite struct NetworkHardeningTests {
    static let files = ["presets/alpha.yaml": ReconcileFixture.preset("alpha")]

    /// Runs `plan` against the fake with no retries (so one fault decides the outcome).
    static func plan(
      _ fixture: ReconcileFixture, apiURL: String? = nil, timeout: Int = 2, budget: Double = 10
    ) async throws -> MeasuredProcess.Result {
      let environment = [
        "OPENROUTER_API_URL": apiURL ?? fixture.fake.baseURL.absoluteString,
        "OPENROUTER_API_KEY": ReconcileFixture.key,
      ]
      let result = try await MeasuredProcess.run(
        ["plan", "presets", "--retries", "0", "--timeout", String(timeout)], in: fixture.repo.root,
        environment: environment, timeout: budget)
      #expect(!result.output.contains(ReconcileFixture.key), "the key leaked")
      return result
    }

    @Test func truncatedJSON() async throws {
      let f = try ReconcileFixture(Self.files)
      defer { f.stop() }
      f.fake.inject(.truncatedJSON, method: "GET", times: 5)
      let result = try await Self.plan(f)
      Budget.expectCleanFailure(result, mentioning: "JSON")
    }

    @Test func wrongContentType() async throws {
      let f = try ReconcileFixture(Self.files)
      defer { f.stop() }
      f.fake.inject(.wrongContentType, method: "GET", times: 5)
      let result = try await Self.plan(f)
      Budget.expectCleanFailure(result)
      #expect(result.stderr.contains("text/html") || result.stderr.contains("not JSON"), "\(result.stderr)")
    }

    /// 100 MB announced by `Content-Length`: refused on the header, nothing buffered.
    @Test func enormousDeclaredAnswer() async throws {
      let f = try ReconcileFixture(Self.files)
      defer { f.stop() }
      f.fake.inject(.enormousBody(bytes: 100 * 1024 * 1024, declaredLength: true), method: "GET", times: 5)
      let result = try await Self.plan(f)
      Budget.expectCleanFailure(result, mentioning: "larger than the limit of 64 MiB")
    }

    /// 80 MB without a length (ends when the connection closes): cut off once 64 MiB have arrived.
    @Test func enormousUndeclaredAnswer() async throws {
      let f = try ReconcileFixture(Self.files)
      defer { f.stop() }
      f.fake.inject(.enormousBody(bytes: 80 * 1024 * 1024, declaredLength: false), method: "GET", times: 5)
      let result = try await Self.plan(f, budget: 20)
      #expect(result.exitStatus == 1, "\(result.output.prefix(500))")
      #expect(result.stderr.contains("larger than the limit of 64 MiB"), "\(result.stderr)")
      // 64 MiB is buffered before the cut; the bound is that limit plus the binary, not the 80 MB sent.
      #expect(result.peakRSSMegabytes < 200, "peak RSS \(result.peakRSSMegabytes) MB")
      #expect(result.seconds < 15, "took \(result.seconds) s")
    }

    /// A server that trickles its answer a byte at a time: the timeout bounds the whole request, not each read.
    @Test func slowLorisAnswerTimesOut() async throws {
      let f = try ReconcileFixture(Self.files)
      defer { f.stop() }
      f.fake.inject(.slowLoris(interval: 0.05), method: "GET", times: 5)
      let result = try await Self.plan(f, timeout: 1)
      Budget.expectCleanFailure(result, mentioning: "no answer within 1 s")
    }

    /// A redirect to another host is never followed, so the other host never sees the key.
    @Test func redirectToAnotherHostIsNotFollowed() async throws {
      let f = try ReconcileFixture(Self.files)
      defer { f.stop() }
      let other = FakeOpenRouter(options: FakeOpenRouter.Options(apiKey: "other"))
      try other.start()
      defer { other.stop() }
      f.fake.inject(.redirect(to: "http://localhost:\(other.port)/api/v1/presets"), method: "GET", times: 5)
      let result = try await Self.plan(f)
      Budget.expectCleanFailure(result, mentioning: "307")
      #expect(other.requests.isEmpty, "the redirect target was contacted")
    }

    /// https:// against a plain-HTTP server that answers the ClientHello with a 400: a readable TLS error.
    @Test func tlsAgainstPlainHTTPIsReadable() async throws {
      let f = try ReconcileFixture(Self.files)
      defer { f.stop() }
      let plain = try PlainResponder(answer: Array("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".utf8))
      defer { plain.stop() }
      let result = try await Self.plan(f, apiURL: "https://127.0.0.1:\(plain.port)/api/v1")
      Budget.expectCleanFailure(result, mentioning: "connection failed")
      #expect(result.stderr.contains("SSL") || result.stderr.contains("TLS"), "\(result.stderr)")
    }

    /// https:// against the fake's plain-HTTP port, which waits for a request line that never comes: the timeout
    /// reports it (the server never answers, so no TLS error can be seen).
    @Test func tlsAgainstSilentPlainHTTPTimesOut() async throws {
      let f = try ReconcileFixture(Self.files)
      defer { f.stop() }
      let result = try await Self.plan(f, apiURL: "https://127.0.0.1:\(f.fake.port)/api/v1", timeout: 1)
      Budget.expectCleanFailure(result, mentioning: "no answer within 1 s")
    }
  }
}
