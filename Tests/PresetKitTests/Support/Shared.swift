import Foundation
import Testing

/// Locates `../shared` (beside the repository) for conformance tests; they skip when it is absent.
enum Shared {
  /// The package root, found from this file's path.
  static let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url
  }()

  /// The shared folder: `$PRESETCTL_SHARED` when set, else `../shared` beside the package.
  static let root: URL = {
    if let env = ProcessInfo.processInfo.environment["PRESETCTL_SHARED"] {
      return URL(fileURLWithPath: env)
    }
    return packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
  }()

  /// True when the shared folder exists.
  static let isAvailable: Bool = FileManager.default.fileExists(atPath: root.path)

  /// The reason printed when a test skips.
  static let skipReason: Comment = "../shared is absent (fresh clone): conformance data not available"

  /// A file under the shared folder.
  static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }
}
