import Foundation
import Testing

/// Golden files under `Tests/Fixtures/`; `PRESETCTL_UPDATE_GOLDENS=1 swift test` rewrites them (the older
/// spelling `PRESETCTL_UPDATE_GOLDEN=1` still works).
enum Golden {
  /// True when the run should rewrite golden files instead of comparing.
  static var updating: Bool {
    let environment = ProcessInfo.processInfo.environment
    return environment["PRESETCTL_UPDATE_GOLDENS"] == "1" || environment["PRESETCTL_UPDATE_GOLDEN"] == "1"
  }

  static func check(_ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws
  {
    let url = Shared.packageRoot.appendingPathComponent("Tests/Fixtures/\(name)")
    if updating {
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(actual.utf8).write(to: url)
      return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(
      actual == expected, "golden \(name) differs (PRESETCTL_UPDATE_GOLDENS=1 rewrites it)",
      sourceLocation: sourceLocation)
  }

  /// The files of a fixture repository under `Tests/Fixtures/<name>/`, relative path → text.
  static func repository(_ name: String) throws -> [String: String] {
    let base = Shared.packageRoot.appendingPathComponent("Tests/Fixtures/\(name)")
    var files: [String: String] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: base.path) else { return files }
    for case let relative as String in enumerator {
      var isDirectory: ObjCBool = false
      let full = base.appendingPathComponent(relative).path
      if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
        files[relative] = try String(contentsOfFile: full, encoding: .utf8)
      }
    }
    return files
  }
}
