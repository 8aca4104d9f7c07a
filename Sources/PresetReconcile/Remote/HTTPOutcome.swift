import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// One HTTP answer, whatever its status.
struct HTTPResponse: Sendable {
  var status: Int
  /// Header fields with lowercased names.
  var headers: [String: String]
  var body: [UInt8]

  func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// A request that got no HTTP answer.
struct TransportFailure: Sendable {
  /// The URLError code (e.g. -1001 timed out, -1004 refused).
  var code: Int
  var detail: String

  var isTimeout: Bool { code == URLError.timedOut.rawValue }
  var isCancelled: Bool { code == URLError.cancelled.rawValue }

  /// True when the request cannot have reached the server, so a POST was certainly not stored.
  var neverReachedServer: Bool {
    [
      URLError.cannotConnectToHost.rawValue, URLError.cannotFindHost.rawValue,
      URLError.dnsLookupFailed.rawValue, URLError.notConnectedToInternet.rawValue,
    ].contains(code)
  }
}

/// What one attempt produced.
enum HTTPOutcome: Sendable {
  case response(HTTPResponse)
  case failure(TransportFailure)
}
