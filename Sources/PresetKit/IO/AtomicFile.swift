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
    public var description: String { "cannot write \(path): \(reason)" }
  }

  /// Writes `bytes` to `path`, creating parent folders as needed.
  public static func write(_ bytes: [UInt8], to path: String) throws(WriteError) {
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
    var written = 0
    let failure: String? = bytes.withUnsafeBytes { buffer -> String? in
      while written < buffer.count {
        let n = Glibc.write(fd, buffer.baseAddress! + written, buffer.count - written)
        if n < 0 {
          if errno == EINTR { continue }
          return String(cString: strerror(errno))
        }
        written += n
      }
      return fsync(fd) == 0 ? nil : String(cString: strerror(errno))
    }
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
