import Foundation
import OpenRouterFake
import PresetKit
import Testing

@testable import PresetCore
@testable import PresetReconcile
@testable import PresetSchema

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@Suite("FakeOpenRouter behaviour")
struct FakeOpenRouterTests {
  private func post(_ fake: FakeOpenRouter, _ slug: String, _ skin: Skin, _ body: JSONValue) async throws -> LivePreset
  {
    try await RemoteTest.client(for: fake).createVersion(
      slug: slug, skin: skin, body: body, isAlreadyApplied: { _ in false })
  }

  @Test("chat: system and developer messages, string or text parts, join with a blank line")
  func chatSystemPrompt() async throws {
    let fake = try RemoteTest.startFake()
    defer { fake.stop() }
    let body: JSONValue = [
      "model": "a/b",
      "messages": [
        ["role": "system", "content": "One."],
        ["role": "user", "content": "ignored"],
        [
          "role": "developer",
          "content": [
            ["type": "text", "text": "Two."], ["type": "image_url", "image_url": "x"],
            ["type": "text", "text": "Three."],
          ],
        ],
      ],
      "stream_options": ["include_usage": true], "prompt": "x", "input": "y",
    ]
    let live = try await post(fake, "c", .chat, body)
    #expect(live.designatedVersion?.systemPrompt == "One.\n\nTwo.\n\nThree.")
    #expect(live.designatedVersion?.config == ["model": "a/b"])
  }

  @Test("chat without a system message stores a null prompt")
  func chatWithoutSystem() async throws {
    let fake = try RemoteTest.startFake()
    defer { fake.stop() }
    let live = try await post(fake, "n", .chat, ["messages": [["role": "user", "content": "hi"]], "top_p": 1])
    #expect(live.designatedVersion?.systemPrompt == nil)
    #expect(live.designatedVersion?.config == ["top_p": 1])
  }

  @Test("messages: system text blocks join; responses: instructions")
  func otherSkins() async throws {
    let fake = try RemoteTest.startFake()
    defer { fake.stop() }
    let messages = try await post(
      fake, "m", .messages,
      ["model": "a/b", "messages": [], "system": [["type": "text", "text": "A"], ["type": "text", "text": "B"]]])
    #expect(messages.designatedVersion?.systemPrompt == "A\n\nB")
    #expect(messages.designatedVersion?.config == ["model": "a/b"])
    let responses = try await post(fake, "r", .responses, ["instructions": "Do it.", "input": [], "stream": false])
    #expect(responses.designatedVersion?.systemPrompt == "Do it.")
    #expect(responses.designatedVersion?.config == [:])
  }

  @Test("body requirements per skin are enforced with 400")
  func bodyRequirements() async throws {
    let fake = try RemoteTest.startFake()
    defer { fake.stop() }
    let client = try RemoteTest.client(for: fake)
    let cases: [(Skin, JSONValue, String)] = [
      (.chat, ["model": "a/b"], "'messages'"),
      (.chat, ["messages": []], "'messages'"),
      (.messages, ["messages": []], "'model'"),
      (.messages, ["model": "a/b"], "'messages'"),
      (.responses, "not an object", "JSON object"),
    ]
    for (skin, body, fragment) in cases {
      let error = await RemoteTest.remoteError { () async throws(RemoteError) in
        try await client.createVersion(slug: "v", skin: skin, body: body, isAlreadyApplied: { _ in false })
      }
      #expect(error?.kind == .http(400))
      #expect(error?.message.contains(fragment) == true, "\(error?.message ?? "")")
    }
    #expect(fake.presetCount == 0)
  }

  @Test("UI defaults fill in explicit nulls and defaults without overriding set values")
  func uiDefaults() async throws {
    let fake = try RemoteTest.startFake(.init(addUIDefaults: true))
    defer { fake.stop() }
    let live = try await post(
      fake, "ui", .chat,
      ["model": "a/b", "provider": ["order": ["openai"]], "messages": [["role": "system", "content": "s"]]])
    #expect(
      live.designatedVersion?.config == [
        "model": "a/b",
        "provider": ["order": ["openai"], "sort": nil, "allow_fallbacks": true, "require_parameters": false],
        "models": [], "stop": nil,
      ])
    let seeded = fake.seed(slug: "made-in-ui", systemPrompt: nil, config: ["model": "x/y"], uiMade: true)
    #expect(seeded?.designatedVersion?.config["provider"]?["allow_fallbacks"] == true)
  }

  @Test("unknown config keys are dropped when the fake has a known-key set")
  func knownKeys() async throws {
    let fake = try RemoteTest.startFake(.init(knownConfigKeys: ["model", "temperature"]))
    defer { fake.stop() }
    let live = try await post(
      fake, "k", .chat,
      ["model": "a/b", "temprature": 0.5, "temperature": 0.1, "messages": [["role": "user", "content": "x"]]])
    #expect(live.designatedVersion?.config == ["model": "a/b", "temperature": 0.1])
  }

  @Test("missing bearer, bad paging, unknown routes and wrong methods get spec error bodies")
  func errorsWithRawClient() async throws {
    let fake = try RemoteTest.startFake()
    defer { fake.stop() }
    func fetch(_ path: String, method: String = "GET", auth: Bool = true) async throws -> (Int, JSONValue) {
      var request = URLRequest(url: try #require(URL(string: fake.baseURL.absoluteString + path)))
      request.httpMethod = method
      if auth { request.setValue("Bearer \(fake.apiKey)", forHTTPHeaderField: "Authorization") }
      let (data, response) = try await URLSession.shared.data(for: request)
      let status = (response as? HTTPURLResponse)?.statusCode ?? 0
      return (status, try JSONParser.parse([UInt8](data)))
    }
    let (missing, body) = try await fetch("/presets", auth: false)
    #expect(missing == 401)
    #expect(body == ["error": ["code": 401, "message": "Missing Authentication header", "metadata": nil]])
    #expect(try await fetch("/presets?limit=101").0 == 400)
    #expect(try await fetch("/presets?limit=0").0 == 400)
    #expect(try await fetch("/presets?offset=-1").0 == 400)
    #expect(try await fetch("/presets?limit=100").0 == 200)
    #expect(try await fetch("/presets/x/other").0 == 404)
    #expect(try await fetch("/presets/x/versions/abc").0 == 404)
    #expect(try await fetch("/presets", method: "DELETE").0 == 405)
    let (defaulted, page) = try await fetch("/presets")
    #expect(defaulted == 200)
    #expect(page == ["data": [], "total_count": 0])
  }
}
