import Foundation
import PresetCore
import PresetModel
import PresetSchema

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

extension OpenRouterClient {
  /// `/presets/<slug>`, or with a skin the path that creates a version (`PresetEndpoint`); an empty slug is refused.
  func presetPath(_ slug: String, skin: Skin? = nil) throws(RemoteError) -> String {
    guard !slug.isEmpty else { throw RemoteError(.invalidURL, message: "a preset slug must not be empty") }
    return skin.map { PresetEndpoint.create(slug, skin: $0) } ?? PresetEndpoint.preset(slug)
  }

  func urlRequest(_ call: Call) throws(RemoteError) -> URLRequest {
    var text = base + call.path
    if !call.query.isEmpty {
      text +=
        "?" + call.query.map { "\(PathEncoding.segment($0.0))=\(PathEncoding.segment($0.1))" }.joined(separator: "&")
    }
    guard let url = URL(string: text) else {
      throw RemoteError(.invalidURL, slug: call.slug, message: "cannot form a URL for \(call.label)")
    }
    var request = URLRequest(url: url)
    request.httpMethod = call.method
    // Set as a property: the initializer's timeout argument is ignored by FoundationNetworking. Each attempt
    // sets it again, cut to the deadline (`attempt`).
    request.timeoutInterval = Self.wholeSeconds(configuration.timeout)
    if !configuration.anonymous {
      request.setValue("Bearer \(configuration.apiKey.secret)", forHTTPHeaderField: "Authorization")
    }
    request.setValue("application/json", forHTTPHeaderField: "Accept")
    request.setValue(configuration.userAgent, forHTTPHeaderField: "User-Agent")
    if let body = call.body {
      request.setValue("application/json", forHTTPHeaderField: "Content-Type")
      request.httpBody = Data(body)
    }
    return request
  }

  /// Sends an idempotent request, retrying transient failures, and returns a 2xx answer or one whose status
  /// is in `accepting`; anything else becomes an error. Nothing is sent once the command's deadline has passed.
  func perform(_ call: Call, accepting: Set<Int> = []) async throws(RemoteError) -> HTTPResponse {
    let request = try urlRequest(call)
    return try await retrying(call, request) { outcome, timeout, attempts throws(RemoteError) in
      switch outcome {
      case .response(let response):
        if (200..<300).contains(response.status) || accepting.contains(response.status) { return .done(response) }
        let failure = error(from: response, call: call, attempts: attempts)
        guard RetryPolicy.retryableStatuses.contains(response.status) else { throw failure }
        return .failed(failure, retryAfter: RetryPolicy.retryAfterSeconds(response.header("Retry-After")))
      case .failure(let transportFailure):
        if transportFailure.isTimeout && deadlineLeft <= 0 {
          throw deadlineError(call, attempts: attempts, waiting: true)
        }
        let failure = error(from: transportFailure, call: call, attempts: attempts, timeout: timeout)
        if transportFailure.isCancelled { throw failure }
        return .failed(failure, retryAfter: nil)
      }
    }
  }

  func checkCancellation(_ call: Call) throws(RemoteError) {
    if Task.isCancelled {
      throw RemoteError(.cancelled, slug: call.slug, message: "cancelled", request: call.label)
    }
  }

  func sleep(_ seconds: TimeInterval, call: Call) async throws(RemoteError) {
    guard seconds > 0 else { return }
    do {
      try await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
    } catch {
      throw RemoteError(.cancelled, slug: call.slug, message: "cancelled while waiting to retry", request: call.label)
    }
  }

  /// Parses a 2xx body as JSON; a wrong content type or broken JSON is a decoding error.
  func decodeJSON(_ response: HTTPResponse, call: Call) throws(RemoteError) -> JSONValue {
    let contentType = response.header("Content-Type") ?? "(none)"
    guard contentType.lowercased().contains("json") else {
      throw RemoteError(
        .decoding, slug: call.slug,
        message: "expected a JSON answer, got content type \(scrub(contentType)): \(snippet(response.body))",
        request: call.label)
    }
    do {
      return try JSONParser.parse(response.body)
    } catch {
      throw RemoteError(
        .decoding, slug: call.slug, message: "the answer is not valid JSON (\(error.description))",
        request: call.label)
    }
  }

