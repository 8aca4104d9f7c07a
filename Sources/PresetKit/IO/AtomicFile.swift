import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes files all-or-nothing: a temporary file beside the target, flushed to disk, then renamed over it.
///
/// Why: a deploy job must never read a half-written bundle or plan, and a build killed midway must leave the
/// previous bundle intact. `rename(2)` within one directory is atomic on POSIX file systems.
public enum AtomicFile {
  /// A failure to write, naming the file and the system's reason.
  public struct WriteError: Error, Sendable, CustomStringConvertible {
    /// The target path.
    public var path: String
    /// The system's reason.
    public var reason: String
    /// The text shown to people.
    public var description: String { "cannot write \(path): \(reason)" }
  }

  /// Collects output for `write(to:_:)`; the bytes reach the temporary file in large blocks.
  public struct Sink {
    fileprivate var buffer: [UInt8] = []
    fileprivate let flush: ([UInt8]) -> String?
    fileprivate var failure: String?
    fileprivate var patch: (offset: Int, bytes: [UInt8])?
    fileprivate var written = 0

    /// Bytes written so far (the offset of the next byte).
    public var offset: Int { written }

    /// Replaces `bytes.count` bytes at `offset` (already written) once the body has finished.
    public mutating func patch(at offset: Int, with bytes: [UInt8]) {
      patch = (offset, bytes)
    }

    /// Appends bytes.
    public mutating func write(_ bytes: some Collection<UInt8>) {
      written += bytes.count
      buffer.append(contentsOf: bytes)
      if buffer.count >= 1 << 20 { drain() }
    }

    /// Abandons the write: the target is left untouched.
    public mutating func fail(_ reason: String) {
      failure = failure ?? reason
    }

    fileprivate mutating func drain() {
      guard failure == nil, !buffer.isEmpty else { return }
      failure = flush(buffer)
      buffer.removeAll(keepingCapacity: true)
    }
  }

  /// Streams a file's content through `body` into a temporary file, then renames it over `path`; nothing
  /// replaces `path` unless everything was written and flushed.
  public static func write(to path: String, _ body: (inout Sink) -> Void) throws(WriteError) {
    try writeFile(path) { fd in
      var sink = Sink(flush: { bytes in writeAll(fd, bytes) })
      body(&sink)
      sink.drain()
      if let patch = sink.patch, sink.failure == nil {
        // Content known only at the end (a digest of what follows) overwrites a placeholder of equal length.
        let n = patch.bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, off_t(patch.offset)) }
        if n != patch.bytes.count { return String(cString: strerror(errno)) }
      }
      return sink.failure
    }
  }

  /// Writes `bytes` to `path`, creating parent folders as needed.
  public static func write(_ bytes: [UInt8], to path: String) throws(WriteError) {
    try writeFile(path) { fd in writeAll(fd, bytes) }
  }

  /// Writes all bytes to a file descriptor; the system's reason on failure.
  private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> String? {
    var written = 0
    return bytes.withUnsafeBytes { buffer -> String? in
      while written < buffer.count {
        guard let base = buffer.baseAddress else { return nil }
        let n = Glibc.write(fd, base + written, buffer.count - written)
        if n < 0 {
          if errno == EINTR { continue }
          return String(cString: strerror(errno))
        }
        written += n
      }
      return nil
    }
  }

  /// Creates the temporary file, lets `fill` write it, then flushes and renames it over `path`.
  private static func writeFile(_ path: String, _ fill: (Int32) -> String?) throws(WriteError) {
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent().path
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    } catch {
      throw WriteError(path: path, reason: "cannot create folder \(directory)")
    }
    let temporary = directory + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
    var failure = fill(fd)
    if failure == nil && fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
    close(fd)
    if let failure {
      unlink(temporary)
      throw WriteError(path: path, reason: failure)
    }
    guard rename(temporary, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw WriteError(path: path, reason: reason)
    }
  }

  /// Writes a string's UTF-8 bytes atomically.
  public static func write(_ text: String, to path: String) throws(WriteError) {
    try write(Array(text.utf8), to: path)
  }
}
