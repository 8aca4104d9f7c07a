import Foundation
import PresetCore

extension OpenRouterClient {
  /// Where and how the client talks to OpenRouter.
  package struct Configuration: Sendable {
    /// OpenRouter's production API root.
    package static let defaultBaseURL = URL(string: "https://openrouter.ai/api/v1")!

    /// API root; paths such as `/presets` are appended. Plain `http` is accepted only for loopback hosts
    /// (127.0.0.1, ::1, localhost), so the key never crosses a network unencrypted.
    package var baseURL: URL
    /// The bearer key.
    package var apiKey: APIKey
    /// Per-request timeout. URLSession on Linux honours whole seconds only, so it is rounded up (minimum 1 s).
    package var timeout: TimeInterval
    /// Maximum retries per operation after the first attempt.
    package var retries: Int
    /// Upper bound on the time an operation may spend including retries; a backoff that would pass it ends the
    /// operation instead.
    package var maxRetryElapsed: TimeInterval
    /// Delay before the first retry; doubles with each further retry (with jitter), up to `backoffMax`.
    package var backoffBase: TimeInterval
    /// Cap for one backoff delay (a larger `Retry-After` still wins).
    package var backoffMax: TimeInterval
    /// Items per page when listing (the API allows 1...100).
    package var pageSize: Int
    /// The `User-Agent` header.
    package var userAgent: String
    /// Seconds the whole client (one command) may spend talking to OpenRouter, counted from the client's
    /// creation. Each request's timeout is cut to what is left; once it is spent, every further request fails
    /// with a `.deadline` error without being sent.
    package var deadline: TimeInterval
    /// After a POST with an unknown outcome, how long to keep reading the preset back (with backoff) waiting
    /// for the in-flight POST to land before the POST is sent again. Nil means `timeout` + `graceExtra`
    /// (a POST the client gave up on may still be committed up to about one timeout later); 0 reads once.
    package var unknownOutcomeGrace: TimeInterval?
    /// Pages one list may take before it is stopped as endless (a server that ignores `offset`).
    package var maxListPages: Int
    /// True for a client of the public catalogue, which needs no key: none is required and none is sent.
    package var anonymous = false

    /// The default for `deadline`: 10 minutes.
    package static let defaultDeadline: TimeInterval = 600
    /// Seconds added to `timeout` for the default `unknownOutcomeGrace`.
    package static let graceExtra: TimeInterval = 10
    /// The default for `maxListPages`: 1,000 pages (100,000 presets at the API's 100 per page).
    package static let defaultMaxListPages = 1_000

    /// Creates a configuration with production defaults.
    package init(
      apiKey: APIKey,
      baseURL: URL = Configuration.defaultBaseURL,
      timeout: TimeInterval = 30,
      retries: Int = 5,
      maxRetryElapsed: TimeInterval = 120,
      backoffBase: TimeInterval = 0.5,
      backoffMax: TimeInterval = 30,
      pageSize: Int = 100,
      userAgent: String = "presetctl/\(ToolVersion.current)",
      deadline: TimeInterval = Configuration.defaultDeadline,
      unknownOutcomeGrace: TimeInterval? = nil,
      maxListPages: Int = Configuration.defaultMaxListPages
    ) {
      self.apiKey = apiKey
      self.baseURL = baseURL
      self.timeout = timeout
      self.retries = retries
      self.maxRetryElapsed = maxRetryElapsed
      self.backoffBase = backoffBase
      self.backoffMax = backoffMax
      self.pageSize = pageSize
      self.userAgent = userAgent
      self.deadline = deadline
      self.unknownOutcomeGrace = unknownOutcomeGrace
      self.maxListPages = maxListPages
    }

    /// The grace in force: `unknownOutcomeGrace`, or `timeout` + `graceExtra`.
    var effectiveGrace: TimeInterval { unknownOutcomeGrace ?? (timeout + Self.graceExtra) }

    /// Hosts for which plain http is allowed.
    static let loopbackHosts: Set<String> = ["127.0.0.1", "::1", "[::1]", "localhost"]

    /// Checks every field and returns the base URL text without a trailing slash.
    func validatedBase() throws(RemoteError) -> String {
      if !anonymous, let problem = apiKey.headerProblem {
        throw RemoteError(apiKey.isEmpty ? .missingKey : .invalidKey, message: problem)
      }
      guard timeout > 0, timeout.isFinite else {
        throw RemoteError(.invalidConfiguration, message: "timeout must be a positive number of seconds")
      }
      guard retries >= 0 else { throw RemoteError(.invalidConfiguration, message: "retries must not be negative") }
      guard maxRetryElapsed >= 0, backoffBase >= 0, backoffMax >= 0, maxRetryElapsed.isFinite else {
        throw RemoteError(.invalidConfiguration, message: "backoff delays must not be negative")
      }
      guard deadline > 0, deadline.isFinite else {
        throw RemoteError(.invalidConfiguration, message: "deadline must be a positive number of seconds")
      }
      guard effectiveGrace >= 0, effectiveGrace.isFinite, maxListPages >= 1 else {
        throw RemoteError(.invalidConfiguration, message: "grace and page limit must not be negative")
      }
      guard (1...100).contains(pageSize) else {
        throw RemoteError(.invalidConfiguration, message: "page size must be 1...100 (the API's limit)")
      }
      guard let components = URLComponents(url: baseURL, resolvingAgainstBaseURL: false),
        let scheme = components.scheme?.lowercased(), let host = components.host, !host.isEmpty
      else {
        throw RemoteError(.invalidURL, message: "base URL \(baseURL.absoluteString) has no scheme or host")
      }
      guard components.user == nil, components.password == nil, components.query == nil,
        components.fragment == nil
      else {
        throw RemoteError(.invalidURL, message: "base URL must not carry credentials, a query or a fragment")
      }
      switch scheme {
      case "https":
        break
      case "http":
        guard Self.loopbackHosts.contains(host.lowercased()) else {
          throw RemoteError(
            .invalidURL,
            message: "refusing plain http to \(host): the API key would travel unencrypted (use https)"
          )
        }
      default:
        throw RemoteError(.invalidURL, message: "base URL scheme \(scheme) is not http(s)")
      }
      var text = baseURL.absoluteString
      while text.hasSuffix("/") { text.removeLast() }
      return text
    }
  }
}
