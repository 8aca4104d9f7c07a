import Foundation
import PresetCore

#if canImport(Glibc)
  import Glibc
#endif

/// Where a preset repository starts and which files in it are presets.
///
/// Rules (README "Precise rules"): the root is the nearest folder at or above PATH that holds `.git`, else PATH
/// itself; preset files are `*.yaml`/`*.yml` under PATH outside hidden folders, excluding `_defaults.yaml`;
/// paths in diagnostics and bundles are relative to the root, with `/` separators, sorted bytewise.
/// `presetctl.yaml` is never a preset file.
package struct RepositoryLayout: Sendable {
  /// The repository root, absolute and standardised.
  package let root: URL
  /// `root.path`, kept as a string: paths are joined to it for every prompt file, and on Linux
  /// `URL.path` rebuilds the string on each call.
  package let rootPath: String
  /// The root with symlinks resolved, for containment checks.
  package var resolvedRoot: String

  /// The name of folder-defaults files, which are not presets.
  package static let defaultsFileName = "_defaults.yaml"

  /// Uses `root` as the repository root as is (for trees extracted from a git revision, say).
  package init(root: URL) {
    self.root = root.standardizedFileURL
    rootPath = self.root.path
    resolvedRoot = self.root.resolvingSymlinksInPath().path
  }

  /// Finds the root for an input path (a folder or a file).
  package init(containing path: String) {
    let fm = FileManager.default
    let start = URL(fileURLWithPath: path).standardizedFileURL
    var isDirectory: ObjCBool = false
    let startFolder =
      fm.fileExists(atPath: start.path, isDirectory: &isDirectory) && !isDirectory.boolValue
      ? start.deletingLastPathComponent() : start
    var candidate = startFolder
    var found: URL?
    while true {
      if fm.fileExists(atPath: candidate.appendingPathComponent(".git").path) {
        found = candidate
        break
      }
      let parent = candidate.deletingLastPathComponent()
      if parent.path == candidate.path { break }
      candidate = parent
    }
    root = found ?? startFolder
    rootPath = root.path
    resolvedRoot = root.resolvingSymlinksInPath().path
  }

  /// The path of `url` relative to the root (`presets/a.yaml`), or the absolute path when outside it.
  package func relativePath(_ url: URL) -> String {
    let full = url.standardizedFileURL.path
    return PathContainment.relative(full, to: rootPath).flatMap { $0.isEmpty ? nil : $0 } ?? full
  }

  /// True when `url`, with symlinks resolved, lies inside the root.
  package func contains(_ url: URL) -> Bool {
    containsResolved(url.standardizedFileURL.resolvingSymlinksInPath().path)
  }

  /// True when an already resolved absolute path lies inside the (resolved) root.
  package func containsResolved(_ resolved: String) -> Bool {
    PathContainment.isInside(resolved, folder: resolvedRoot)
  }

  /// The folder part of a root-relative path (`""` for a path at the root).
  package static func folder(of relativePath: String) -> String {
    // The last byte `/`, not the last Character `/` (which a combining mark after it would hide).
    guard let slash = relativePath.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
    return String(decoding: relativePath.utf8[..<slash], as: UTF8.self)
  }

  /// Resolves `.` and `..` in a relative path without touching the disk; nil when it climbs above its start.
  ///
  /// Works on the UTF-8 bytes, as the kernel does: split on the byte `/` (Swift's `split` on the Character `/`
  /// would not split a `/` followed by a combining mark, so `../\u{301}x` looked like one harmless name) and
  /// compare components to `.` and `..` by bytes.
  package static func normalise(_ path: String) -> String? {
    let bytes = Array(path.utf8)
    var parts: [Range<Int>] = []
    var start = 0
    for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: "/") {
      defer { start = end + 1 }
      let length = end - start
      if length == 0 || (length == 1 && bytes[start] == UInt8(ascii: ".")) { continue }
      if length == 2 && bytes[start] == UInt8(ascii: ".") && bytes[start + 1] == UInt8(ascii: ".") {
        guard !parts.isEmpty else { return nil }
        parts.removeLast()
        continue
      }
      parts.append(start..<end)
    }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    for (i, part) in parts.enumerated() {
      if i > 0 { out.append(UInt8(ascii: "/")) }
      out.append(contentsOf: bytes[part])
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The root as output guards compare it: canonical, falling back to the symlink-resolved path.
  package var canonicalRoot: String { RealPath.resolve(root.path) ?? resolvedRoot }

  /// A preset file found under the input path.
  package struct PresetFile: Sendable {
    /// Path relative to the repository root (as diagnostics and bundles show it); absolute for a file outside
    /// the root.
    package var relativePath: String
    /// The root folder `relativePath` is relative to. One string shared by every file of a listing: the
    /// absolute path is joined when it is needed (once, to read the file) rather than stored per file, which
    /// at 100,000 files is the difference of one path string each.
    var rootPath: String
    /// True when the file was reached through a symlink or named directly, so it must be checked to lie inside
    /// the root; plain files found by walking the root cannot lie outside it.
    package var mayLeaveRoot: Bool

    /// A file at `relativePath` below the folder `rootPath` (or at `relativePath` itself when it is absolute).
    package init(relativePath: String, rootPath: String, mayLeaveRoot: Bool) {
      self.relativePath = relativePath
      self.rootPath = rootPath
      self.mayLeaveRoot = mayLeaveRoot
    }

    /// Absolute path. A plain string, not a `URL`: on Linux a `URL` costs a few hundred bytes.
    package var path: String {
      if relativePath.hasCodeUnitPrefix("/") { return relativePath }
      return rootPath.utf8.last == UInt8(ascii: "/") ? rootPath + relativePath : rootPath + "/" + relativePath
    }

    /// The file as a URL.
    package var url: URL { URL(fileURLWithPath: path) }
  }

  /// What a PATH holds: its preset files, and the files that look like preset files but are not read.
  package struct Listing: Sendable {
    /// The preset files, sorted by relative path bytewise.
    package var files: [PresetFile]
    /// Root-relative paths of files whose extension is `.yaml`/`.yml` in another case (`a.YAML`), sorted: they
    /// are not preset files (the rule is exact, so a build reads the same files on every file system), and
    /// are reported so that they are not skipped silently.
    package var miscased: [String]
  }

  /// The preset files under `path` (a folder, or one file taken as is), sorted by relative path bytewise.
  package func presetFiles(under path: String) throws(DiagnosticError) -> [PresetFile] {
    try listing(under: path).files
  }

  /// True for a file name a folder walk takes as a preset file.
  static func isPresetFileName(_ name: String) -> Bool {
    (name.hasSuffix(".yaml") || name.hasSuffix(".yml")) && name != defaultsFileName && name != RepositoryConfig.fileName
  }

  /// The extension a miscased preset file name should have (`.yaml` for `a.YAML`), or nil for any other name.
  package static func correctedExtension(_ name: String) -> String? {
    guard !name.hasSuffix(".yaml") && !name.hasSuffix(".yml") else { return nil }
    let lower = name.lowercased()
    return lower.hasSuffix(".yaml") ? ".yaml" : lower.hasSuffix(".yml") ? ".yml" : nil
  }

  /// The preset files under `path` and the miscased look-alikes next to them (see `Listing`).
  package func listing(under path: String) throws(DiagnosticError) -> Listing {
    let fm = FileManager.default
    let start = URL(fileURLWithPath: path).standardizedFileURL
    var isDirectory: ObjCBool = false
    guard fm.fileExists(atPath: start.path, isDirectory: &isDirectory) else {
      throw DiagnosticError(.error("input.not-found", "no such file or folder: \(path)"))
    }
    guard isDirectory.boolValue else {
      return Listing(
        files: [PresetFile(relativePath: relativePath(start), rootPath: rootPath, mayLeaveRoot: true)], miscased: [])
    }
    let prefix = relativePath(start)
    let startPath = start.path
    // Entries come back relative to the root already (the start folder's own relative path as their label),
    // or absolute for a start folder outside the root: one string per file, no re-joined copies.
    let label = prefix == rootPath ? "" : prefix
    let found = DirectoryWalker.files(under: startPath, label: label) { name in
      Self.isPresetFileName(name) || Self.correctedExtension(name) != nil
    }
    // A start folder outside the root (or reached through a symlinked folder) is checked file by file.
    let outsideRoot =
      (prefix.hasCodeUnitPrefix("/") && prefix != rootPath)
      || !containsResolved(RealPath.resolve(startPath) ?? startPath)
    var files: [PresetFile] = []
    files.reserveCapacity(found.count)
    var miscased: [String] = []
    for entry in found {
      if Self.isPresetFileName(entry.name) {
        files.append(
          PresetFile(relativePath: entry.relativePath, rootPath: rootPath, mayLeaveRoot: entry.isSymlink || outsideRoot)
        )
      } else {
        miscased.append(entry.relativePath)
      }
    }
    files.sort { $0.relativePath.precedesInCodeUnits($1.relativePath) }
    miscased.sort { $0.precedesInCodeUnits($1) }
    return Listing(files: files, miscased: miscased)
  }
}
