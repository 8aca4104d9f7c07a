import Foundation
import PresetCompiler
import PresetCore
import PresetModel
import PresetReconcile
import PresetRender

/// Compiles a captured file in a scratch folder before it is written, so `capture` never writes a file that
/// does not compile to the body's version.
enum CaptureCheck {
  /// nil when the file compiles to `expected`; else the problems (compile errors, or `capture.mismatch`).
  static func verify(_ output: CaptureFileText.Output, slug: String, expected: PresetVersion) -> [Diagnostic]? {
    let fm = FileManager.default
    let scratch = fm.temporaryDirectory.appendingPathComponent("presetctl-capture-\(UUID().uuidString)")
    defer { try? fm.removeItem(at: scratch) }
    do {
      try fm.createDirectory(at: scratch.appendingPathComponent(".git"), withIntermediateDirectories: true)
      try AtomicFile.write(output.yaml, to: scratch.appendingPathComponent(slug + ".yaml").path)
      if let file = output.promptFile {
        try AtomicFile.write(file.text, to: scratch.appendingPathComponent(file.name).path)
      }
    } catch {
      return [.error("capture.check", "cannot check the captured file in a scratch folder: \(error)")]
    }
    let result = Compiler().compile(path: scratch.path)
    let errors = result.diagnostics.filter { $0.severity == .error }
    if !errors.isEmpty { return errors }
    guard let preset = result.presets.first, preset.model.version == expected else {
      return [
        .error(
          "capture.mismatch",
          "the captured file compiles to another version than the body would store; nothing was written",
          hint: "please report this with the body")
      ]
    }
    return nil
  }
}
