import Foundation

extension FakeOpenRouter {
  /// A misbehaviour injected into one matching request.
  package enum Fault: Sendable, Equatable, CustomStringConvertible {
    /// Waits, then handles the request normally.
    case latency(TimeInterval)
    /// Answers this status with an error body (and `Retry-After` seconds if given) without handling the request.
    case status(Int, retryAfter: Int? = nil)
    /// Handles the request (a POST is stored), then answers this status: the client cannot know it was stored.
    case statusAfterApply(Int)
    /// Closes the connection with a reset before handling anything.
    case reset
    /// Handles the request, then resets the connection without answering.
    case resetAfterApply
    /// Handles the request, then answers only after this delay (the client times out meanwhile).
    case lateAnswer(TimeInterval)
    /// Waits this long, then resets without handling (a POST is not stored; the client times out).
    case stall(TimeInterval)
    /// Answers `307` with a `Location` on another host, without handling.
    case redirect(to: String)
    /// Answers 401 with an error message that repeats the received `Authorization` header.
    case echoKey
    /// Handles the request, then sends only the first half of the JSON answer (with a matching length).
    case truncatedJSON
    /// Handles the request, then answers an HTML page with `Content-Type: text/html`.
    case wrongContentType
    /// Handles the request, then streams a 200 JSON answer of `bytes` bytes (whitespace after `{"data":[`),
    /// with a `Content-Length` when `declaredLength`, else delimited by closing; stops when the client leaves.
    case enormousBody(bytes: Int, declaredLength: Bool)
    /// Handles the request, then sends its answer one byte every `interval` seconds (a slow-loris server).
    case slowLoris(interval: TimeInterval)
    /// Sleeps this long, then handles the request (a POST is committed) even though the client gave up
    /// meanwhile, and answers into the void: a server that commits a POST after the client's timeout.
    case slowCommit(TimeInterval)
    /// A list endpoint that ignores `offset`: answers a full page (`limit` items) and a huge `total_count`.
    /// With `freshIds` every page holds new ids (an endless list), else the same page comes back every time.
    case offsetIgnored(freshIds: Bool)
    /// Handles the request, then answers with `data.slug` replaced by this slug (an answer about another preset).
    case answerForSlug(String)
    /// Answers 200 with the error shape `{"error": {"code", "message"}}` instead of data, without handling.
    /// With `echoKey` the message repeats the received `Authorization` header.
    case errorWith200(message: String, echoKey: Bool)

    /// A short name for logs and records.
    package var description: String {
      switch self {
      case .latency(let seconds): "latency(\(seconds))"
      case .status(let status, let retryAfter): "status(\(status)\(retryAfter.map { ", retry-after \($0)" } ?? ""))"
      case .statusAfterApply(let status): "statusAfterApply(\(status))"
      case .reset: "reset"
      case .resetAfterApply: "resetAfterApply"
      case .lateAnswer(let seconds): "lateAnswer(\(seconds))"
      case .stall(let seconds): "stall(\(seconds))"
      case .redirect(let location): "redirect(\(location))"
      case .echoKey: "echoKey"
      case .truncatedJSON: "truncatedJSON"
      case .wrongContentType: "wrongContentType"
      case .enormousBody(let bytes, let declared): "enormousBody(\(bytes)\(declared ? ", declared" : ""))"
      case .slowLoris(let interval): "slowLoris(\(interval))"
      case .slowCommit(let seconds): "slowCommit(\(seconds))"
      case .offsetIgnored(let fresh): "offsetIgnored(\(fresh ? "fresh ids" : "same page"))"
      case .answerForSlug(let slug): "answerForSlug(\(slug))"
      case .errorWith200(let message, let echo): "errorWith200(\(message)\(echo ? ", echo key" : ""))"
      }
    }
  }

  /// A fault waiting for requests that match `method` (nil: any) and `path`, a glob over the path below
  /// `/api/v1` as sent (percent-encoded, without the query) where `*` matches any run of characters.
  struct FaultRule: Sendable {
    var fault: Fault
    var method: String?
    var pathPattern: String
    var remaining: Int

    func matches(method: String, path: String) -> Bool {
      if let expected = self.method, expected.uppercased() != method.uppercased() { return false }
      return Glob.matches(pattern: pathPattern, text: path)
    }
  }
}

/// `*`-only glob matching.
enum Glob {
  static func matches(pattern: String, text: String) -> Bool {
    let pattern = Array(pattern.utf8)
    let text = Array(text.utf8)
    var p = 0
    var t = 0
    var starP = -1
    var starT = 0
    while t < text.count {
      if p < pattern.count && pattern[p] == UInt8(ascii: "*") {
        starP = p
        starT = t
        p += 1
      } else if p < pattern.count && pattern[p] == text[t] {
        p += 1
        t += 1
      } else if starP >= 0 {
        p = starP + 1
        starT += 1
        t = starT
      } else {
        return false
      }
    }
    while p < pattern.count && pattern[p] == UInt8(ascii: "*") { p += 1 }
    return p == pattern.count
  }
}
