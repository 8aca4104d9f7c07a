import Foundation
import OpenRouterFake
import PresetKit
import Testing

@testable import PresetReconcile

@Suite("OpenRouterClient retries and unknown outcomes")
struct ClientRetryTests {
  @Test("429 with Retry-After is retried after waiting at least that long")
  func rateLimitRetryAfter() async throws {
    let fake = try RemoteTest.startFake()
    defer { fake.stop() }
    fake.inject(.status(429, retryAfter: 1), method: "POST")
    let client = try RemoteTest.client(for: fake)
    let start = ContinuousClock.now
    let live = try await client.createVersion(
      slug: "rl", skin: .chat, body: RemoteTest.chatBody("p"), isAlreadyApplied: RemoteTest.holds("p"))
    #expect(RemoteTest.seconds(since: start) >= 1)
    #expect(live.designatedVersion?.version == 1)
    #expect(fake.requests(method: "POST").count == 2)
    #expect(fake.requests(method: "GET").isEmpty, "429 means not stored: no read-back")
    #expect(fake.versionCount(slug: "rl") == 1)
  }

  @Test("500, 502, 503 and 504 on reads are retried", arguments: [500, 502, 503, 504])
  func serverErrorsRetried(status: Int) async throws {
    let fake = try RemoteTest.startFake()
    defer { fake.stop() }
    fake.seed(slug: "x", systemPrompt: "p", config: [:])
    fake.inject(.status(status), method: "GET", path: "/presets/x", times: 2)
    let client = try RemoteTest.client(for: fake)
    let live = try await client.getPreset(slug: "x")
    #expect(live?.designatedVersion?.systemPrompt == "p")
    #expect(client.requestCount == 3)
    #expect(fake.pendingFaults == 0)
  }

  @Test("409 on a POST is retried without a read-back")
  func conflictRetried() async throws {
    let fake = try RemoteTest.startFake()
    defer { fake.stop() }
    fake.inject(.status(409), method: "POST", path: "/presets/*/chat/completions", times: 2)
    let client = try RemoteTest.client(for: fake)
    let live = try await client.createVersion(
      slug: "c", skin: .chat, body: RemoteTest.chatBody("p"), isAlreadyApplied: RemoteTest.holds("p"))
    #expect(live.designatedVersion?.version == 1)
    #expect(fake.requests(method: "POST").count == 3)
    #expect(fake.requests(method: "GET").isEmpty)
  }

  @Test("a connection reset on a read is retried")
  func resetOnRead() async throws {
    let fake = try RemoteTest.startFake()
    defer { fake.stop() }
    fake.inject(.reset, method: "GET", path: "/presets")
    let client = try RemoteTest.client(for: fake)
    #expect(try await client.listPresets().isEmpty)
    #expect(fake.requests.count == 2)
  }

  @Test("POST reset before storing: read back shows it absent, so the POST is retried once")
  func resetBeforeApply() async throws {
    let fake = try RemoteTest.startFake()
    defer { fake.stop() }
    fake.inject(.reset, method: "POST")
    let client = try RemoteTest.client(for: fake)
    let live = try await client.createVersion(
      slug: "r", skin: .chat, body: RemoteTest.chatBody("p"), isAlreadyApplied: RemoteTest.holds("p"))
    #expect(live.designatedVersion?.version == 1)
    #expect(fake.requests.map(\.method) == ["POST", "GET", "POST"])
    #expect(fake.versionCount(slug: "r") == 1)
  }

  @Test("POST stored then reset: read back shows it stored, so it is not repeated")
  func resetAfterApply() async throws {
    let fake = try RemoteTest.startFake()
    defer { fake.stop() }
    fake.seed(slug: "r2", systemPrompt: "old", config: ["model": "openai/gpt-4o"])
    fake.inject(.resetAfterApply, method: "POST")
    let client = try RemoteTest.client(for: fake)
    let live = try await client.createVersion(
      slug: "r2", skin: .chat, body: RemoteTest.chatBody("new"), isAlreadyApplied: RemoteTest.holds("new"))
    #expect(live.designatedVersion?.version == 2)
    #expect(live.designatedVersion?.systemPrompt == "new")
    #expect(fake.requests.map(\.method) == ["POST", "GET"])
    #expect(fake.versionCount(slug: "r2") == 2)
  }

