import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The one writer of every file presetctl writes: all-or-nothing, and only over missing or regular files.
///
/// Why: a deploy job must never read a half-written bundle or plan, and a build killed midway must leave the
/// previous bundle intact. `rename(2)` within one directory is atomic on POSIX file systems. Because `rename`
/// replaces any node, the target is first resolved by `OutputTarget` (symlinks written through; folders,
/// FIFOs, sockets and devices refused), once when the command starts and again right before the rename.
package enum AtomicFile {
  /// A failure to write, naming the file, the reason and a stable code (`output.not-regular`, …).
  package struct WriteError: Error, Sendable, CustomStringConvertible {
    /// The target path.
    package var path: String
    /// The reason.
    package var reason: String
    /// The stable diagnostic code.
    package var code: String = "output.write-failed"
    /// The text shown to people.
    package var description: String { "cannot write \(path): \(reason)" }

    /// Creates a value from its parts.
    package init(path: String, reason: String, code: String = "output.write-failed") {
      self.path = path
      self.reason = reason
      self.code = code
    }
  }

  /// Collects output for `write(to:_:)`; the bytes reach the temporary file in large blocks.
  package struct Sink {
    fileprivate var buffer: [UInt8] = []
    fileprivate let flush: ([UInt8]) -> String?
    fileprivate var failure: String?
    fileprivate var patch: (offset: Int, bytes: [UInt8])?
    fileprivate var written = 0

    /// Bytes written so far (the offset of the next byte).
    package var offset: Int { written }

    /// Replaces `bytes.count` bytes at `offset` (already written) once the body has finished.
    package mutating func patch(at offset: Int, with bytes: [UInt8]) {
      patch = (offset, bytes)
    }

    /// Appends bytes.
    package mutating func write(_ bytes: some Collection<UInt8>) {
      written += bytes.count
      buffer.append(contentsOf: bytes)
      if buffer.count >= 1 << 20 { drain() }
    }

    /// Abandons the write: the target is left untouched.
    package mutating func fail(_ reason: String) {
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
  package static func write(to path: String, _ body: (inout Sink) -> Void) throws(WriteError) {
    try write(to: try OutputTarget.resolve(path), body)
  }

  /// Streams content through `body` to a resolved target: a file (replaced as above) or standard output, which
  /// receives the bytes only once everything was written (a failed write prints nothing).
  package static func write(to target: OutputTarget, _ body: (inout Sink) -> Void) throws(WriteError) {
    try writeFile(target) { fd in
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
  package static func write(_ bytes: [UInt8], to path: String) throws(WriteError) {
    try write(bytes, to: try OutputTarget.resolve(path))
  }

  /// Writes `bytes` to a resolved target.
  package static func write(_ bytes: [UInt8], to target: OutputTarget) throws(WriteError) {
    try writeFile(target) { fd in writeAll(fd, bytes) }
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

  /// Creates the temporary file, lets `fill` write it, then flushes and renames it over the target (or copies
  /// it to standard output).
  private static func writeFile(_ requested: OutputTarget, _ fill: (Int32) -> String?) throws(WriteError) {
    let target = try requested.reresolved()
    let path = requested.requested
    guard case .file(let file) = target.destination else {
      try writeStandardOutput(target, fill)
      return
    }
    let url = URL(fileURLWithPath: file)
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
    // The last check: the node at the target may have been swapped since the command started.
    do throws(WriteError) {
      guard case .file(let again) = try requested.reresolved().destination, again == file else {
        throw WriteError(path: path, reason: "its symlinks changed while it was written; nothing was replaced")
      }
    } catch {
      unlink(temporary)
      throw error
    }
    guard rename(temporary, file) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw WriteError(path: path, reason: reason)
    }
  }

  /// Fills an unlinked scratch file, then hands it to the standard-output sink in blocks cut at UTF-8
  /// character boundaries; nothing is printed unless everything was written.
  private static func writeStandardOutput(_ target: OutputTarget, _ fill: (Int32) -> String?) throws(WriteError) {
    guard case .standardOutput(let sink) = target.destination else { return }
    let path = target.requested
    let scratch = target.scratchFolder + "/.presetctl-stdout-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let fd = open(scratch, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
    unlink(scratch)
    defer { close(fd) }
    if let failure = fill(fd) { throw WriteError(path: path, reason: failure) }
    var pending: [UInt8] = []
    var block = [UInt8](repeating: 0, count: 1 << 20)
    var offset: off_t = 0
    while true {
      let n = block.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, offset) }
      if n < 0 && errno == EINTR { continue }
      if n < 0 { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
      if n == 0 { break }
      offset += off_t(n)
      pending.append(contentsOf: block[..<n])
      // Keep an incomplete trailing character for the next block (continuation bytes are 0b10xxxxxx).
      var cut = pending.count
      var back = 0
      while cut > 0, back < 4, pending[cut - 1] & 0xC0 == 0x80 {
        cut -= 1
        back += 1
      }
      if cut > 0, pending[cut - 1] >= 0xC0 { cut -= 1 }
      guard cut > 0 else { continue }
      sink(String(decoding: pending[..<cut], as: UTF8.self))
      pending.removeSubrange(..<cut)
    }
    if !pending.isEmpty { sink(String(decoding: pending, as: UTF8.self)) }
  }

  /// Writes a string's UTF-8 bytes atomically.
  package static func write(_ text: String, to path: String) throws(WriteError) {
    try write(Array(text.utf8), to: path)
  }

  /// Writes a string's UTF-8 bytes to a resolved target.
  package static func write(_ text: String, to target: OutputTarget) throws(WriteError) {
    try write(Array(text.utf8), to: target)
  }
}
