import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A loopback TCP server that answers every connection with fixed bytes and closes: what a plain-HTTP server
/// does when a TLS ClientHello arrives (it sees garbage and answers 400).
final class PlainResponder: @unchecked Sendable {
  // @unchecked: `listener` is set once in init; the accept thread only reads it.
  private let listener: Int32
  /// The bound port on 127.0.0.1.
  let port: UInt16

  init(answer: [UInt8]) throws {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw POSIXError(.EIO) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
    }
    guard bound == 0, listen(fd, 16) == 0 else {
      close(fd)
      throw POSIXError(.EADDRINUSE)
    }
    var actual = sockaddr_in()
    _ = withUnsafeMutablePointer(to: &actual) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    listener = fd
    port = UInt16(bigEndian: actual.sin_port)
    let thread = Thread { [listener] in
      while true {
        let client = accept(listener, nil, nil)
        if client < 0 {
          if errno == EINTR { continue }
          break
        }
        var buffer = [UInt8](repeating: 0, count: 4096)
        _ = buffer.withUnsafeMutableBytes { recv(client, $0.baseAddress, 4096, 0) }
        _ = answer.withUnsafeBytes { send(client, $0.baseAddress, answer.count, Int32(MSG_NOSIGNAL)) }
        close(client)
      }
      close(listener)
    }
    thread.start()
  }

  /// Stops accepting (the accept thread closes the socket).
  func stop() { shutdown(listener, Int32(SHUT_RDWR)) }
}
