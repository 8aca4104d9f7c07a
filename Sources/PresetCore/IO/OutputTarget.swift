import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Where an output file really goes, decided with `lstat` before anything is opened or written.
///
/// Why: presetctl runs as root in CI, and `rename(2)` replaces any node, so `--output /dev/full` used to turn
/// the device into a regular file. Only two kinds of target are ever written: a missing path (created) and a
/// regular file (replaced atomically). A symlink is written through, so the link stays a link (a dangling
/// link's target is created); folders, FIFOs, sockets and devices, at the path or at the end of its links,
/// are refused. `-` and `/dev/stdout` mean standard output where the command allows it.
package struct OutputTarget: Sendable {
  /// Where the bytes go.
  package enum Destination: Sendable {
    /// The command's standard output (bytes go through the sink, in UTF-8-whole pieces).
    case standardOutput(@Sendable (String) -> Void)
    /// This file, created or replaced; symlinks already followed, so its folder is where the temporary goes.
    case file(String)
  }

  /// The path as the user wrote it (shown in messages).
  package var requested: String
  /// Where the bytes go.
  package var destination: Destination
  /// When set, the resolved file must lie directly or indirectly inside this (resolved) folder.
  package var containingFolder: String?

  /// True for standard output.
  package var isStandardOutput: Bool {
    if case .standardOutput = destination { return true }
    return false
  }

  /// The file that will be created or replaced; nil for standard output.
  package var filePath: String? {
    if case .file(let path) = destination { return path }
    return nil
  }

  /// The folder scratch files should go to: the target's folder (same disk), or the temporary folder.
  package var scratchFolder: String {
    guard let filePath else { return NSTemporaryDirectory() }
    let folder = (filePath as NSString).deletingLastPathComponent
    return folder.isEmpty ? "." : folder
  }

  /// The spellings that mean standard output.
  package static func meansStandardOutput(_ path: String) -> Bool { path == "-" || path == "/dev/stdout" }

  /// Decides where `path` goes; `standardOutput` is the sink for `-` and `/dev/stdout` (nil: refused).
  package static func resolve(
    _ path: String, standardOutput: (@Sendable (String) -> Void)? = nil
  ) throws(AtomicFile.WriteError) -> OutputTarget {
    if meansStandardOutput(path) {
      guard let standardOutput else {
        throw AtomicFile.WriteError(
          path: path, reason: "standard output is not supported here; name a file", code: "output.stdout-unsupported")
      }
      return OutputTarget(requested: path, destination: .standardOutput(standardOutput))
    }
    return OutputTarget(requested: path, destination: .file(try finalFile(path)))
  }

  /// Resolves the path again right before a write, so a node swapped in since the first check is refused too.
  func reresolved() throws(AtomicFile.WriteError) -> OutputTarget {
    guard case .file = destination else { return self }
    var fresh = self
    fresh.destination = .file(try Self.finalFile(requested))
    if let containingFolder { try fresh.requireInside(containingFolder) }
    return fresh
  }

  /// Follows symlinks from `path` to the file that would be written; throws for any other kind of node.
  static func finalFile(_ path: String) throws(AtomicFile.WriteError) -> String {
    guard !path.isEmpty, !path.utf8.contains(0) else {
      throw AtomicFile.WriteError(path: path, reason: "the path is empty or holds a NUL byte", code: "output.bad-path")
    }
    guard !path.hasSuffix("/") else {
      throw AtomicFile.WriteError(path: path, reason: "the path names a folder", code: "output.not-regular")
    }
    var current = path
    for _ in 0..<40 {
      var info = stat()
      guard lstat(current, &info) == 0 else {
        let e = errno
        if e == ENOENT { return current }
        throw AtomicFile.WriteError(path: path, reason: String(cString: strerror(e)), code: "output.write-failed")
      }
      let type = info.st_mode & S_IFMT
      if type == S_IFREG { return current }
      guard type == S_IFLNK else {
        let via = current == path ? "" : "it is a symlink to \(current), which "
        throw AtomicFile.WriteError(
          path: path, reason: (via.isEmpty ? "it " : via) + kindPhrase(type) + "; nothing was replaced",
          code: "output.not-regular")
      }
      // The kernel resolves a relative link against the link's own folder: join textually, do not normalise.
      let target = try linkTarget(current, reportedAs: path)
      if target.hasCodeUnitPrefix("/") {
        current = target
      } else {
        let folder = (current as NSString).deletingLastPathComponent
        current = folder.isEmpty ? target : folder + "/" + target
      }
    }
    throw AtomicFile.WriteError(path: path, reason: "too many levels of symbolic links", code: "output.symlink-loop")
  }

  /// "is a folder", "is a FIFO", … for a `st_mode` file type.
  static func kindPhrase(_ type: mode_t) -> String {
    switch type {
    case S_IFDIR: return "is a folder"
    case S_IFIFO: return "is a FIFO"
    case S_IFCHR, S_IFBLK: return "is a device"
    case S_IFSOCK: return "is a socket"
    default: return "is not a regular file"
    }
  }

  private static func linkTarget(_ link: String, reportedAs path: String) throws(AtomicFile.WriteError) -> String {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let n = readlink(link, &buffer, buffer.count - 1)
    guard n > 0 else {
      throw AtomicFile.WriteError(path: path, reason: String(cString: strerror(errno)), code: "output.write-failed")
    }
    return String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// The canonical absolute path of a file that may not exist yet: `realpath` of the nearest existing ancestor
  /// with the missing components appended (case as-is).
  static func canonicalPath(_ path: String) -> String {
    let absolute = path.hasCodeUnitPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    var existing = absolute
    var missing: [String] = []
    while true {
      if let real = RealPath.resolve(existing) {
        // Missing components are not symlinks, so `..` among them is resolved lexically.
        var parts: [String] = []
        for name in missing.reversed() where name != "." {
          if name == ".." { _ = parts.popLast() } else { parts.append(name) }
        }
        return ([real == "/" ? "" : real] + parts).joined(separator: "/")
      }
      let parent = (existing as NSString).deletingLastPathComponent
      if parent == existing || parent.isEmpty { return absolute }
      missing.append((existing as NSString).lastPathComponent)
      existing = parent
    }
  }
}
