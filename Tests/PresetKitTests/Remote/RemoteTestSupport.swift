import Foundation
import OpenRouterFake
import PresetKit
import Testing

@testable import PresetCore
@testable import PresetReconcile

/// Helpers for tests that run the client against an in-process fake.
enum RemoteTest {
  /// Starts a fake with `options`; the caller stops it (`defer { fake.stop() }`).
  static func startFake(_ options: FakeOpenRouter.Options = .init()) throws -> FakeOpenRouter {
    let fake = FakeOpenRouter(options: options)
    try fake.start()
    return fake
  }

  /// A client for `fake` with tiny backoff delays and a 1 s timeout, so retry tests stay fast. The grace after
  /// an unknown POST outcome is 0 (one read-back) unless given: the exactly-once tests set a real one.
  static func client(
    for fake: FakeOpenRouter, key: String? = nil, retries: Int = 4, timeout: TimeInterval = 1,
    maxRetryElapsed: TimeInterval = 120, grace: TimeInterval = 0, deadline: TimeInterval = 600,
    maxListPages: Int = OpenRouterClient.Configuration.defaultMaxListPages
  ) throws -> OpenRouterClient {
    try OpenRouterClient(
      OpenRouterClient.Configuration(
        apiKey: APIKey(key ?? fake.apiKey), baseURL: fake.baseURL, timeout: timeout, retries: retries,
        maxRetryElapsed: maxRetryElapsed, backoffBase: 0.005, backoffMax: 0.05, deadline: deadline,
        unknownOutcomeGrace: grace, maxListPages: maxListPages))
  }

  /// A chat body with a system prompt and a model.
  static func chatBody(_ prompt: String, model: String = "openai/gpt-4o", temperature: Double = 0.7) -> JSONValue {
    [
      "model": .string(model), "temperature": .number(temperature),
      "messages": [["role": "system", "content": .string(prompt)]],
    ]
  }

  /// An `isAlreadyApplied` check: the live designated version has this prompt and model.
  static func holds(_ prompt: String, model: String = "openai/gpt-4o") -> @Sendable (LivePreset?) -> Bool {
    { live in
      live?.designatedVersion?.systemPrompt == prompt && live?.designatedVersion?.config["model"] == .string(model)
    }
  }

  /// Runs `body`, expecting a `RemoteError`, and returns it (nil, with a recorded issue, when none was thrown).
  static func remoteError<T>(
    _ body: () async throws(RemoteError) -> T, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) async -> RemoteError? {
    do {
      _ = try await body()
      Issue.record("expected a RemoteError", sourceLocation: sourceLocation)
      return nil
    } catch {
      return error
    }
  }

  /// Seconds since `start`.
  static func seconds(since start: ContinuousClock.Instant) -> Double {
    let parts = start.duration(to: .now).components
    return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
  }
}
