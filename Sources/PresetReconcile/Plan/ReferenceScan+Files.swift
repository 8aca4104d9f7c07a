import Foundation
import PresetCore
import PresetModel

extension ReferenceScan {
  /// What scanning some sources found.
  package struct Report: Sendable {
    /// Every reference: the file (as given plus its path below the source) and the hit.
    package var references: [(file: String, hit: Hit)] = []
    /// Files read and scanned.
    package var filesScanned = 0
    /// Files skipped as binary (a NUL byte in the first 8,000 bytes, git's rule).
    package var binarySkipped = 0
    /// Files and folders skipped by `.gitignore`.
    package var ignoredSkipped = 0
    /// Files not read: larger than `maxFileBytes`, unreadable, symlinks, FIFOs and other non-regular files.
    package var unreadableSkipped = 0

    /// An empty report.
    package init() {}
  }

  /// Files larger than this are skipped (generated bundles, data): application code is far smaller.
  package static let maxFileBytes = 8 * 1024 * 1024

  /// Scans files and folders. Folders are walked without hidden folders (`.git` among them), without what
  /// the `.gitignore` files from the repository root down say (`GitIgnore`), and without symlinks; files
  /// are read in parallel.
  package static func scan(sources: [String], parallelism: Int) -> Report {
    var report = Report()
    var paths: [String] = []
    for source in sources {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: source, isDirectory: &isFolder), isFolder.boolValue else {
        paths.append(source)
        continue
      }
      var ignores = IgnoreTree(source: source)
      var ignoredFolders = 0
      let entries = DirectoryWalker.files(
        under: source, include: { _ in true },
        descend: { folder in
          let ignored = ignores.isIgnored(folder, isFolder: true)
          if ignored { ignoredFolders += 1 }
          return !ignored
        })
      report.ignoredSkipped += ignoredFolders
      let prefix = source.hasSuffix("/") ? source : source + "/"
      for entry in entries {
        if entry.isSymlink {
          report.unreadableSkipped += 1
        } else if ignores.isIgnored(entry.relativePath, isFolder: false) {
          report.ignoredSkipped += 1
        } else {
          paths.append(source == "." ? entry.relativePath : prefix + entry.relativePath)
        }
      }
    }
    let results = ParallelMap.map(paths, parallelism: parallelism) { path -> FileOutcome in
      guard let bytes = try? FileReader.read(path, limit: maxFileBytes) else { return .unreadable }
      return bytes.withUnsafeBufferPointer { buffer in
        let head = UnsafeBufferPointer(rebasing: buffer.prefix(8000))
        if let base = head.baseAddress, memchr(base, 0, head.count) != nil { return .binary }
        return .scanned(hits(in: buffer))
      }
    }
    for (path, result) in zip(paths, results) {
      switch result {
      case .unreadable: report.unreadableSkipped += 1
      case .binary: report.binarySkipped += 1
      case .scanned(let hits):
        report.filesScanned += 1
        report.references += hits.map { (path, $0) }
      }
    }
    return report
  }

  private enum FileOutcome: Sendable {
    case unreadable
    case binary
    case scanned([Hit])
  }

  /// The `.gitignore` files that govern one walked source: those from the repository root (the nearest
  /// folder with `.git` at or above it) down to each folder, read once each.
  struct IgnoreTree {
    let root: String
    /// The source's path below the root, with a trailing `/` (empty when it is the root).
    let sourcePrefix: String
    /// By folder path, compared by code units (folders whose names differ only in normalisation are two).
    var files: [CodeUnitKey: GitIgnore?] = [:]

    init(source: String) {
      let layout = RepositoryLayout(containing: source)
      root = layout.root.path
      let relative = layout.relativePath(URL(fileURLWithPath: source).standardizedFileURL)
      sourcePrefix = relative.isEmpty || relative.hasCodeUnitPrefix("/") || relative == "." ? "" : relative + "/"
    }

    /// Whether `path` (relative to the source) is ignored.
    mutating func isIgnored(_ path: String, isFolder: Bool) -> Bool {
      let components = (sourcePrefix + path).slashComponents().map(String.init)
      var verdict = false
      for depth in 0..<components.count {
        let folder = components[0..<depth].joined(separator: "/")
        guard let file = gitIgnore(folder) else { continue }
        let below = components[depth...].joined(separator: "/")
        if let v = file.verdict(below, isFolder: isFolder) { verdict = v }
      }
      return verdict
    }

    private mutating func gitIgnore(_ folder: String) -> GitIgnore? {
      if let cached = files[CodeUnitKey(folder)] { return cached }
      let path = root + (folder.isEmpty ? "" : "/" + folder) + "/.gitignore"
      let parsed = (try? FileReader.read(path, limit: 1024 * 1024)).map {
        GitIgnore(String(decoding: $0, as: UTF8.self))
      }
      files[CodeUnitKey(folder)] = .some(parsed)
      return parsed
    }
  }
}
