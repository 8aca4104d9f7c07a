import Foundation
import PresetCore
import PresetKit
import PresetSchema

extension FakeOpenRouter {
  /// Routes one request to the preset endpoints, after the bearer check.
  func handle(_ request: FakeHTTPRequest, relativePath: String) -> FakeHTTPResponse {
    guard request.path.hasPrefix("/api/v1/") else { return .error(404, "Resource not found") }
    if let answer = catalogueAnswer(request, relativePath: relativePath) { return answer }
    guard let authorization = request.headers["authorization"] else {
      return .error(401, "Missing Authentication header")
    }
    guard authorization == "Bearer \(options.apiKey)" else { return .error(401, "User not found.") }

    var segments: [String] = []
    for raw in relativePath.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
      guard let segment = FakeHTTPReader.percentDecode(String(raw)) else {
        return .error(400, "Invalid request parameters")
      }
      segments.append(segment)
    }
    if let answer = inference(request, segments: segments) { return answer }
    guard segments.first == "presets" else { return .error(404, "Resource not found") }
    let route = Array(segments.dropFirst())
    let slug = route.first ?? ""
    let expected: String
    let action: () -> FakeHTTPResponse
    switch (route.count, route.dropFirst().joined(separator: "/")) {
    case (0, _):
      (expected, action) = ("GET", { self.listPresets(request) })
    case (1, _) where !slug.isEmpty:
      (expected, action) = ("GET", { self.getPreset(slug) })
    case (3, "chat/completions") where !slug.isEmpty:
      (expected, action) = ("POST", { self.create(slug, skin: .chat, body: request.body) })
    case (2, "messages") where !slug.isEmpty:
      (expected, action) = ("POST", { self.create(slug, skin: .messages, body: request.body) })
    case (2, "responses") where !slug.isEmpty:
      (expected, action) = ("POST", { self.create(slug, skin: .responses, body: request.body) })
    case (2, "versions") where !slug.isEmpty:
      (expected, action) = ("GET", { self.listVersions(slug, request) })
    case (3, _) where !slug.isEmpty && route[1] == "versions":
      (expected, action) = ("GET", { self.getVersion(slug, route[2]) })
    default:
      return .error(404, "Resource not found")
    }
    return request.method == expected ? action() : .error(405, "Method not allowed")
  }

  /// `offset` (≥ 0, default 0) and `limit` (1...100, default 50); nil when out of range, like the spec.
  private func paging(_ request: FakeHTTPRequest) -> (offset: Int, limit: Int)? {
    let offset = request.query["offset"].map { Int($0) } ?? 0
    let limit = request.query["limit"].map { Int($0) } ?? 50
    guard let offset, let limit, offset >= 0, (1...100).contains(limit) else { return nil }
    return (offset, min(limit, options.pageSizeCap ?? limit))
  }

  private func page(_ items: [JSONValue], offset: Int, limit: Int) -> FakeHTTPResponse {
    let slice = offset < items.count ? Array(items[offset..<min(items.count, offset + limit)]) : []
    return .json(200, ["data": .array(slice), "total_count": .number(Double(items.count))])
  }

  private func listPresets(_ request: FakeHTTPRequest) -> FakeHTTPResponse {
    guard let (offset, limit) = paging(request) else { return .error(400, "Invalid request parameters") }
    let items = lock.withLock { store.listOrder.map(\.summaryJSON) }
    return page(items, offset: offset, limit: limit)
  }

  private func getPreset(_ slug: String) -> FakeHTTPResponse {
    guard let preset = lock.withLock({ store.presets[slug] }) else { return .error(404, "Resource not found") }
    return .json(200, ["data": preset.fullJSON])
  }

  private func listVersions(_ slug: String, _ request: FakeHTTPRequest) -> FakeHTTPResponse {
    guard let (offset, limit) = paging(request) else { return .error(400, "Invalid request parameters") }
    guard let preset = lock.withLock({ store.presets[slug] }) else { return .error(404, "Resource not found") }
    return page(preset.versions.map(\.json), offset: offset, limit: limit)
  }

  private func getVersion(_ slug: String, _ number: String) -> FakeHTTPResponse {
    guard let preset = lock.withLock({ store.presets[slug] }) else { return .error(404, "Resource not found") }
    guard let wanted = Int(number) else { return .error(400, "Invalid request parameters") }
    guard let version = preset.versions.first(where: { $0.version == wanted }) else {
      return .error(404, "Resource not found")
    }
    return .json(200, ["data": version.json])
  }

  /// Every valid POST makes a new designated version, even when identical to the current one.
  private func create(_ slug: String, skin: Skin, body: [UInt8]) -> FakeHTTPResponse {
    guard let parsed = try? JSONParser.parse(body), case .object(let object) = parsed else {
      return .error(400, "Invalid request parameters: the body must be a JSON object")
    }
    if let problem = PresetExtraction.problem(in: object, skin: skin) { return .error(400, problem) }
    let systemPrompt = PresetExtraction.systemPrompt(from: object, skin: skin)
    var config = PresetExtraction.config(from: object, knownKeys: options.knownConfigKeys)
    if options.addUIDefaults { config = PresetExtraction.addingDefaults(options.uiDefaults, to: config) }
    let stored = lock.withLock { store.addVersion(slug: slug, systemPrompt: systemPrompt, config: config) }
    return .json(200, ["data": stored.fullJSON])
  }
}
