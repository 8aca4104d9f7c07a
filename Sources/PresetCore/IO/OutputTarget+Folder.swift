import Foundation

#if canImport(Glibc)
  import Glibc
#endif

extension OutputTarget {
  /// The file `name` directly inside `folder`, contained by construction (`import --into DIR` names files after
  /// live slugs, which the server controls).
  ///
  /// Refused: names with `/`, a NUL byte, a leading `.` (so `.`, `..` and hidden files), or longer than 255
  /// bytes; a `folder` that is standard output or not a folder; an existing entry that is a symlink leading
  /// outside the folder. The folder itself may be a symlink; it is created when missing. A symlink inside the
  /// folder that stays inside it is written through. The containment is checked again right before the write.
  package static func entry(named name: String, in folder: String) throws(AtomicFile.WriteError) -> OutputTarget {
    let shown = (folder as NSString).appendingPathComponent(name)
    guard !meansStandardOutput(folder) else {
      throw AtomicFile.WriteError(
        path: folder, reason: "standard output cannot hold one file per preset; name a folder",
        code: "output.stdout-unsupported")
    }
    guard !name.isEmpty, !name.contains("/"), !name.utf8.contains(0), !name.hasCodeUnitPrefix("."),
      name.utf8.count <= 255
    else {
      throw AtomicFile.WriteError(
        path: shown, reason: "`\(name)` is not a plain file name (no `/`, NUL, leading `.`, at most 255 bytes)",
        code: "output.bad-name")
    }
    guard !folder.isEmpty else {
      throw AtomicFile.WriteError(path: folder, reason: "the folder path is empty", code: "output.bad-path")
    }
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw AtomicFile.WriteError(path: folder, reason: "cannot create the folder", code: "output.write-failed")
    }
    var info = stat()
    guard stat(folder, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, let real = RealPath.resolve(folder)
    else {
      throw AtomicFile.WriteError(path: folder, reason: "it is not a folder", code: "output.not-regular")
    }
    let target = OutputTarget(requested: shown, destination: .file(try finalFile(shown)), containingFolder: real)
    try target.requireInside(real)
    return target
  }

  /// True when a node (of any kind, a dangling symlink included) sits at the requested path.
  package var exists: Bool {
    var info = stat()
    return lstat(requested, &info) == 0
  }

  /// Throws when the resolved file does not lie inside `folder` (already canonical).
  func requireInside(_ folder: String) throws(AtomicFile.WriteError) {
    guard let filePath else { return }
    let resolved = Self.canonicalPath(filePath)
    // Strictly below the folder: the folder itself is not a file in it.
    guard let below = PathContainment.relative(resolved, to: folder), !below.isEmpty else {
      throw AtomicFile.WriteError(
        path: requested, reason: "it is a symlink leading outside \(folder) (to \(resolved)); nothing was written",
        code: "output.outside-folder")
    }
  }
}
