import Foundation
import OpenRouterFake
import PresetKit
import Testing

@testable import PresetCore
@testable import PresetReconcile
@testable import PresetSchema

@Suite("OpenRouterClient reads")
struct ClientReadTests {
  @Test("listPresets follows offset/limit pages past 100 presets, newest first")
  func listPaging() async throws {
    let fake = try RemoteTest.startFake()
    defer { fake.stop() }
    for index in 0..<230 {
      fake.seed(slug: "p-\(index)", systemPrompt: nil, config: ["model": "a/b"])
    }
    let client = try RemoteTest.client(for: fake)
    let presets = try await client.listPresets()
    #expect(presets.count == 230)
    #expect(Set(presets.map(\.slug)).count == 230)
    #expect(presets.first?.slug == "p-229")
    #expect(presets.last?.slug == "p-0")
    let pages = fake.requests(method: "GET", path: "/presets")
    #expect(pages.map { $0.query["offset"] } == ["0", "100", "200"])
    #expect(pages.allSatisfy { $0.query["limit"] == "100" })
    #expect(client.requestCount == 3)
  }

  @Test("listPresets relies on total_count, not on the page size it asked for")
  func listWithServerPageCap() async throws {
    let fake = try RemoteTest.startFake(.init(pageSizeCap: 30))
    defer { fake.stop() }
    for index in 0..<75 { fake.seed(slug: "p\(index)", systemPrompt: "s", config: [:]) }
    let client = try RemoteTest.client(for: fake)
    let presets = try await client.listPresets()
    #expect(presets.count == 75)
    #expect(fake.requests(path: "/presets").map { $0.query["offset"] } == ["0", "30", "60"])
  }

  @Test("an empty account lists nothing in one request")
  func listEmpty() async throws {
    let fake = try RemoteTest.startFake()
    defer { fake.stop() }
    let client = try RemoteTest.client(for: fake)
    #expect(try await client.listPresets().isEmpty)
    #expect(client.requestCount == 1)
  }

  @Test("list items carry metadata and the designated version id")
  func listItemFields() async throws {
    let fake = try RemoteTest.startFake()
    defer { fake.stop() }
    let seeded = try #require(fake.seed(slug: "alpha", systemPrompt: "hi", config: ["model": "x/y"], name: "Alpha"))
    let client = try RemoteTest.client(for: fake)
    let item = try #require(try await client.listPresets().first)
    #expect(item.slug == "alpha")
    #expect(item.name == "Alpha")
    #expect(item.status == "active")
    #expect(item.description == nil)
    #expect(item.designatedVersionId == seeded.designatedVersion?.id)
    #expect(item.id == seeded.id)
    #expect(item.updatedAt == seeded.updatedAt)
    #expect(item.createdAt?.hasPrefix("2026-") == true)
  }

  @Test("getPreset returns nil on 404 and the designated version when present")
  func getPreset() async throws {
    let fake = try RemoteTest.startFake()
    defer { fake.stop() }
    let client = try RemoteTest.client(for: fake)
    #expect(try await client.getPreset(slug: "absent") == nil)
    #expect(client.requestCount == 1)
    fake.seed(
      slug: "present",
      versions: [("old", ["model": "a/b"]), ("new", ["model": "c/d", "temperature": 0.2])])
    let live = try #require(try await client.getPreset(slug: "present"))
    #expect(live.slug == "present")
    #expect(live.designatedVersion?.version == 2)
    #expect(live.designatedVersion?.systemPrompt == "new")
    #expect(live.designatedVersion?.config == ["model": "c/d", "temperature": 0.2])
    #expect(live.designatedVersionId == live.designatedVersion?.id)
    #expect(live.designatedVersion?.presetId == live.id)
  }

  @Test("listVersions pages oldest first; getVersion reads one by number")
  func versions() async throws {
    let fake = try RemoteTest.startFake()
    defer { fake.stop() }
    let entries: [(systemPrompt: String?, config: JSONValue)] = (1...130).map {
      ("prompt \($0)", ["max_tokens": .number(Double($0))])
    }
    fake.seed(slug: "many", versions: entries)
    let client = try RemoteTest.client(for: fake)
    let versions = try await client.listVersions(slug: "many")
    #expect(versions.map(\.version) == Array(1...130))
    #expect(versions[41].systemPrompt == "prompt 42")
    #expect(fake.requests(path: "/presets/many/versions").map { $0.query["offset"] } == ["0", "100"])
    let seven = try await client.getVersion(slug: "many", number: 7)
    #expect(seven.version == 7)
    #expect(seven.config == ["max_tokens": 7])
    #expect(seven.id == versions[6].id)
  }

  @Test("a missing version or preset is a 404 error that names the preset")
  func versionNotFound() async throws {
    let fake = try RemoteTest.startFake()
    defer { fake.stop() }
    fake.seed(slug: "one", systemPrompt: nil, config: [:])
    let client = try RemoteTest.client(for: fake)
    let error = try #require(
      await RemoteTest.remoteError { () async throws(RemoteError) in
        try await client.getVersion(slug: "one", number: 9)
      })
    #expect(error.kind == .http(404))
    #expect(error.slug == "one")
    #expect(error.description.contains("preset 'one'"))
    #expect(error.description.contains("Resource not found"))
    #expect(error.description.contains("GET /presets/one/versions/9"))
    let listError = try #require(
      await RemoteTest.remoteError { () async throws(RemoteError) in
        try await client.listVersions(slug: "nothing")
      })
    #expect(listError.kind == .http(404))
    #expect(client.requestCount == 2)
  }

  @Test("slugs are percent-encoded as one path segment")
  func percentEncodedSlug() async throws {
    let fake = try RemoteTest.startFake()
    defer { fake.stop() }
    let client = try RemoteTest.client(for: fake)
    let slug = "team/a b+é?#.."
    let created = try await client.createVersion(
      slug: slug, skin: .chat, body: RemoteTest.chatBody("p"), isAlreadyApplied: { _ in false })
    #expect(created.slug == slug)
    #expect(fake.requests.first?.path == "/presets/team%2Fa%20b%2B%C3%A9%3F%23%2E%2E/chat/completions")
    let live = try await client.getPreset(slug: slug)
    #expect(live?.designatedVersion?.systemPrompt == "p")
    #expect(try await client.listVersions(slug: slug).count == 1)
    #expect(try await client.getVersion(slug: slug, number: 1).systemPrompt == "p")
    let dots = try await client.getPreset(slug: "..")
    #expect(dots == nil)
    #expect(fake.requests.last?.path == "/presets/%2E%2E")
  }

  @Test("an empty slug is rejected before any request")
  func emptySlug() async throws {
    let fake = try RemoteTest.startFake()
    defer { fake.stop() }
    let client = try RemoteTest.client(for: fake)
    let error = try #require(
      await RemoteTest.remoteError { () async throws(RemoteError) in
        try await client.getPreset(slug: "")
      })
    #expect(error.kind == .invalidURL)
    #expect(fake.requests.isEmpty)
  }
}
