import Foundation

/// An HTTP client for OpenRouter's preset API (the seven `/presets` endpoints).
///
/// Reads retry on transient failures; a POST whose outcome is unknown is never repeated blindly (see
/// `createVersion`). Redirects are refused so the key goes nowhere but the configured host.
public struct OpenRouterClient: Sendable {
  /// The configuration the client was made with.
  public let configuration: Configuration
  let transport: HTTPTransport
  /// The base URL text without a trailing slash.
  let base: String
  let policy: RetryPolicy

  /// Validates the configuration (key present, base URL https or loopback http) and creates a session.
  public init(_ configuration: Configuration) throws(RemoteError) {
    base = try configuration.validatedBase()
    self.configuration = configuration
    transport = HTTPTransport(timeout: Self.wholeSeconds(configuration.timeout))
    policy = RetryPolicy(
      retries: configuration.retries,
      maxElapsed: configuration.maxRetryElapsed,
      base: configuration.backoffBase,
      cap: configuration.backoffMax
    )
  }

  /// HTTP requests sent by this client (and its copies) so far, retries included.
  public var requestCount: Int { transport.requestCount }

  /// Lists every preset, following `offset`/`limit` pages until `total_count` items have been seen.
  /// Presets are de-duplicated by id in case an update moves one across a page boundary mid-listing.
  public func listPresets() async throws(RemoteError) -> [LivePresetSummary] {
    let items = try await listAll(path: "/presets", slug: nil, what: "presets")
    var seen: Set<String> = []
    var presets: [LivePresetSummary] = []
    for (index, item) in items.enumerated() {
      let preset: LivePresetSummary
      do {
        preset = try LivePresetSummary(json: item, context: "presets[\(index)]")
      } catch {
        throw RemoteError(.decoding, message: scrub(error.message), request: "GET /presets")
      }
      if seen.insert(preset.id).inserted { presets.append(preset) }
    }
    return presets
  }

  /// Reads one preset with its designated version; nil when the server answers 404.
  public func getPreset(slug: String) async throws(RemoteError) -> LivePreset? {
    let call = try Call(method: "GET", path: presetPath(slug), slug: slug)
    let response = try await perform(call, accepting: [404])
    if response.status == 404 { return nil }
    let json = try decodeJSON(response, call: call)
    return try decodeData(json, call: call) { value throws(ShapeProblem) in try LivePreset(json: value) }
  }

  /// Lists a preset's versions, oldest first, across all pages.
  public func listVersions(slug: String) async throws(RemoteError) -> [LiveVersion] {
    let path = try presetPath(slug) + "/versions"
    let items = try await listAll(path: path, slug: slug, what: "versions")
    var versions: [LiveVersion] = []
    for (index, item) in items.enumerated() {
      do {
        versions.append(try LiveVersion(json: item, context: "versions[\(index)]"))
      } catch {
        throw RemoteError(.decoding, slug: slug, message: scrub(error.message), request: "GET \(path)")
      }
    }
    return versions
  }

  /// Reads one version by its number.
  public func getVersion(slug: String, number: Int) async throws(RemoteError) -> LiveVersion {
    let call = try Call(method: "GET", path: presetPath(slug) + "/versions/\(number)", slug: slug)
    let response = try await perform(call)
    let json = try decodeJSON(response, call: call)
    return try decodeData(json, call: call) { value throws(ShapeProblem) in
      try LiveVersion(json: value, context: "version")
    }
  }

  /// Fetches all pages of a `{data, total_count}` list.
  private func listAll(path: String, slug: String?, what: String) async throws(RemoteError) -> [JSONValue] {
    var items: [JSONValue] = []
    var offset = 0
    while true {
      let call = Call(
        method: "GET", path: path, query: [("offset", "\(offset)"), ("limit", "\(configuration.pageSize)")],
        slug: slug)
      let response = try await perform(call)
      let json = try decodeJSON(response, call: call)
      let page: ListPage
      do {
        page = try ListPage(json: json, context: what)
      } catch {
        throw RemoteError(.decoding, slug: slug, message: scrub(error.message), request: call.label)
      }
      items += page.items
      offset += page.items.count
      // An empty page ends the walk even if total_count promised more (it can shrink while we read).
      if page.items.isEmpty || offset >= page.totalCount { return items }
    }
  }

  /// Rounds a timeout up to whole seconds: URLSession on Linux truncates fractions (0.5 s fails at once).
  static func wholeSeconds(_ timeout: TimeInterval) -> TimeInterval {
    max(1, timeout.rounded(.up))
  }
}
