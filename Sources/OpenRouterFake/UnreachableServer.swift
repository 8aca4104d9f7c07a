import Foundation

/// A loopback port that is reserved but refuses connections, for "server is down" tests.
///
/// Stopping a fake and reusing its port is racy (another test may bind the freed port); this keeps the port
/// bound without listening, so every connection attempt is refused until the object goes away.
package final class UnreachableServer: @unchecked Sendable {
  // @unchecked: immutable after init; the descriptor is closed once in deinit.
  private let fd: Int32
  /// The reserved port.
  package let port: UInt16

  /// Reserves a free loopback port.
  package init() throws(FakeServerError) {
    (fd, port) = try SocketIO.bindOnly(port: 0, reuseAddress: false)
  }

  deinit { SocketIO.close(fd) }

  /// `http://127.0.0.1:<port>/api/v1`.
  package var baseURL: URL {
    URL(string: "http://127.0.0.1:\(port)/api/v1") ?? URL(fileURLWithPath: "/")
  }
}
