import Foundation
import OpenRouterFake
import PresetKit
import Testing

@testable import PresetCore
@testable import PresetReconcile
@testable import PresetSchema

@Suite("OpenRouterClient createVersion")
struct ClientCreateTests {
  /// A body per skin carrying the prompt "Be brief." and model "m/x".
  static func body(for skin: Skin) -> JSONValue {
    switch skin {
    case .chat:
      [
        "model": "m/x", "temperature": 0.3, "stream": true,
        "messages": [["role": "system", "content": "Be brief."], ["role": "user", "content": "hi"]],
      ]
    case .messages:
      ["model": "m/x", "max_tokens": 100, "system": "Be brief.", "messages": [["role": "user", "content": "hi"]]]
    case .responses:
      ["model": "m/x", "instructions": "Be brief.", "input": "hi", "top_p": 0.9]
    }
  }

  @Test("each skin posts to its endpoint and returns the stored version", arguments: Skin.allCases)
  func createPerSkin(skin: Skin) async throws {
    let fake = try RemoteTest.startFake()
    defer { fake.stop() }
    let client = try RemoteTest.client(for: fake)
    let live = try await client.createVersion(
      slug: "s-\(skin.rawValue)", skin: skin, body: Self.body(for: skin), isAlreadyApplied: { _ in false })
    let request = try #require(fake.requests.first)
    #expect(request.method == "POST")
    #expect(request.path == "/presets/s-\(skin.rawValue)/\(skin.endpointPath)")
    #expect(request.headers["content-type"] == "application/json")
    #expect(request.authorized)
    #expect(request.bodyJSON == Self.body(for: skin))
    let version = try #require(live.designatedVersion)
    #expect(version.version == 1)
    #expect(version.systemPrompt == "Be brief.")
    let expectedConfig: JSONValue =
      switch skin {
      case .chat: ["model": "m/x", "temperature": 0.3]
      case .messages: ["model": "m/x", "max_tokens": 100]
      case .responses: ["model": "m/x", "top_p": 0.9]
      }
    #expect(version.config == expectedConfig)
    #expect(fake.preset(slug: "s-\(skin.rawValue)") == live)
    #expect(client.requestCount == 1)
  }

  @Test("a slug that needs it is percent-encoded in the POST path, as one segment")
  func postPathEncodesSlug() async throws {
    let fake = try RemoteTest.startFake()
    defer { fake.stop() }
    let client = try RemoteTest.client(for: fake, retries: 0)
    let slug = "a b/../c"
    let live = try await client.createVersion(
      slug: slug, skin: .chat, body: RemoteTest.chatBody("x"), isAlreadyApplied: { _ in false })
    #expect(live.slug == slug)
    let request = try #require(fake.requests.first)
    #expect(request.method == "POST")
    #expect(request.path == "/presets/a%20b%2F%2E%2E%2Fc/chat/completions")
    #expect(fake.preset(slug: slug) != nil)
  }

  @Test("every POST makes a new designated version, even an identical one")
  func identicalPostMakesVersion() async throws {
    let fake = try RemoteTest.startFake()
    defer { fake.stop() }
    let client = try RemoteTest.client(for: fake)
    let first = try await client.createVersion(
      slug: "dup", skin: .chat, body: RemoteTest.chatBody("same"), isAlreadyApplied: { _ in false })
    let second = try await client.createVersion(
      slug: "dup", skin: .chat, body: RemoteTest.chatBody("same"), isAlreadyApplied: { _ in false })
    #expect(first.designatedVersion?.version == 1)
    #expect(second.designatedVersion?.version == 2)
    #expect(second.id == first.id)
    #expect(second.designatedVersionId != first.designatedVersionId)
    #expect(fake.versionCount(slug: "dup") == 2)
  }

  @Test("a 400 from the server is not retried and carries the server's message")
  func badRequestNotRetried() async throws {
    let fake = try RemoteTest.startFake()
    defer { fake.stop() }
    let client = try RemoteTest.client(for: fake)
    let body: JSONValue = [
      "model": "a/b", "models": ["a", "b", "c", "d"], "messages": [["role": "user", "content": "x"]],
    ]
    let error = try #require(
      await RemoteTest.remoteError { () async throws(RemoteError) in
        try await client.createVersion(slug: "bad", skin: .chat, body: body, isAlreadyApplied: { _ in false })
      })
    #expect(error.kind == .http(400))
    #expect(error.message.contains("'models' array must have 3 items or fewer."))
    #expect(error.description.hasPrefix("preset 'bad': HTTP 400"))
    #expect(client.requestCount == 1)
    #expect(fake.presetCount == 0)
  }
}
