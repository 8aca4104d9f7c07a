#if canImport(Glibc)
  import Glibc
#endif

/// Reads whole regular files with a size cap, refusing directories, FIFOs and devices up front.
///
/// Why not `Data(contentsOf:)`: opening a FIFO blocks forever and a 10 GB file would be read before any limit
/// applied; here the file type and size are checked with `fstat` before a byte is read.
package enum FileReader {
  /// Why a file could not be read.
  package struct Failure: Error, Sendable {
    /// A stable diagnostic code.
    package var code: String
    /// The reason, without the path.
    package var reason: String

    /// The full message for a given (relative) path.
    package func message(for path: String) -> String { "cannot read \(path): \(reason)" }
  }

  /// The file's bytes; throws when it is missing, not a regular file, unreadable or larger than `limit`.
  package static func read(_ path: String, limit: Int) throws(Failure) -> [UInt8] {
    let fd = try openForReading(path)
    defer { close(fd) }
    return try readAll(fd, limit: limit)
  }

  /// Reads a file only if the file actually opened lies where `accepts` allows (judged on its canonical path,
  /// symlinks resolved); nil when it does not or its place cannot be told, and then no byte of it is read.
  ///
  /// The canonical path is the kernel's name for the open descriptor (`/proc/self/fd/N`): one `readlink`
  /// instead of `realpath`'s one per path component, and it names the very file that is read, so a symlink
  /// swapped between the check and the read cannot slip through. Without `/proc` it falls back to `realpath`.
  package static func read(
    _ path: String, limit: Int, acceptingResolved accepts: (String) -> Bool
  ) throws(Failure) -> [UInt8]? {
    let fd = try openForReading(path)
    defer { close(fd) }
    guard let resolved = canonicalPath(of: fd) ?? RealPath.resolve(path), accepts(resolved) else { return nil }
    return try readAll(fd, limit: limit)
  }

  /// The path the kernel has for an open descriptor; nil without `/proc` or for a name too long for the buffer.
  static func canonicalPath(of fd: Int32) -> String? {
    let capacity = 4096
    return withUnsafeTemporaryAllocation(of: CChar.self, capacity: capacity) { buffer -> String? in
      guard let base = buffer.baseAddress else { return nil }
      let n = readlink("/proc/self/fd/\(fd)", base, capacity)
      // A full buffer may be a truncated name, and Linux marks unreachable or deleted files in the name.
      guard n > 0, n < capacity, base[0] == CChar(UInt8(ascii: "/")) else { return nil }
      let name = String(decoding: UnsafeRawBufferPointer(start: base, count: n), as: UTF8.self)
      return name.hasSuffix(" (deleted)") ? nil : name
    }
  }

  private static func openForReading(_ path: String) throws(Failure) -> Int32 {
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard fd >= 0 else {
      let e = errno
      throw Failure(code: e == ENOENT ? "input.not-found" : "input.unreadable", reason: String(cString: strerror(e)))
    }
    return fd
  }

  private static func readAll(_ fd: Int32, limit: Int) throws(Failure) -> [UInt8] {
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      throw Failure(code: "input.unreadable", reason: String(cString: strerror(errno)))
    }
    let type = info.st_mode & S_IFMT
    guard type == S_IFREG else {
      let kind = type == S_IFDIR ? "a folder" : type == S_IFIFO ? "a FIFO" : "not a regular file"
      throw Failure(code: "input.not-a-file", reason: "it is \(kind)")
    }
    let size = Int(info.st_size)
    guard size <= limit else {
      throw Failure(code: "input.too-large", reason: "\(size) bytes is over the limit of \(limit) bytes")
    }
    var bytes = [UInt8](repeating: 0, count: size)
    var offset = 0
    while offset < size {
      let n = bytes.withUnsafeMutableBytes { buffer in
        Glibc.read(fd, buffer.baseAddress.map { $0 + offset }, size - offset)
      }
      if n < 0 {
        if errno == EINTR { continue }
        throw Failure(code: "input.unreadable", reason: String(cString: strerror(errno)))
      }
      if n == 0 { break }
      offset += n
    }
    if offset < size { bytes.removeSubrange(offset...) }
    return bytes
  }
}
