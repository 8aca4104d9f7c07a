import Foundation
import PresetCore
import PresetKit

/// The public catalogue endpoints, which need no key: `GET /models` (text models only unless
/// `output_modalities` asks for more; opt-in paging with `limit` ≤ 1000) and `GET /providers`.
extension FakeOpenRouter {
  /// What the catalogue endpoints serve.
  package struct CatalogueData: Sendable {
    /// `/models` entries.
    package var models: [JSONValue]
    /// `/providers` entries.
    package var providers: [JSONValue]

    /// Creates catalogue data.
    package init(models: [JSONValue], providers: [JSONValue]) {
      self.models = models
      self.providers = providers
    }

    /// The realistic default sample (`FakeCatalogueSample`).
    package static func sample(now: Date = Date()) -> CatalogueData {
      CatalogueData(models: FakeCatalogueSample.models(now: now), providers: FakeCatalogueSample.providers())
    }
  }

  /// The catalogue served now (the sample until `catalogue` is set).
  package var catalogue: CatalogueData {
    get { lock.withLock { catalogueData } ?? .sample() }
    set { lock.withLock { catalogueData = newValue } }
  }

  /// The answer for a catalogue path, or nil when the path is not one (the preset routes handle it).
  func catalogueAnswer(_ request: FakeHTTPRequest, relativePath: String) -> FakeHTTPResponse? {
    guard relativePath == "/models" || relativePath == "/providers" else { return nil }
    guard request.method == "GET" else { return .error(405, "Method not allowed") }
    let data = catalogue
    if relativePath == "/providers" { return .json(200, ["data": .array(data.providers)]) }
    let wanted = (request.query["output_modalities"] ?? "text").split(separator: ",").map(String.init)
    let models = data.models.filter { model in
      guard !wanted.contains("all") else { return true }
      let outputs = model["architecture"]?["output_modalities"]?.arrayValue?.compactMap(\.stringValue) ?? []
      return outputs.contains { wanted.contains($0) }
    }
    var page = models
    if request.query["offset"] != nil || request.query["limit"] != nil {
      guard let offset = Int(request.query["offset"] ?? "0"), let limit = Int(request.query["limit"] ?? "500"),
        offset >= 0, (1...1000).contains(limit)
      else { return .error(400, "Invalid request parameters") }
      page = offset < models.count ? Array(models[offset..<min(models.count, offset + limit)]) : []
    }
    return .json(
      200,
      [
        "data": .array(page), "total_count": .number(Double(models.count)),
        "links": ["self": .string("/api/v1/models")],
      ])
  }
}
