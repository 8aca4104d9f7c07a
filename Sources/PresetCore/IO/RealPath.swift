import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Canonical paths through `realpath(3)`: symlinks resolved, `.`/`..` removed. The one place that calls it, so
/// every "is this the same file" question (output guards, repository roots) agrees.
package enum RealPath {
  /// The canonical path of an existing file or folder; nil when it does not exist or cannot be resolved.
  package static func resolve(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}
