#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A failure setting up the fake's listening socket.
package struct FakeServerError: Error, Sendable, CustomStringConvertible {
  /// What failed, with `errno` text.
  package var message: String
  /// The message.
  package var description: String { message }
}

/// Thin wrappers over BSD sockets: a loopback listener and blocking reads/writes on one connection.
enum SocketIO {
  #if canImport(Glibc)
    static let streamType = Int32(SOCK_STREAM.rawValue)
    static let sendFlags = Int32(MSG_NOSIGNAL)
  #else
    static let streamType = SOCK_STREAM
    static let sendFlags: Int32 = 0
  #endif

  /// Binds 127.0.0.1:`port` (0 picks a free port) and listens; returns the socket and the bound port.
  static func listen(port: UInt16) throws(FakeServerError) -> (fd: Int32, port: UInt16) {
    let (fd, bound) = try bindOnly(port: port, reuseAddress: true)
    guard listenSocket(fd, 128) == 0 else {
      let text = errnoText()
      close(fd)
      throw FakeServerError(message: "listen() failed: \(text)")
    }
    return (fd, bound)
  }

  /// Binds without listening. Without `SO_REUSEADDR` the port stays reserved, and connecting to it is
  /// refused: a reliable "server down" that no other socket can take over.
  static func bindOnly(port: UInt16, reuseAddress: Bool) throws(FakeServerError) -> (fd: Int32, port: UInt16) {
    let fd = socket(AF_INET, streamType, 0)
    guard fd >= 0 else { throw FakeServerError(message: "socket() failed: \(errnoText())") }
    var yes: Int32 = 1
    if reuseAddress {
      setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    }
    #if canImport(Darwin)
      setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &yes, socklen_t(MemoryLayout<Int32>.size))
    #endif
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard bound == 0 else {
      let text = errnoText()
      close(fd)
      throw FakeServerError(message: "bind(127.0.0.1:\(port)) failed: \(text)")
    }
    var actual = sockaddr_in()
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &actual) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    return (fd, UInt16(bigEndian: actual.sin_port))
  }

  private static func listenSocket(_ fd: Int32, _ backlog: Int32) -> Int32 {
    #if canImport(Glibc)
      return Glibc.listen(fd, backlog)
    #else
      return Darwin.listen(fd, backlog)
    #endif
  }

  /// Accepts one connection; nil when the listener was closed or failed.
  static func accept(_ listener: Int32) -> Int32? {
    while true {
      #if canImport(Glibc)
        let fd = Glibc.accept(listener, nil, nil)
      #else
        let fd = Darwin.accept(listener, nil, nil)
      #endif
      if fd >= 0 {
        var timeout = timeval(tv_sec: 15, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        #if canImport(Darwin)
          var yes: Int32 = 1
          setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &yes, socklen_t(MemoryLayout<Int32>.size))
        #endif
        return fd
      }
      if errno == EINTR { continue }
      return nil
    }
  }

  /// Stops a listener so a blocked (or the next) `accept` fails. The descriptor is not closed here: the
  /// accept thread closes it when it leaves its loop, so the number cannot be reused by another socket while
  /// that thread may still call `accept` on it.
  static func shutdownListener(_ fd: Int32) {
    shutdown(fd, Int32(SHUT_RDWR))
  }

  /// Reads some bytes; empty on end of stream or error.
  static func read(_ fd: Int32, max: Int = 65_536) -> [UInt8] {
    var buffer = [UInt8](repeating: 0, count: max)
    while true {
      let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, max, 0) }
      if count > 0 { return Array(buffer[0..<count]) }
      if count < 0 && errno == EINTR { continue }
      return []
    }
  }

  /// Writes all bytes; false when the peer went away (no SIGPIPE).
  @discardableResult
  static func write(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
    var offset = 0
    while offset < bytes.count {
      let count = bytes.withUnsafeBytes { raw -> Int in
        guard let base = raw.baseAddress else { return 0 }
        return send(fd, base + offset, bytes.count - offset, sendFlags)
      }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { return false }
      offset += count
    }
    return true
  }

  /// Closes normally (FIN after the answer).
  static func close(_ fd: Int32) {
    #if canImport(Glibc)
      _ = Glibc.close(fd)
    #else
      _ = Darwin.close(fd)
    #endif
  }

  /// Closes with a TCP reset (linger 0): the client sees the connection drop without an answer.
  static func reset(_ fd: Int32) {
    var option = linger(l_onoff: 1, l_linger: 0)
    setsockopt(fd, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
    close(fd)
  }

  static func errnoText() -> String {
    String(cString: strerror(errno))
  }
}
