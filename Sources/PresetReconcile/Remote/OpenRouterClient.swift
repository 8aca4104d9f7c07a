import Foundation
import PresetCore
import PresetSchema

/// An HTTP client for OpenRouter's preset API (the seven `/presets` endpoints).
///
/// Reads retry on transient failures; a POST whose outcome is unknown is never repeated blindly (see
/// `createVersion`). Redirects are refused so the key goes nowhere but the configured host.
package struct OpenRouterClient: Sendable {
  /// The configuration the client was made with.
  package let configuration: Configuration
  let transport: HTTPTransport
  /// The base URL text without a trailing slash.
  let base: String
  let policy: RetryPolicy
  /// When the client was made: the start of the command's deadline (`Configuration.deadline`).
  let startedAt: ContinuousClock.Instant

  /// Validates the configuration (key present, base URL https or loopback http) and creates a session.
  package init(_ configuration: Configuration) throws(RemoteError) {
    base = try configuration.validatedBase()
    self.configuration = configuration
    startedAt = .now
    transport = HTTPTransport(timeout: Self.wholeSeconds(configuration.timeout))
    policy = RetryPolicy(
      retries: configuration.retries,
      maxElapsed: configuration.maxRetryElapsed,
      base: configuration.backoffBase,
      cap: configuration.backoffMax
    )
  }

  /// HTTP requests sent by this client (and its copies) so far, retries included.
  package var requestCount: Int { transport.requestCount }

  /// Lists every preset with a valid slug (see `listPresetsChecked`), dropping the warnings.
  package func listPresets() async throws(RemoteError) -> [LivePresetSummary] {
    try await listPresetsChecked().presets
  }

  /// Lists every preset, following `offset`/`limit` pages (see `listAll` for how a list ends). Presets are
  /// de-duplicated by id in case an update moves one across a page boundary mid-listing. A preset whose slug
  /// breaks the repository's slug rule is left out and reported once as a `remote.bad-slug` warning.
  package func listPresetsChecked() async throws(RemoteError) -> LivePresetListing {
    let items = try await listAll(path: "/presets", slug: nil, what: "presets")
    var seen: Set<String> = []
    var badSlugs: Set<String> = []
    var listing = LivePresetListing(presets: [], skipped: [])
    for (index, item) in items.enumerated() {
      let preset: LivePresetSummary
      do {
        preset = try LivePresetSummary(json: item, context: "presets[\(index)]")
      } catch {
        throw RemoteError(.decoding, message: scrub(error.message), request: "GET /presets")
      }
      guard seen.insert(preset.id).inserted else { continue }
      guard SlugRule.isValid(preset.slug) else {
        if badSlugs.insert(preset.slug).inserted {
          listing.skipped.append(LiveSlug.skipped(preset.slug, id: preset.id, scrubber: scrubber))
        }
        continue
      }
      listing.presets.append(preset)
    }
    return listing
  }

  /// Reads one preset with its designated version; nil when the server answers 404. An answer about another
  /// slug than `slug` is a `.wrongPreset` error naming both.
  package func getPreset(slug: String) async throws(RemoteError) -> LivePreset? {
    let call = try Call(method: "GET", path: presetPath(slug), slug: slug)
    let response = try await perform(call, accepting: [404])
    if response.status == 404 { return nil }
    let json = try decodeJSON(response, call: call)
    let live = try decodeData(json, call: call) { value throws(ShapeProblem) in try LivePreset(json: value) }
    try checkSlug(live, call: call)
    return live
  }

  /// Throws `.wrongPreset` unless `live` is the preset `call` was about.
  func checkSlug(_ live: LivePreset, call: Call) throws(RemoteError) {
    guard let asked = call.slug, live.slug != asked else { return }
    throw RemoteError(
      .wrongPreset, slug: asked,
      message:
        "asked for preset \(LiveSlug.quoted(asked, scrubber: scrubber)) but the server answered for preset "
        + "\(LiveSlug.quoted(live.slug, scrubber: scrubber)); the answer is not used",
      request: call.label)
  }

  /// Lists a preset's versions, oldest first, across all pages.
  package func listVersions(slug: String) async throws(RemoteError) -> [LiveVersion] {
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
  package func getVersion(slug: String, number: Int) async throws(RemoteError) -> LiveVersion {
    let call = try Call(method: "GET", path: presetPath(slug) + "/versions/\(number)", slug: slug)
    let response = try await perform(call)
    let json = try decodeJSON(response, call: call)
    return try decodeData(json, call: call) { value throws(ShapeProblem) in
      try LiveVersion(json: value, context: "version")
    }
  }

  /// Fetches all pages of a `{data, total_count}` list.
  ///
  /// A list ends normally on an empty page, once `total_count` items have arrived, or on a page shorter than
  /// the longest page seen so far (the server's real page size, which may be below `limit`). It ends with a
  /// `.pagination` error on a page that brings only ids already seen (a server that ignores `offset`) and after
  /// `maxListPages` pages, so a broken or hostile server cannot keep a command listing for ever.
  private func listAll(path: String, slug: String?, what: String) async throws(RemoteError) -> [JSONValue] {
    var items: [JSONValue] = []
    var ids: Set<String> = []
    var offset = 0
    var longestPage = 0
    for pageNumber in 1... {
      let call = Call(
        method: "GET", path: path, query: [("offset", "\(offset)"), ("limit", "\(configuration.pageSize)")],
        slug: slug)
      guard pageNumber <= configuration.maxListPages else {
        throw RemoteError(
          .pagination, slug: slug,
          message:
            "stopped listing \(what) after \(configuration.maxListPages) pages (\(items.count) items) without reaching "
            + "the end the server announced", request: "GET \(path)")
      }
      let response = try await perform(call)
      let json = try decodeJSON(response, call: call)
      let page: ListPage
      do {
        page = try ListPage(json: json, context: what)
      } catch {
        throw RemoteError(.decoding, slug: slug, message: scrub(error.message), request: call.label)
      }
      // An empty page ends the walk even if total_count promised more (it can shrink while we read).
      if page.items.isEmpty { return items }
      let newIds = page.items.compactMap { $0["id"]?.stringValue }.filter { ids.insert($0).inserted }
      if newIds.isEmpty && pageNumber > 1 {
        throw RemoteError(
          .pagination, slug: slug,
          message:
            "the page at offset \(offset) repeats only \(what) already listed (the server seems to ignore offset); "
            + "stopped after \(pageNumber) pages", request: call.label)
      }
      items += page.items
      offset += page.items.count
      if offset >= page.totalCount || page.items.count < longestPage { return items }
      longestPage = max(longestPage, page.items.count)
    }
    return items
  }

  /// Rounds a timeout up to whole seconds: URLSession on Linux truncates fractions (0.5 s fails at once).
  static func wholeSeconds(_ timeout: TimeInterval) -> TimeInterval {
    max(1, timeout.rounded(.up))
  }
}

/// The live presets a listing returned, and the warnings about those it left out.
package struct LivePresetListing: Sendable {
  /// Presets with valid slugs, in the server's order.
  package var presets: [LivePresetSummary]
  /// One `remote.bad-slug` warning per distinct invalid slug the server listed.
  package var skipped: [Diagnostic]
}
