import Foundation
import PresetCore
import PresetKit
import PresetSchema

extension FakeOpenRouter {
  /// Handles one connection: read, record, apply any fault, answer, close.
  func serve(_ fd: Int32) {
    let request: FakeHTTPRequest
    do {
      request = try FakeHTTPReader.read(fd)
    } catch {
      if case .malformed(let reason) = error {
        SocketIO.write(fd, FakeHTTPResponse.error(400, "Malformed request: \(reason)").serialized())
      }
      SocketIO.close(fd)
      return
    }
    let relativePath =
      request.path.hasPrefix("/api/v1") ? String(request.path.dropFirst("/api/v1".count)) : request.path
    let authorization = request.headers["authorization"]
    let (fault, latency) = lock.withLock { () -> (Fault?, TimeInterval) in
      var fault: Fault?
      if let index = faultRules.firstIndex(where: { $0.matches(method: request.method, path: relativePath) }) {
        fault = faultRules[index].fault
        faultRules[index].remaining -= 1
        if faultRules[index].remaining <= 0 { faultRules.remove(at: index) }
      }
      var headers = request.headers
      headers["authorization"] = nil
      recorded.append(
        RecordedRequest(
          method: request.method, path: relativePath, query: request.query, headers: headers,
          hadAuthorization: authorization != nil, authorized: authorization == "Bearer \(options.apiKey)",
          body: request.body, fault: fault))
      return (fault, currentLatency)
    }
    if latency > 0 {
      lock.withLock {
        inFlight += 1
        peakInFlight = max(peakInFlight, inFlight)
      }
      Thread.sleep(forTimeInterval: latency)
      lock.withLock { inFlight -= 1 }
    }

    let handle = { self.handle(request, relativePath: relativePath) }
    switch fault {
    case nil:
      SocketIO.write(fd, handle().serialized())
    case .latency(let seconds)?:
      Thread.sleep(forTimeInterval: seconds)
      SocketIO.write(fd, handle().serialized())
    case .status(let status, let retryAfter)?:
      let extra = retryAfter.map { [("Retry-After", String($0))] } ?? []
      SocketIO.write(fd, FakeHTTPResponse.error(status, Self.faultMessage(status), extraHeaders: extra).serialized())
    case .statusAfterApply(let status)?:
      _ = handle()
      SocketIO.write(fd, FakeHTTPResponse.error(status, Self.faultMessage(status)).serialized())
    case .reset?:
      SocketIO.reset(fd)
      return
    case .resetAfterApply?:
      _ = handle()
      SocketIO.reset(fd)
      return
    case .lateAnswer(let seconds)?:
      let response = handle()
      Thread.sleep(forTimeInterval: seconds)
      SocketIO.write(fd, response.serialized())
    case .stall(let seconds)?:
      Thread.sleep(forTimeInterval: seconds)
      SocketIO.reset(fd)
      return
    case .redirect(let location)?:
      let response = FakeHTTPResponse(
        status: 307, headers: [("Location", location), ("Content-Type", "text/plain")], body: Array("moved".utf8))
      SocketIO.write(fd, response.serialized())
    case .echoKey?:
      let message = "Invalid credentials in header 'Authorization: \(authorization ?? "")'"
      SocketIO.write(fd, FakeHTTPResponse.error(401, message).serialized())
    case .truncatedJSON?:
      var response = handle()
      response.body = Array(response.body.prefix(max(1, response.body.count / 2)))
      SocketIO.write(fd, response.serialized())
    case .wrongContentType?:
      _ = handle()
      let page = "<html><body><h1>502 Bad Gateway</h1></body></html>"
      let response = FakeHTTPResponse(
        status: 200, headers: [("Content-Type", "text/html; charset=utf-8")], body: Array(page.utf8))
      SocketIO.write(fd, response.serialized())
    case .enormousBody(let bytes, let declaredLength)?:
      _ = handle()
      Self.streamEnormousBody(fd, bytes: bytes, declaredLength: declaredLength)
    case .slowCommit(let seconds)?:
      Thread.sleep(forTimeInterval: seconds)
      SocketIO.write(fd, handle().serialized())
    case .offsetIgnored(let freshIds)?:
      SocketIO.write(fd, Self.endlessPage(request, freshIds: freshIds, serial: recordedCount).serialized())
    case .answerForSlug(let slug)?:
      SocketIO.write(fd, Self.replacingSlug(in: handle(), with: slug).serialized())
    case .errorWith200(let message, let echoKey)?:
      let text = echoKey ? "\(message) (Authorization: \(authorization ?? ""))" : message
      SocketIO.write(fd, FakeHTTPResponse.error(500, text).withStatus(200).serialized())
    case .slowLoris(let interval)?:
      for byte in handle().serialized() {
        guard SocketIO.write(fd, [byte]) else { break }
        Thread.sleep(forTimeInterval: interval)
      }
    }
    SocketIO.close(fd)
  }

  /// Requests recorded so far (numbers the pages of `offsetIgnored(freshIds: true)`).
  var recordedCount: Int { lock.withLock { recorded.count } }

  /// A full list page whatever the offset, claiming a billion items.
  static func endlessPage(_ request: FakeHTTPRequest, freshIds: Bool, serial: Int) -> FakeHTTPResponse {
    let limit = request.query["limit"].flatMap { Int($0) }.map { min(max($0, 1), 100) } ?? 50
    let prefix = freshIds ? "p\(serial)-" : ""
    let items: [JSONValue] = (0..<limit).map { index in
      let stored = StoredPreset(
        id: "endless-\(prefix)\(index)", slug: "endless-\(prefix)\(index)", name: "endless", description: nil,
        status: "active", creatorUserId: FakeStore.creatorId, workspaceId: FakeStore.workspaceId,
        createdAt: FakeStore.timestamp(0), updatedAt: FakeStore.timestamp(0), updateTick: 0, versions: [],
        designatedIndex: nil)
      return stored.summaryJSON
    }
    return .json(200, ["data": .array(items), "total_count": 1_000_000_000])
  }

  /// The answer with `data.slug` set to `slug` (unchanged when it is not a `{data: {...}}` JSON answer).
  static func replacingSlug(in response: FakeHTTPResponse, with slug: String) -> FakeHTTPResponse {
    guard let json = try? JSONParser.parse(response.body), case .object(var object) = json,
      case .object(var data)? = object["data"]
    else { return response }
    data["slug"] = .string(slug)
    object["data"] = .object(data)
    return .json(response.status, .object(object))
  }

  /// Writes a huge JSON-looking answer in 64 KiB pieces without holding it in memory.
  static func streamEnormousBody(_ fd: Int32, bytes: Int, declaredLength: Bool) {
    var head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
    if declaredLength { head += "Content-Length: \(bytes)\r\n" }
    head += "Connection: close\r\n\r\n{\"data\":["
    guard SocketIO.write(fd, Array(head.utf8)) else { return }
    let piece = [UInt8](repeating: UInt8(ascii: " "), count: 65_536)
    var sent = 9
    while sent < bytes {
      let count = min(piece.count, bytes - sent)
      guard SocketIO.write(fd, count == piece.count ? piece : Array(piece.prefix(count))) else { return }
      sent += count
    }
  }

  static func faultMessage(_ status: Int) -> String {
    switch status {
    case 409: "Resource conflict. Please try again later."
    case 429: "Rate limit exceeded"
    case 500: "Internal Server Error"
    case 502: "Bad Gateway"
    case 503: "Service Unavailable"
    case 504: "Gateway Timeout"
    default: FakeHTTPResponse.reason(status)
    }
  }
}