  @Test("POST stored but answered after the timeout: read back, no duplicate version")
  func lateAnswerApplied() async throws {
    let fake = try RemoteTest.startFake()
    defer { fake.stop() }
    fake.inject(.lateAnswer(2), method: "POST")
    let client = try RemoteTest.client(for: fake, timeout: 1)
    let live = try await client.createVersion(
      slug: "late", skin: .chat, body: RemoteTest.chatBody("p"), isAlreadyApplied: RemoteTest.holds("p"))
    #expect(live.designatedVersion?.systemPrompt == "p")
    #expect(fake.requests.map(\.method) == ["POST", "GET"])
    #expect(fake.versionCount(slug: "late") == 1)
  }

  @Test("POST timed out without being stored: read back, then retried exactly once")
  func stallNotApplied() async throws {
    let fake = try RemoteTest.startFake()
    defer { fake.stop() }
    fake.inject(.stall(2), method: "POST")
    let client = try RemoteTest.client(for: fake, timeout: 1)
    let live = try await client.createVersion(
      slug: "stall", skin: .chat, body: RemoteTest.chatBody("p"), isAlreadyApplied: RemoteTest.holds("p"))
    #expect(live.designatedVersion?.version == 1)
    #expect(fake.requests.map(\.method) == ["POST", "GET", "POST"])
    #expect(fake.versionCount(slug: "stall") == 1)
  }

  @Test("5xx after storing: read back finds it, no repeat; 5xx before storing: retried")
  func serverErrorOnPost() async throws {
    let fake = try RemoteTest.startFake()
    defer { fake.stop() }
    fake.inject(.statusAfterApply(500), method: "POST", path: "/presets/applied/*")
    fake.inject(.status(503), method: "POST", path: "/presets/refused/*")
    let client = try RemoteTest.client(for: fake)
    let applied = try await client.createVersion(
      slug: "applied", skin: .chat, body: RemoteTest.chatBody("p"), isAlreadyApplied: RemoteTest.holds("p"))
    #expect(applied.designatedVersion?.version == 1)
    #expect(fake.requests(path: "/presets/applied*").map(\.method) == ["POST", "GET"])
    let refused = try await client.createVersion(
      slug: "refused", skin: .chat, body: RemoteTest.chatBody("p"), isAlreadyApplied: RemoteTest.holds("p"))
    #expect(refused.designatedVersion?.version == 1)
    #expect(fake.requests(path: "/presets/refused*").map(\.method) == ["POST", "GET", "POST"])
    #expect(fake.versionCount(slug: "applied") == 1)
    #expect(fake.versionCount(slug: "refused") == 1)
  }

  @Test("a 2xx with a broken body is settled by reading back")
  func truncatedPostAnswer() async throws {
    let fake = try RemoteTest.startFake()
    defer { fake.stop() }
    fake.inject(.truncatedJSON, method: "POST")
    let client = try RemoteTest.client(for: fake)
    let live = try await client.createVersion(
      slug: "t", skin: .chat, body: RemoteTest.chatBody("p"), isAlreadyApplied: RemoteTest.holds("p"))
    #expect(live.designatedVersion?.systemPrompt == "p")
    #expect(fake.requests.map(\.method) == ["POST", "GET"])
    #expect(fake.versionCount(slug: "t") == 1)
  }

