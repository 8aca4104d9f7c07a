import Foundation
import OpenRouterFake
import Testing

@testable import PresetKit
@testable import PresetReconcile
@testable import PresetSchema

@Suite("OpenRouterClient key handling and URL safety")
struct ClientSecurityTests {
  static let secret = "sk-or-v1-0123456789abcdef0123456789abcdef"

  @Test("APIKey never prints its secret")
  func keyRedacted() {
    let key = APIKey("  \(Self.secret)\n")
    #expect(key.description == "<redacted>")
    #expect("\(key)" == "<redacted>")
    #expect(String(reflecting: key) == "APIKey(<redacted>)")
    var dumped = ""
    dump(key, to: &dumped)
    #expect(!dumped.contains("0123456789"))
  }

  @Test("the key loads from a file (trimmed) or the environment; missing is a clear error")
  func keyLoading() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("presetctl-key-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("key")
    try Data("\n  file-key \n".utf8).write(to: file)
    let fromFile = try APIKey.fromEnvironmentOrFile(path: file.path, environment: ["OPENROUTER_API_KEY": "env-key"])
    #expect(fromFile.secret == "file-key")
    let fromEnv = try APIKey.fromEnvironmentOrFile(path: nil, environment: ["OPENROUTER_API_KEY": "env-key\n"])
    #expect(fromEnv.secret == "env-key")

    #expect(throws: RemoteError.self) { try APIKey.fromEnvironmentOrFile(path: nil, environment: [:]) }
    do {
      _ = try APIKey.fromEnvironmentOrFile(path: nil, environment: ["OPENROUTER_API_KEY": "  "])
      Issue.record("expected missingKey")
    } catch {
      #expect(error.kind == .missingKey)
      #expect(error.description.contains("OPENROUTER_API_KEY"))
    }
    let empty = directory.appendingPathComponent("empty")
    try Data("\n".utf8).write(to: empty)
    do {
      _ = try APIKey.fromEnvironmentOrFile(path: empty.path, environment: [:])
      Issue.record("expected missingKey")
    } catch {
      #expect(error.kind == .missingKey)
      #expect(error.description.contains("is empty"))
    }
    do {
      _ = try APIKey.fromEnvironmentOrFile(path: directory.appendingPathComponent("nope").path, environment: [:])
      Issue.record("expected missingKey")
    } catch {
      #expect(error.kind == .missingKey)
    }
  }

  @Test("a client without a usable key cannot be made")
  func clientNeedsKey() {
    let cases: [(String, RemoteError.Kind)] = [("", .missingKey), ("two words", .invalidKey), ("a\u{7}b", .invalidKey)]
    for (secret, kind) in cases {
      do {
        _ = try OpenRouterClient(.init(apiKey: APIKey(secret)))
        Issue.record("expected \(kind)")
      } catch {
        #expect(error.kind == kind)
        #expect(!error.description.contains("two words"))
      }
    }
  }

  @Test(
    "plain http is only allowed for loopback hosts",
    arguments: [
      ("http://127.0.0.1:8787/api/v1", true), ("http://localhost:1/api/v1", true), ("http://[::1]:8080/api/v1", true),
      ("https://openrouter.ai/api/v1", true), ("https://proxy.example.com/openrouter/", true),
      ("http://openrouter.ai/api/v1", false), ("http://10.0.0.5/api/v1", false), ("http://127.0.0.1.evil.com/", false),
      ("ftp://127.0.0.1/api", false), ("https://user:pw@openrouter.ai/api/v1", false),
      ("https://openrouter.ai/api/v1?x=1", false),
    ])
  func baseURLPolicy(url: String, allowed: Bool) throws {
    let base = try #require(URL(string: url))
    do {
      _ = try OpenRouterClient(.init(apiKey: APIKey("k"), baseURL: base))
      #expect(allowed, "\(url) should be refused")
    } catch {
      #expect(!allowed, "\(url) should be accepted: \(error)")
      #expect(error.kind == .invalidURL)
    }
  }

  @Test("a wrong key gives one readable 401, not retried")
  func wrongKey() async throws {
    let fake = try RemoteTest.startFake()
    defer { fake.stop() }
    let client = try RemoteTest.client(for: fake, key: Self.secret)
    let error = try #require(
      await RemoteTest.remoteError { () async throws(RemoteError) in
        try await client.getPreset(slug: "p")
      })
    #expect(error.kind == .http(401))
    #expect(error.description.contains("HTTP 401 Unauthorized: User not found."))
    #expect(error.description.contains("OPENROUTER_API_KEY"))
    #expect(!error.description.contains(Self.secret))
    #expect(fake.requests.count == 1)
    #expect(fake.requests.first?.hadAuthorization == true)
    #expect(fake.requests.first?.authorized == false)
  }

  @Test("a key echoed back by the server is scrubbed from the error")
  func echoedKeyScrubbed() async throws {
    let fake = try RemoteTest.startFake(.init(apiKey: Self.secret))
    defer { fake.stop() }
    fake.inject(.echoKey)
    let client = try RemoteTest.client(for: fake)
    let error = try #require(
      await RemoteTest.remoteError { () async throws(RemoteError) in
        try await client.createVersion(
          slug: "e", skin: .chat, body: RemoteTest.chatBody("p"), isAlreadyApplied: { _ in false })
      })
    #expect(error.kind == .http(401))
    #expect(error.description.contains("Bearer <redacted>"))
    for text in [error.description, error.message, "\(error)", String(reflecting: error)] {
      #expect(!text.contains(Self.secret))
      #expect(!text.contains("0123456789abcdef"))
    }
  }

  @Test("pieces of the key are scrubbed too, other text is kept")
  func scrubberPieces() {
    let scrubber = KeyScrubber(secret: Self.secret)
    #expect(scrubber.scrub("key sk-or-v1-0123456789ab... is invalid") == "key <redacted>... is invalid")
    #expect(scrubber.scrub("\"\(Self.secret)\"") == "\"<redacted>\"")
    #expect(scrubber.scrub("Bearer \(Self.secret)x") == "Bearer <redacted>x")
    #expect(scrubber.scrub("model openai/gpt-4o not found") == "model openai/gpt-4o not found")
    #expect(scrubber.scrub("ab 0123 cd") == "ab 0123 cd")
  }

  @Test("redirects are refused and the other host never sees the key")
  func redirectRefused() async throws {
    let fake = try RemoteTest.startFake()
    defer { fake.stop() }
    let other = try RemoteTest.startFake()
    defer { other.stop() }
    fake.inject(.redirect(to: "http://localhost:\(other.port)/api/v1/presets"), method: "GET")
    let client = try RemoteTest.client(for: fake)
    let error = try #require(
      await RemoteTest.remoteError { () async throws(RemoteError) in
        try await client.listPresets()
      })
    #expect(error.kind == .redirect(307))
    #expect(error.message.contains("localhost"))
    #expect(other.requests.isEmpty)
    #expect(fake.requests.count == 1)
  }

  @Test("requests carry the bearer key, Accept and User-Agent")
  func requestHeaders() async throws {
    let fake = try RemoteTest.startFake()
    defer { fake.stop() }
    let client = try RemoteTest.client(for: fake)
    _ = try await client.listPresets()
    let request = try #require(fake.requests.first)
    #expect(request.authorized)
    #expect(request.headers["authorization"] == nil)
    #expect(request.headers["accept"] == "application/json")
    #expect(request.headers["user-agent"] == "presetctl/\(PresetKit.version)")
  }
}
