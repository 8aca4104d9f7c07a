import Foundation
import PresetCore
import PresetKit
import PresetReconcile

/// An in-process OpenRouter preset API for tests and local walkthroughs.
///
/// Listens on 127.0.0.1 (port 0 picks a free one), serves the seven preset endpoints with the spec's shapes,
/// keeps presets and their version history in memory, and can be scripted to misbehave per request (see
/// `Fault`). Each connection runs on its own thread, so injected latency on one request never delays another.
/// Every connection answers one request and closes.
package final class FakeOpenRouter: @unchecked Sendable {
  // @unchecked: all mutable state is behind `lock`.

  /// Behaviour switches fixed at creation (latency can also change later).
  package struct Options: Sendable {
    /// The bearer key the fake accepts.
    package var apiKey: String
    /// The port to bind; 0 picks a free one.
    package var port: UInt16
    /// Stored configs gain the explicit nulls and defaults that presets made in the web UI show.
    package var addUIDefaults: Bool
    /// The defaults added when `addUIDefaults` is on.
    package var uiDefaults: JSONObject
    /// When set, config keys outside this set are dropped on POST (an API that "does not know" them).
    package var knownConfigKeys: Set<String>?
    /// When set, list pages hold at most this many items even if `limit` asks for more.
    package var pageSizeCap: Int?
    /// Delay before every request is handled (benchmarks).
    package var latency: TimeInterval

    /// Creates options; defaults give a plain, fast, faithful fake.
    package init(
      apiKey: String = "test-key", port: UInt16 = 0, addUIDefaults: Bool = false,
      uiDefaults: JSONObject = FakeOpenRouter.standardUIDefaults, knownConfigKeys: Set<String>? = nil,
      pageSizeCap: Int? = nil, latency: TimeInterval = 0
    ) {
      self.apiKey = apiKey
      self.port = port
      self.addUIDefaults = addUIDefaults
      self.uiDefaults = uiDefaults
      self.knownConfigKeys = knownConfigKeys
      self.pageSizeCap = pageSizeCap
      self.latency = latency
    }
  }

  /// What UI-made presets carry beyond what was set: the provider block with its defaults (FACTS.md) and
  /// explicit empty/null values.
  package static let standardUIDefaults: JSONObject = {
    guard
      case .object(let object) = JSONValue.object(
        JSONObject([
          .init(
            key: "provider",
            value: ["sort": nil, "order": [], "allow_fallbacks": true, "require_parameters": false]),
          .init(key: "models", value: []),
          .init(key: "stop", value: nil),
        ]))
    else { return JSONObject() }
    return object
  }()

  /// The options in force.
  package let options: Options

  let lock = NSLock()
  var store = FakeStore()
  var faultRules: [FaultRule] = []
  var recorded: [RecordedRequest] = []
  /// Requests inside their latency sleep right now, and the most ever seen at once.
  var inFlight = 0
  var peakInFlight = 0
  var currentLatency: TimeInterval
  /// What the catalogue endpoints serve; nil for the sample (`FakeOpenRouter+Catalogue.swift`).
  var catalogueData: CatalogueData?
  private var listener: Int32?
  private var boundPort: UInt16 = 0

  /// Creates a stopped fake; call `start()`.
  package init(options: Options = Options()) {
    self.options = options
    currentLatency = options.latency
  }

  deinit { stop() }

  /// The key the fake accepts.
  package var apiKey: String { options.apiKey }

  /// The bound port (0 before `start()`).
  package var port: UInt16 { lock.withLock { boundPort } }

  /// `http://127.0.0.1:<port>/api/v1`, the base URL to give the client.
  package var baseURL: URL {
    URL(string: "http://127.0.0.1:\(port)/api/v1") ?? URL(fileURLWithPath: "/")
  }

  /// Delay applied before every request (benchmarks); adjustable while running.
  package var latency: TimeInterval {
    get { lock.withLock { currentLatency } }
    set { lock.withLock { currentLatency = newValue } }
  }

  /// Binds the socket and starts the accept loop on its own thread.
  package func start() throws(FakeServerError) {
    let (fd, port) = try SocketIO.listen(port: options.port)
    lock.withLock {
      listener = fd
      boundPort = port
    }
    // Weak, so a fake that is dropped without `stop()` still deinitialises and closes its socket.
    let thread = Thread { [weak self] in Self.acceptLoop(fd, server: self) }
    thread.name = "fake-openrouter-accept"
    thread.start()
  }

  /// Closes the listener; requests already accepted finish on their own threads.
  package func stop() {
    let fd: Int32? = lock.withLock {
      defer { listener = nil }
      return listener
    }
    if let fd { SocketIO.shutdownListener(fd) }
  }

  private static func acceptLoop(_ listener: Int32, server: FakeOpenRouter?) {
    weak let server = server
    // This thread owns the listening descriptor; `stop()` only shuts it down.
    defer { SocketIO.close(listener) }
    while let connection = SocketIO.accept(listener) {
      guard let server else {
        SocketIO.close(connection)
        return
      }
      let thread = Thread { server.serve(connection) }
      thread.name = "fake-openrouter-connection"
      thread.start()
    }
  }

  // MARK: Scripting and inspection

  /// Queues `fault` for the next `times` requests matching `method` (nil: any) and `path` (a `*` glob over
  /// the path below `/api/v1`, e.g. `/presets/*/chat/completions`). Rules apply in the order added.
  package func inject(_ fault: Fault, method: String? = nil, path: String = "*", times: Int = 1) {
    lock.withLock {
      faultRules.append(FaultRule(fault: fault, method: method, pathPattern: path, remaining: max(1, times)))
    }
  }

  /// Drops all queued faults.
  package func clearFaults() { lock.withLock { faultRules.removeAll() } }

  /// Faults still queued (not yet used up).
  package var pendingFaults: Int { lock.withLock { faultRules.reduce(0) { $0 + $1.remaining } } }

  /// Every request received so far, in arrival order.
  package var requests: [RecordedRequest] { lock.withLock { recorded } }

  /// Requests with this method whose path matches the glob.
  package func requests(method: String? = nil, path: String = "*") -> [RecordedRequest] {
    requests.filter { request in
      (method.map { $0.uppercased() == request.method } ?? true) && Glob.matches(pattern: path, text: request.path)
    }
  }

  /// Stores a preset directly, as if made elsewhere (e.g. in the web UI), with one version per entry of
  /// `versions` (system prompt, config object; a non-object config is stored as `{}`); the last becomes
  /// designated. `uiMade` adds the UI defaults.
  @discardableResult
  package func seed(
    slug: String, versions: [(systemPrompt: String?, config: JSONValue)], name: String? = nil,
    description: String? = nil, status: String = "active", uiMade: Bool = false
  ) -> LivePreset? {
    lock.withLock {
      var last: StoredPreset?
      for entry in versions {
        let object = entry.config.objectValue ?? JSONObject()
        let config = uiMade ? PresetExtraction.addingDefaults(options.uiDefaults, to: object) : object
        last = store.addVersion(
          slug: slug, systemPrompt: entry.systemPrompt, config: config, name: name, description: description,
          status: status)
      }
      return last.flatMap(Self.livePreset)
    }
  }

  /// Stores a preset with one version.
  @discardableResult
  package func seed(
    slug: String, systemPrompt: String?, config: JSONValue, name: String? = nil, status: String = "active",
    uiMade: Bool = false
  ) -> LivePreset? {
    seed(slug: slug, versions: [(systemPrompt, config)], name: name, status: status, uiMade: uiMade)
  }

  /// What the fake currently stores for `slug`, in the client's types.
  package func preset(slug: String) -> LivePreset? {
    lock.withLock { store.presets[slug].flatMap(Self.livePreset) }
  }

  /// The most requests that were inside their latency wait at the same time: proof that clients overlap
  /// requests, without measuring wall time.
  package var peakConcurrentRequests: Int { lock.withLock { peakInFlight } }

  /// How many versions `slug` has (0 when absent).
  package func versionCount(slug: String) -> Int {
    lock.withLock { store.presets[slug]?.versions.count ?? 0 }
  }

  /// How many presets are stored.
  package var presetCount: Int { lock.withLock { store.presets.count } }

  static func livePreset(_ stored: StoredPreset) -> LivePreset? {
    let version = stored.designated.map {
      LiveVersion(
        id: $0.id, presetId: $0.presetId, version: $0.version, systemPrompt: $0.systemPrompt,
        config: .object($0.config), createdAt: $0.createdAt, updatedAt: $0.createdAt, creatorId: $0.creatorId)
    }
    return LivePreset(
      summary: LivePresetSummary(
        id: stored.id, slug: stored.slug, name: stored.name, description: stored.description,
        status: stored.status, designatedVersionId: version?.id, creatorUserId: stored.creatorUserId,
        workspaceId: stored.workspaceId, createdAt: stored.createdAt, updatedAt: stored.updatedAt),
      designatedVersion: version)
  }
}
