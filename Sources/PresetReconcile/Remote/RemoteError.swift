import PresetCore
import PresetSchema

/// A failure talking to OpenRouter, readable on its own and naming the preset when there is one.
///
/// Messages never contain the API key: the client scrubs server text (which may echo the key) before it
/// builds an error.
package struct RemoteError: Error, Sendable, CustomStringConvertible {
  /// What kind of failure this is; plan/apply code branches on it.
  package enum Kind: Sendable, Equatable {
    /// No API key was configured.
    case missingKey
    /// The key cannot be sent (control characters, spaces).
    case invalidKey
    /// The base URL or a slug cannot form a request URL, or plain http to a non-loopback host.
    case invalidURL
    /// A configuration value is out of range (timeout, retries).
    case invalidConfiguration
    /// The server answered with this HTTP status (after retries where they apply).
    case http(Int)
    /// The server answered with a redirect, which the client refuses to follow (it would carry the key).
    case redirect(Int)
    /// The connection failed (refused, reset, DNS, TLS).
    case transport
    /// No answer within the configured timeout.
    case timeout
    /// The answer was not the JSON shape the spec documents.
    case decoding
    /// A POST may or may not have been stored and reading the preset back did not settle it.
    case unknownOutcome
    /// The calling task was cancelled.
    case cancelled
    /// A slug the server sent breaks the repository's slug rule (`SlugRule`).
    case invalidSlug
    /// The server answered for another preset than the one asked for.
    case wrongPreset
    /// A 2xx answer whose body is the API's `{"error": {...}}` shape instead of data.
    case errorBody
    /// A list did not end the way the API documents (offset ignored, too many pages).
    case pagination
    /// The whole command's deadline (`--deadline`) passed.
    case deadline
  }

  /// A stable code per kind, e.g. `remote.timeout`, `remote.bad-slug`, `remote.http.503`.
  package var code: String {
    switch kind {
    case .missingKey: "remote.missing-key"
    case .invalidKey: "remote.invalid-key"
    case .invalidURL: "remote.invalid-url"
    case .invalidConfiguration: "remote.invalid-configuration"
    case .http(let status): "remote.http.\(status)"
    case .redirect: "remote.redirect"
    case .transport: "remote.transport"
    case .timeout: "remote.timeout"
    case .decoding: "remote.decoding"
    case .unknownOutcome: "remote.unknown-outcome"
    case .cancelled: "remote.cancelled"
    case .invalidSlug: "remote.bad-slug"
    case .wrongPreset: "remote.wrong-preset"
    case .errorBody: "remote.error-body"
    case .pagination: "remote.pagination"
    case .deadline: "remote.deadline"
    }
  }

  /// What kind of failure this is.
  package var kind: Kind
  /// The preset the request was about, if any.
  package var slug: String?
  /// A readable explanation (without the preset prefix; `description` adds it).
  package var message: String
  /// The request, e.g. `POST /presets/my-preset/chat/completions`, when one was made.
  package var request: String?
  /// How many HTTP attempts were made for the failing operation (0 when none was sent).
  package var attempts: Int

  /// Creates an error. Callers pass text that is already free of the key.
  package init(_ kind: Kind, slug: String? = nil, message: String, request: String? = nil, attempts: Int = 0) {
    self.kind = kind
    self.slug = slug
    self.message = message
    self.request = request
    self.attempts = attempts
  }

  /// `preset 'slug': message (request, N attempts)`.
  package var description: String {
    var text = slug.map { "preset '\($0)': " } ?? ""
    text += message
    var details: [String] = []
    if let request { details.append(request) }
    if attempts > 1 { details.append("\(attempts) attempts") }
    if !details.isEmpty { text += " (" + details.joined(separator: ", ") + ")" }
    return text
  }

  /// The same error with `reason` (why it was not retried) added to the message; unchanged when nil.
  func adding(reason: String?) -> RemoteError {
    guard let reason else { return self }
    var copy = self
    copy.message += "; not retried: " + reason
    return copy
  }

  /// True for statuses and failures where a later retry by the user may succeed.
  package var isTransient: Bool {
    switch kind {
    case .http(let status): RetryPolicy.retryableStatuses.contains(status)
    case .transport, .timeout, .unknownOutcome: true
    default: false
    }
  }
}
