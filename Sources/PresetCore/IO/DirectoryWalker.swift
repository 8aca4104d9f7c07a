#if canImport(Glibc)
  import Glibc
#endif

/// Lists files below a folder with `readdir`, without per-file `stat` calls or URL objects.
///
/// Why not `FileManager.enumerator`: on Linux it builds a URL and fetches resource values per entry, which
/// cost more than compiling the presets in a 10,000-file repository. `d_type` tells files from folders for
/// free on common file systems; only unknown types and symlinks are `stat`ed.
package enum DirectoryWalker {
  /// One regular file (or symlink to one) found below the start folder.
  package struct Entry: Sendable {
    /// Path relative to the start folder, with `/` separators, after the walk's `label` prefix if one was given.
    package var relativePath: String
    /// True when the entry is a symbolic link (to a file): it may lead outside the walked tree.
    package var isSymlink: Bool

    /// The file name: the part of `relativePath` after its last byte `/`. Computed, not stored: a listing of
    /// 100,000 files keeps one string per file instead of two.
    package var name: String {
      guard let slash = relativePath.utf8.lastIndex(of: UInt8(ascii: "/")) else { return relativePath }
      return String(decoding: relativePath.utf8[relativePath.utf8.index(after: slash)...], as: UTF8.self)
    }
  }

  /// All non-folder entries below `root` whose names satisfy `include`, skipping folders whose names start with
  /// `.`. Symlinked folders are not followed (a link loop cannot trap the walk); symlinked files are listed.
  /// `descend` sees each folder's path relative to `root` and may keep the walk out of it (`refs` uses it for
  /// `.gitignore`d folders such as `node_modules`). A non-empty `label` is put before each entry's
  /// `relativePath` (`label/sub/a.yaml`), so a caller that wants paths relative to another folder gets them
  /// without building a second string per file.
  package static func files(
    under root: String, label: String = "", include: (String) -> Bool, descend: (String) -> Bool = { _ in true }
  ) -> [Entry] {
    var out: [Entry] = []
    var pending: [String] = [""]
    while let relativeFolder = pending.popLast() {
      let folder = relativeFolder.isEmpty ? root : root + "/" + relativeFolder
      let labelFolder =
        label.isEmpty ? relativeFolder : relativeFolder.isEmpty ? label : label + "/" + relativeFolder
      guard let dir = opendir(folder) else { continue }
      defer { closedir(dir) }
      while let entry = readdir(dir) {
        let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
          pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
        }
        if name == "." || name == ".." { continue }
        var type = Int32(entry.pointee.d_type)
        let isLink = type == Int32(DT_LNK)
        if type == Int32(DT_UNKNOWN) || type == Int32(DT_LNK) {
          var info = stat()
          let followed = stat(folder + "/" + name, &info) == 0
          if type == Int32(DT_LNK) {
            // Links to files count as files; links to folders are not followed.
            type = followed && (info.st_mode & S_IFMT) == S_IFREG ? Int32(DT_REG) : Int32(DT_UNKNOWN)
          } else if followed {
            type = (info.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : Int32(DT_REG)
          }
        }
        if type == Int32(DT_DIR) {
          let relative = relativeFolder.isEmpty ? name : relativeFolder + "/" + name
          if !name.hasCodeUnitPrefix("."), descend(relative) { pending.append(relative) }
        } else if include(name) {
          // FIFOs, sockets, devices and dangling links with a preset name are listed too: reading them then
          // fails with a clear diagnostic instead of the file silently not counting.
          out.append(
            Entry(relativePath: labelFolder.isEmpty ? name : labelFolder + "/" + name, isSymlink: isLink))
        }
      }
    }
    return out
  }
}