  @Test("when retries run out the last failure is reported with the attempt count")
  func retriesExhausted() async throws {
    let fake = try RemoteTest.startFake()
    defer { fake.stop() }
    fake.inject(.status(503), method: "GET", times: 10)
    let client = try RemoteTest.client(for: fake, retries: 2)
    let error = try #require(
      await RemoteTest.remoteError { () async throws(RemoteError) in
        try await client.getPreset(slug: "gone")
      })
    #expect(error.kind == .http(503))
    #expect(error.attempts == 3)
    #expect(error.isTransient)
    #expect(
      error.description
        == "preset 'gone': HTTP 503 Service Unavailable: Service Unavailable (GET /presets/gone, 3 attempts)")
    #expect(fake.requests.count == 3)
  }

  @Test("a Retry-After beyond the time budget ends the operation at once")
  func retryAfterBeyondBudget() async throws {
    let fake = try RemoteTest.startFake()
    defer { fake.stop() }
    fake.inject(.status(429, retryAfter: 60), method: "GET")
    let client = try RemoteTest.client(for: fake, maxRetryElapsed: 5)
    try await onOwnThread { _ in
      let start = ContinuousClock.now
      let error = try #require(
        await RemoteTest.remoteError { () async throws(RemoteError) in
          try await client.listPresets()
        })
      #expect(error.kind == .http(429))
      // One request and no wait for the 60 s Retry-After (the bound is loose: CI machines can be slow).
      #expect(RemoteTest.seconds(since: start) < 45)
    }
    #expect(fake.requests.count == 1)
  }

  @Test("an unreachable server is a transport error after the retries")
  func connectionRefused() async throws {
    let down = try UnreachableServer()
    let client = try OpenRouterClient(
      .init(apiKey: APIKey("k"), baseURL: down.baseURL, timeout: 1, retries: 1, backoffBase: 0.005))
    let error = try #require(
      await RemoteTest.remoteError { () async throws(RemoteError) in
        try await client.createVersion(
          slug: "z", skin: .chat, body: RemoteTest.chatBody("p"), isAlreadyApplied: { _ in false })
      })
    #expect(error.kind == .transport)
    #expect(error.attempts == 2)
    #expect(client.requestCount == 2, "a refused connection never reached the server: no read-back")
    #expect(error.description.contains("preset 'z'"))
  }

  @Test("a truncated JSON answer or a wrong content type is a decoding error")
  func decodingErrors() async throws {
    let fake = try RemoteTest.startFake()
    defer { fake.stop() }
    fake.seed(slug: "d", systemPrompt: "p", config: [:])
    fake.inject(.truncatedJSON, method: "GET", path: "/presets/d")
    fake.inject(.wrongContentType, method: "GET", path: "/presets")
    let client = try RemoteTest.client(for: fake)
    let truncated = try #require(
      await RemoteTest.remoteError { () async throws(RemoteError) in
        try await client.getPreset(slug: "d")
      })
    #expect(truncated.kind == .decoding)
    #expect(truncated.message.contains("not valid JSON"))
    let html = try #require(
      await RemoteTest.remoteError { () async throws(RemoteError) in
        try await client.listPresets()
      })
    #expect(html.kind == .decoding)
    #expect(html.message.contains("text/html"))
    #expect(client.requestCount == 2)
  }

  @Test("a read with no answer in time is a timeout error")
  func readTimeout() async throws {
    let fake = try RemoteTest.startFake()
    defer { fake.stop() }
    fake.inject(.stall(2), method: "GET")
    let client = try RemoteTest.client(for: fake, retries: 0, timeout: 1)
    let error = try #require(
      await RemoteTest.remoteError { () async throws(RemoteError) in
        try await client.getPreset(slug: "slow")
      })
    #expect(error.kind == .timeout)
    #expect(error.description == "preset 'slow': no answer within 1 s (GET /presets/slow)")
  }

  @Test("when the read-back after an unknown POST outcome fails, the outcome is reported as unknown")
  func readBackFails() async throws {
    let fake = try RemoteTest.startFake()
    defer { fake.stop() }
    fake.inject(.statusAfterApply(500), method: "POST")
    fake.inject(.status(503), method: "GET", times: 5)
    let client = try RemoteTest.client(for: fake, retries: 1)
    let error = try #require(
      await RemoteTest.remoteError { () async throws(RemoteError) in
        try await client.createVersion(
          slug: "u", skin: .chat, body: RemoteTest.chatBody("p"), isAlreadyApplied: RemoteTest.holds("p"))
      })
    #expect(error.kind == .unknownOutcome)
    #expect(error.message.contains("may or may not have been stored"))
    #expect(error.message.contains("HTTP 503"))
    #expect(fake.requests.map(\.method) == ["POST", "GET", "GET"])
    #expect(fake.versionCount(slug: "u") == 1)
  }

  @Test("cancelling the calling task ends a slow request promptly")
  func cancellation() async throws {
    let fake = try RemoteTest.startFake()
    defer { fake.stop() }
    fake.inject(.stall(60), method: "GET")
    let client = try RemoteTest.client(for: fake, timeout: 120)
    let result = try await onOwnThread { executor in
      let start = ContinuousClock.now
      let task = Task(executorPreference: executor) { try await client.getPreset(slug: "c") }
      try await Task.sleep(nanoseconds: 100_000_000)
      task.cancel()
      let result = await task.result
      // The stalled request would answer after 60 s and time out after 120 s: ending before either shows the
      // cancellation reached the request (generous: 22-42 s were seen under a full suite at load 15).
      #expect(RemoteTest.seconds(since: start) < 55)
      return result
    }
    guard case .failure(let error) = result else {
      Issue.record("expected cancellation")
      return
    }
    #expect((error as? RemoteError)?.kind == .cancelled)
  }
}
