import Foundation
import OpenRouterFake

@testable import PresetCore
@testable import PresetKit
@testable import PresetReconcile

/// A temporary preset repository plus a running fake OpenRouter, driven through the built binary.
struct ReconcileFixture {
  static let key = "sk-or-v1-test-0123456789abcdef-SECRET"

  let repo: TempRepo
  let fake: FakeOpenRouter

  init(_ files: [String: String], options: FakeOpenRouter.Options = FakeOpenRouter.Options()) throws {
    repo = try TempRepo(files)
    var options = options
    options.apiKey = Self.key
    fake = FakeOpenRouter(options: options)
    try fake.start()
  }

  /// Runs presetctl in the repository against the fake; also asserts the key never appears in any output.
  func run(_ arguments: [String], key: String? = ReconcileFixture.key) throws -> Binary.Output {
    var environment = ["OPENROUTER_API_URL": fake.baseURL.absoluteString]
    if let key { environment["OPENROUTER_API_KEY"] = key }
    let output = try Binary.run(
      arguments + ["--retries", "3", "--timeout", "1"], in: repo.root, environment: environment)
    precondition(!output.stdout.contains(Self.key) && !output.stderr.contains(Self.key), "API key leaked into output")
    return output
  }

  func posts() -> [RecordedRequest] { fake.requests(method: "POST") }

  func stop() {
    fake.stop()
    repo.remove()
  }

  static func preset(_ slug: String, temperature: Double = 0.5, prompt: String = "Be helpful.") -> String {
    """
    slug: \(slug)
    skin: chat
    request:
      model: openai/gpt-5.4
      temperature: \(temperature)
      provider: {sort: price}
      messages:
        - {role: system, content: "\(prompt)"}

    """
  }
}
