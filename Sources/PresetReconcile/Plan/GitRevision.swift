import Foundation
import PresetCore

/// One commit of a git repository, read through the `git` command line without touching the working tree.
///
/// `diff --base REV` compiles the revision's presets from a copy of its whole tree (prompt files may live
/// anywhere in the repository): `git ls-tree` lists the blobs, `git cat-file --batch` streams them, and
/// they are written below a temporary folder. Nothing is checked out, no index or ref is changed, and
/// `.gitattributes` (`export-ignore`, filters) has no effect, unlike `git archive`.
package struct GitRevision: Sendable {
  /// Why git could not give what was asked.
  package struct Failure: Error, Sendable, CustomStringConvertible {
    /// What went wrong, with git's own message when it gave one.
    package var message: String
    /// Creates a failure.
    package init(_ message: String) { self.message = message }
    /// The text shown to people.
    package var description: String { message }
  }

  /// The working tree's top folder (`git rev-parse --show-toplevel`).
  package var repositoryRoot: URL
  /// The revision as the user wrote it (`main`, `HEAD~1`, a hash).
  package var name: String
  /// The full commit hash it resolved to.
  package var commit: String

  /// The top folder of the repository holding `directory`.
  package static func repositoryRoot(near directory: URL) throws(Failure) -> URL {
    let output = try git(["rev-parse", "--show-toplevel"], in: directory)
    let path = String(decoding: output, as: UTF8.self).trimmingCharacters(in: .newlines)
    guard !path.isEmpty else { throw Failure("git did not name the repository's top folder") }
    return URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
  }

  /// Resolves a revision name to a commit of the repository at `root`.
  package static func resolve(_ name: String, repositoryRoot root: URL) throws(Failure) -> GitRevision {
    guard !name.isEmpty, !name.hasPrefix("-") else { throw Failure("invalid revision '\(name)'") }
    let output: [UInt8]
    do {
      output = try git(["rev-parse", "--verify", "--quiet", "--end-of-options", name + "^{commit}"], in: root)
    } catch {
      // A repository without commits has no revision at all: fetch-depth is not the fix there.
      let anyCommit = (try? git(["rev-list", "-n", "1", "--all"], in: root)).map { !$0.isEmpty } ?? true
      guard anyCommit else {
        throw Failure(
          "the repository at \(root.path) has no commits yet, so there is no revision '\(name)' to compare with; "
            + "commit the presets first (then `diff --base \(name)` compares the working tree with that commit), "
            + "or compare two bundles with `presetctl diff OLD.json NEW.json`")
      }
      throw Failure(
        "unknown revision '\(name)': not a commit in \(root.path); check the branch, tag or commit name, and in CI "
          + "fetch the history (actions/checkout with fetch-depth: 0)")
    }
    let commit = String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    guard commit.count >= 40, commit.utf8.allSatisfy(Self.isHexDigit) else {
      throw Failure("git resolved '\(name)' to an unexpected value")
    }
    return GitRevision(repositoryRoot: root, name: name, commit: commit)
  }

  /// Writes the revision's whole tree below `folder` (which must exist and be empty).
  package func extract(to folder: URL) throws(Failure) {
    let entries = try treeEntries()
    // Larger blobs are written as sparse placeholders of the right size: the compiler refuses files over its
    // limits by size alone, so their bytes are never needed.
    let small = entries.filter { $0.kind == .file && $0.size <= ByteLimits.sourceFile }
    let contents = try blobs(small.map(\.object))
    let fm = FileManager.default
    func target(_ path: String) throws(Failure) -> URL {
      let url = folder.appendingPathComponent(path)
      do {
        try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      } catch {
        throw Failure("cannot create a folder for \(path) in \(folder.path): \(error.localizedDescription)")
      }
      return url
    }
    // Regular files first, symlinks last: no write can then go through a link out of the folder.
    for entry in entries where entry.kind == .file {
      let url = try target(entry.path)
      guard fm.createFile(atPath: url.path, contents: nil) else {
        throw Failure("cannot write \(entry.path) in \(folder.path)")
      }
      if let bytes = contents[entry.object] {
        guard let handle = FileHandle(forWritingAtPath: url.path) else {
          throw Failure("cannot write \(entry.path) in \(folder.path)")
        }
        defer { try? handle.close() }
        do { try handle.write(contentsOf: bytes) } catch { throw Failure("cannot write \(entry.path): \(error)") }
      } else if entry.size > 0 {
        guard let handle = FileHandle(forWritingAtPath: url.path) else {
          throw Failure("cannot write \(entry.path) in \(folder.path)")
        }
        defer { try? handle.close() }
        do { try handle.truncate(atOffset: UInt64(entry.size)) } catch {
          throw Failure("cannot write \(entry.path): \(error)")
        }
      }
    }
    let linkTargets = try blobs(entries.filter { $0.kind == .symlink }.map(\.object))
    for entry in entries where entry.kind == .symlink {
      let url = try target(entry.path)
      guard let bytes = linkTargets[entry.object] else { continue }
      try? fm.createSymbolicLink(atPath: url.path, withDestinationPath: String(decoding: bytes, as: UTF8.self))
    }
  }

  static func isHexDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte) }
}
