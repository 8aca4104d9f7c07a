import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// An anonymous scratch file that threads append byte blocks to and read back by offset.
///
/// A build serialises every preset while compiling, but the bundle must be written in slug order with its digest
/// first; keeping 10,000 entries (40+ MB of JSON) in memory until then would dominate peak memory. The file is
/// unlinked as soon as it is created, so nothing is left behind, even when the process is killed.
package final class SpoolFile: @unchecked Sendable {
  /// Where one appended block lies.
  package struct Extent: Sendable {
    /// Byte offset in the spool.
    var offset: Int
    /// Length in bytes.
    var length: Int
  }

  private let fd: Int32
  private let lock = NSLock()
  private var end = 0

  /// Creates the spool in `directory` (the output's folder, so it lives on the same disk as the result).
  package init(directory: String) throws(AtomicFile.WriteError) {
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let path = directory + "/.presetctl-spool-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw AtomicFile.WriteError(path: path, reason: String(cString: strerror(errno))) }
    unlink(path)
    fd = descriptor
  }

  deinit { close(fd) }

  /// Appends a block; nil when the disk refused it.
  package func append(_ bytes: [UInt8]) -> Extent? {
    // Only the offset is reserved under the lock; workers then write their blocks side by side. A failed
    // write leaves a hole nobody reads (its extent is nil).
    lock.lock()
    let offset = end
    end += bytes.count
    lock.unlock()
    var written = 0
    let ok = bytes.withUnsafeBytes { buffer -> Bool in
      while written < buffer.count {
        guard let base = buffer.baseAddress else { return true }
        let n = pwrite(fd, base + written, buffer.count - written, off_t(offset + written))
        if n < 0 {
          if errno == EINTR { continue }
          return false
        }
        written += n
      }
      return true
    }
    guard ok else { return nil }
    return Extent(offset: offset, length: bytes.count)
  }

  /// Reads a block back; nil on a read error.
  package func read(_ extent: Extent) -> [UInt8]? {
    var bytes = [UInt8](repeating: 0, count: extent.length)
    var done = 0
    let ok = bytes.withUnsafeMutableBytes { buffer -> Bool in
      while done < extent.length {
        guard let base = buffer.baseAddress else { return true }
        let n = pread(fd, base + done, extent.length - done, off_t(extent.offset + done))
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { return false }
        done += n
      }
      return true
    }
    return ok ? bytes : nil
  }
}
