import Foundation
import PresetCore
import PresetReconcile
import PresetRender

/// Recognises presetctl's own JSON output (a bundle, a saved plan) given where preset YAML is expected, so
/// `validate build/presets.bundle.json` says what the file is instead of compiling it as a YAML preset (JSON is
/// YAML) and reporting `format` and `presets` as unknown preset keys.
enum CompiledInput {
  /// The stable code of the refusal.
  static let code = "input.compiled-file"

  /// The diagnostics for the paths that are presetctl JSON files; empty when none is.
  static func diagnostics(for paths: [String]) -> [Diagnostic] {
    paths.compactMap { path in
      format(ofFile: path).map { format in .error(code, message(path: path, format: format), hint: hint(format)) }
    }
  }

  /// Throws the refusal (`input.compiled-file`) when any of `paths` is a presetctl JSON file.
  static func refuse(_ paths: [String]) throws(CommandFailure) {
    let found = diagnostics(for: paths)
    guard found.isEmpty else { throw CommandFailure(found) }
  }

  /// The `format` of a file that is a JSON object written by presetctl (`presetctl.bundle/v1`, a plan), by its
  /// content whatever its name; nil for folders, unreadable files and anything else. A file is only parsed as
  /// JSON when its first byte (after a byte-order mark and white space) is `{`.
  static func format(ofFile path: String) -> String? {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
      return nil
    }
    let limit = path.hasSuffix(".json") ? ByteLimits.jsonDocument : YAMLLoader.Limits().maxFileBytes
    guard var bytes = try? FileReader.read(path, limit: limit) else { return nil }
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    guard bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) == UInt8(ascii: "{"),
      let json = try? JSONParser.parse(bytes)
    else { return nil }
    if let format = json["format"]?.stringValue, format.hasPrefix("presetctl.") { return format }
    return DesiredState.isPlan(json) ? PlanFile.format : nil
  }

  static func message(path: String, format: String) -> String {
    if format.hasPrefix("presetctl.bundle/") {
      return "this is a presetctl bundle, not a preset folder/file: \(path) (\(format))"
    }
    if format.hasPrefix("presetctl.plan/") {
      return "this is a saved presetctl plan, not a preset folder/file: \(path) (\(format))"
    }
    return "this is a presetctl file (\(format)), not a preset folder/file: \(path)"
  }

  static func hint(_ format: String) -> String {
    if format.hasPrefix("presetctl.plan/") { return "only `apply PLAN` reads a saved plan" }
    return
      "give the preset folder or YAML file it was built from (e.g. `presetctl validate presets`); `plan`, `apply`, "
      + "`drift` and `diff OLD NEW` read bundles"
  }
}
