import Foundation
import PresetCore
import PresetSchema

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

extension OpenRouterClient {
  /// The HTTP statuses after which an inference POST is sent again: 429 is a refusal (nothing ran). Every other
  /// failure may have reached a model (and cost money), so it is reported, never repeated.
  static let inferenceRetryStatuses: Set<Int> = [429]

  /// POSTs `body` to `skin`'s inference endpoint (`/chat/completions`, `/messages`, `/responses`) and reads the
  /// reply. With `onText`, asks for a stream (`stream: true`) and hands each piece of text over as it arrives.
  ///
  /// An inference POST is not idempotent: it is sent again only when it cannot have reached the server (the
  /// connection was refused or the host not found) or the server refused it with 429; a timeout, a 5xx or a
  /// connection lost after sending is reported at once. Key handling, deadline and answer-size cap are the
  /// client's usual ones.
  package func infer(
    skin: Skin, body: JSONObject, onText: (@Sendable (String) -> Void)? = nil
  ) async throws(RemoteError) -> InferenceReply {
    var body = body
    if onText != nil { body["stream"] = .bool(true) } else { body["stream"] = nil }
    let bytes = Array(JSONWriter.string(.object(body), options: .compact).utf8)
    var call = Call(method: "POST", path: "/" + skin.endpointPath, body: bytes, slug: nil)
    var request = try urlRequest(call)
    if onText != nil { request.setValue("text/event-stream, application/json", forHTTPHeaderField: "Accept") }
    call.slug = nil
    var state = RetryState(policy: policy)
    while true {
      try checkCancellation(call)
      state.attempts += 1
      let stream = onText.map { InferenceStream(skin: skin, onText: $0) }
      let (outcome, timeout) = try await send(request, call, attempts: state.attempts, onChunk: stream?.feed)
      let failure: RemoteError
      var retryAfter: TimeInterval?
      switch outcome {
      case .response(let response) where (200..<300).contains(response.status):
        return try reply(response, skin: skin, call: call, stream: stream, onText: onText)
      case .response(let response):
        failure = error(from: response, call: call, attempts: state.attempts)
        guard Self.inferenceRetryStatuses.contains(response.status) else { throw failure }
        retryAfter = RetryPolicy.retryAfterSeconds(response.header("Retry-After"))
      case .failure(let transportFailure):
        if transportFailure.isTimeout && deadlineLeft <= 0 {
          throw deadlineError(call, attempts: state.attempts, waiting: true)
        }
        failure = error(from: transportFailure, call: call, attempts: state.attempts, timeout: timeout)
        guard transportFailure.neverReachedServer else {
          throw failure.adding(reason: "not retried: the request may have reached a model")
        }
      }
      switch state.decide(retryAfter: retryAfter, deadlineLeft: deadlineLeft) {
      case .retry(let delay): try await sleep(delay, call: call)
      case .stop(let reason): throw failure.adding(reason: reason)
      }
    }
  }

  /// The reply in a 2xx answer: a finished stream, or a JSON answer (also when a stream was asked for but the
  /// server answered whole; its text then goes to `onText` at once).
  private func reply(
    _ response: HTTPResponse, skin: Skin, call: Call, stream: InferenceStream?,
    onText: (@Sendable (String) -> Void)?
  ) throws(RemoteError) -> InferenceReply {
    let contentType = response.header("Content-Type")?.lowercased() ?? ""
    if let stream, contentType.contains("text/event-stream") {
      let (reply, problem) = stream.finish()
      if let problem {
        throw RemoteError(
          .errorBody, message: "the stream ended with an error: \(scrub(oneLine(problem)))", request: call.label)
      }
      return reply
    }
    let json = try decodeJSON(response, call: call)
    if json["choices"] == nil, json["content"] == nil, json["output"] == nil,
      let message = json["error"]?["message"]?.stringValue
    {
      throw RemoteError(
        .errorBody, message: "the server answered with an error: \(scrub(oneLine(message)))", request: call.label)
    }
    let reply = InferenceReply(answer: json, skin: skin)
    if let onText, !reply.text.isEmpty { onText(reply.text) }
    return reply
  }
}

/// The state of one streamed reply, fed from the session's delegate queue as bytes arrive.
final class InferenceStream: @unchecked Sendable {
  // @unchecked: every field is behind `lock`.
  private let lock = NSLock()
  private var events = ServerSentEvents()
  private var reply = InferenceReply()
  private var problem: String?
  private let skin: Skin
  private let onText: @Sendable (String) -> Void

  init(skin: Skin, onText: @escaping @Sendable (String) -> Void) {
    self.skin = skin
    self.onText = onText
  }

  /// Takes the next piece of the body.
  @Sendable func feed(_ bytes: [UInt8]) {
    let pieces = lock.withLock { () -> [String] in
      events.feed(bytes).map { apply($0) }
    }
    for piece in pieces where !piece.isEmpty { onText(piece) }
  }

  /// The reply once the body has ended, and the error an event or an oversized line reported.
  func finish() -> (InferenceReply, String?) {
    let last = lock.withLock { () -> String in events.finish().map { apply($0) } ?? "" }
    if !last.isEmpty { onText(last) }
    return lock.withLock {
      (reply, problem ?? (events.overflowed ? "a stream line was longer than the limit" : nil))
    }
  }

  /// Applies one event (lock held); returns its text.
  private func apply(_ data: String) -> String {
    let (text, error) = reply.apply(eventData: data, skin: skin)
    if let error, problem == nil { problem = error }
    return text
  }
}
