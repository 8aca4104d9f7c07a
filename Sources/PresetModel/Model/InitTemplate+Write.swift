import Foundation
import PresetCore

#if canImport(Glibc)
  import Glibc
#endif

extension InitTemplate {
  /// Why `init` wrote nothing.
  package struct Failure: Error, Sendable, Equatable {
    /// The stable diagnostic code: `init.exists` (files already there) or an `output.*` code of the write.
    package var code: String
    /// What is wrong, the reason and the fix; paths are the user's, callers neutralise.
    package var message: String
  }

  /// Writes every file below `folder` (created when missing). Checks every target first: when any exists (any
  /// node, a dangling symlink too) nothing is written, so a refused init leaves no partial tree.
  package static func write(into folder: String) throws(Failure) -> [String] {
    let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
    let targets = files.map { (path: (base.isEmpty ? "/" : base + "/") + $0.path, text: $0.text) }
    let existing = targets.map(\.path).filter { path in
      var info = stat()
      return lstat(path, &info) == 0
    }
    guard existing.isEmpty else {
      throw Failure(
        code: "init.exists",
        message: "\(existing.joined(separator: ", ")) already exist\(existing.count == 1 ? "s" : ""); init never "
          + "overwrites, so nothing was written: run it in an empty folder, or move those files away")
    }
    for target in targets {
      do throws(AtomicFile.WriteError) {
        try AtomicFile.write(target.text, to: target.path)
      } catch {
        throw Failure(code: error.code, message: error.description)
      }
    }
    return targets.map(\.path)
  }
}