  /// Decodes the `data` member of an answer with `decode`.
  func decodeData<T>(
    _ json: JSONValue, call: Call, _ decode: (JSONValue) throws(ShapeProblem) -> T
  ) throws(RemoteError) -> T {
    if json["data"] == nil, let message = json["error"]?["message"]?.stringValue {
      throw RemoteError(
        .errorBody, slug: call.slug, message: "the server answered with an error: \(scrub(oneLine(message)))",
        request: call.label)
    }
    do throws(ShapeProblem) {
      guard let data = json["data"] else { throw ShapeProblem(message: "the answer lacks \"data\"") }
      return try decode(data)
    } catch {
      throw RemoteError(.decoding, slug: call.slug, message: scrub(error.message), request: call.label)
    }
  }

  /// Builds a readable error from a non-2xx answer, using the spec's `{"error": {"code", "message"}}` body.
  func error(from response: HTTPResponse, call: Call, attempts: Int) -> RemoteError {
    if (300..<400).contains(response.status) {
      let target = response.header("Location").flatMap { URL(string: $0)?.host } ?? "another location"
      return RemoteError(
        .redirect(response.status), slug: call.slug,
        message:
          "refused to follow an HTTP \(response.status) redirect to \(scrub(target)) (it would carry the API key)",
        request: call.label, attempts: attempts)
    }
    var serverMessage: String?
    if let json = try? JSONParser.parse(response.body), let message = json["error"]?["message"]?.stringValue {
      serverMessage = message
    }
    let detail = serverMessage.map { scrub(oneLine($0)) } ?? snippet(response.body)
    var message = "HTTP \(response.status) \(Self.reason(response.status))"
    if !detail.isEmpty { message += ": \(detail)" }
    if response.status == 401 { message += " — check the API key (from \(configuration.apiKey.source))" }
    return RemoteError(
      .http(response.status), slug: call.slug, message: message, request: call.label, attempts: attempts)
  }

  func error(from failure: TransportFailure, call: Call, attempts: Int, timeout: TimeInterval) -> RemoteError {
    if failure.isTimeout {
      return RemoteError(
        .timeout, slug: call.slug, message: "no answer within \(RetryState.seconds(timeout))", request: call.label,
        attempts: attempts)
    }
    if failure.isCancelled {
      return RemoteError(.cancelled, slug: call.slug, message: "cancelled", request: call.label, attempts: attempts)
    }
    return RemoteError(
      .transport, slug: call.slug,
      message: "connection failed: \(scrub(failure.detail)) (URL error \(failure.code))",
      request: call.label, attempts: attempts)
  }

  static func reason(_ status: Int) -> String {
    switch status {
    case 400: "Bad Request"
    case 401: "Unauthorized"
    case 403: "Forbidden"
    case 404: "Not Found"
    case 408: "Request Timeout"
    case 409: "Conflict"
    case 429: "Too Many Requests"
    case 500: "Internal Server Error"
    case 502: "Bad Gateway"
    case 503: "Service Unavailable"
    case 504: "Gateway Timeout"
    default: ""
    }
  }

  /// The start of a non-JSON body, on one line, without the key.
  func snippet(_ body: [UInt8]) -> String {
    let text = String(decoding: body.prefix(300), as: UTF8.self)
    var line = oneLine(text)
    if body.count > 300 { line += "…" }
    return scrub(line)
  }

  func oneLine(_ text: String) -> String {
    String(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) })
      .trimmingCharacters(in: .whitespaces)
  }

  /// Removes the key from server-provided text: the whole key, and any token that is a long piece of it
  /// (servers sometimes echo a truncated key).
  package func scrub(_ text: String) -> String { scrubber.scrub(text) }

  /// The scrubber for this client's key.
  var scrubber: KeyScrubber { KeyScrubber(secret: configuration.apiKey.secret) }
}
