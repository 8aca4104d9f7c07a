import PresetCore
import PresetKit
import PresetReconcile

/// One parsed HTTP/1.1 request as the fake received it.
struct FakeHTTPRequest {
  var method: String
  /// The request target's path, still percent-encoded.
  var path: String
  /// Query parameters, percent-decoded; a repeated name keeps the last value.
  var query: [String: String]
  /// Header fields with lowercased names.
  var headers: [String: String]
  var body: [UInt8]
}

/// One answer to write.
struct FakeHTTPResponse {
  var status: Int
  var headers: [(String, String)] = []
  var body: [UInt8] = []

  /// A JSON answer.
  static func json(_ status: Int, _ value: JSONValue, extraHeaders: [(String, String)] = []) -> FakeHTTPResponse {
    FakeHTTPResponse(
      status: status, headers: [("Content-Type", "application/json")] + extraHeaders,
      body: Array(JSONWriter.string(value, options: .compact).utf8))
  }

  /// The spec's error body: `{"error": {"code", "message", "metadata"}}`.
  static func error(_ status: Int, _ message: String, extraHeaders: [(String, String)] = []) -> FakeHTTPResponse {
    json(
      status, ["error": ["code": .number(Double(status)), "message": .string(message), "metadata": nil]],
      extraHeaders: extraHeaders)
  }

  /// The same answer with another status line (e.g. an error body under 200).
  func withStatus(_ status: Int) -> FakeHTTPResponse {
    var copy = self
    copy.status = status
    return copy
  }

  /// The bytes on the wire; the connection always closes after one answer.
  func serialized() -> [UInt8] {
    var head = "HTTP/1.1 \(status) \(FakeHTTPResponse.reason(status))\r\n"
    for (name, value) in headers { head += "\(name): \(value)\r\n" }
    head += "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
    return Array(head.utf8) + body
  }

  static func reason(_ status: Int) -> String {
    switch status {
    case 100: "Continue"
    case 200: "OK"
    case 307: "Temporary Redirect"
    case 400: "Bad Request"
    case 401: "Unauthorized"
    case 404: "Not Found"
    case 405: "Method Not Allowed"
    case 408: "Request Timeout"
    case 409: "Conflict"
    case 413: "Payload Too Large"
    case 429: "Too Many Requests"
    case 500: "Internal Server Error"
    case 502: "Bad Gateway"
    case 503: "Service Unavailable"
    case 504: "Gateway Timeout"
    default: "Status"
    }
  }
}

/// Reads one request from a connection: headers up to a blank line, then `Content-Length` bytes of body.
enum FakeHTTPReader {
  static let maxHeaderBytes = 65_536
  static let maxBodyBytes = 8 << 20

  enum Failure: Error {
    case closed
    case malformed(String)
  }

  static func read(_ fd: Int32) throws(Failure) -> FakeHTTPRequest {
    var buffer: [UInt8] = []
    var headerEnd: Int?
    while headerEnd == nil {
      let chunk = SocketIO.read(fd)
      guard !chunk.isEmpty else { throw .closed }
      buffer += chunk
      headerEnd = find([13, 10, 13, 10], in: buffer)
      if headerEnd == nil && buffer.count > maxHeaderBytes { throw .malformed("header too large") }
    }
    guard let headerEnd else { throw .closed }
    let headText = String(decoding: buffer[0..<headerEnd], as: UTF8.self)
    var lines = headText.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
    guard !lines.isEmpty else { throw .malformed("empty request") }
    let requestLine = lines.removeFirst().split(separator: " ").map(String.init)
    guard requestLine.count == 3 else { throw .malformed("bad request line") }
    var headers: [String: String] = [:]
    for line in lines where !line.isEmpty {
      guard let colon = line.firstIndex(of: ":") else { throw .malformed("bad header line") }
      let name = line[..<colon].lowercased()
      let value = line[line.index(after: colon)...].trimmingSpaces()
      headers[name] = value
    }
    if headers["transfer-encoding"] != nil { throw .malformed("chunked bodies are not supported") }
    let length = Int(headers["content-length"] ?? "0") ?? -1
    guard length >= 0, length <= maxBodyBytes else { throw .malformed("bad Content-Length") }
    var body = Array(buffer[(headerEnd + 4)...])
    if body.count < length, headers["expect"]?.lowercased() == "100-continue" {
      SocketIO.write(fd, Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
    }
    while body.count < length {
      let chunk = SocketIO.read(fd)
      guard !chunk.isEmpty else { throw .closed }
      body += chunk
    }
    body = Array(body.prefix(length))
    let target = requestLine[1]
    let (path, queryText) = splitTarget(target)
    return FakeHTTPRequest(
      method: requestLine[0], path: path, query: parseQuery(queryText), headers: headers, body: body)
  }

  static func splitTarget(_ target: String) -> (String, String) {
    guard let mark = target.firstIndex(of: "?") else { return (target, "") }
    return (String(target[..<mark]), String(target[target.index(after: mark)...]))
  }

  static func parseQuery(_ text: String) -> [String: String] {
    var query: [String: String] = [:]
    for pair in text.split(separator: "&") {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = percentDecode(String(parts[0])) ?? String(parts[0])
      let value = parts.count > 1 ? (percentDecode(String(parts[1])) ?? String(parts[1])) : ""
      query[name] = value
    }
    return query
  }

  /// Decodes `%XX` escapes; nil for a malformed escape or invalid UTF-8.
  static func percentDecode(_ text: String) -> String? {
    var bytes: [UInt8] = []
    var iterator = Array(text.utf8).makeIterator()
    while let byte = iterator.next() {
      if byte == UInt8(ascii: "%") {
        guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
          return nil
        }
        bytes.append(high << 4 | low)
      } else {
        bytes.append(byte)
      }
    }
    return String(validating: bytes, as: UTF8.self)
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
  }

  private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
    guard haystack.count >= needle.count else { return nil }
    for start in 0...(haystack.count - needle.count)
    where haystack[start..<(start + needle.count)].elementsEqual(needle) {
      return start
    }
    return nil
  }
}

extension Substring {
  fileprivate func trimmingSpaces() -> String {
    var slice = self[...]
    while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
    while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
    return String(slice)
  }
}
