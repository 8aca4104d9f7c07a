import PresetReconcile
import PresetRender
import PresetSchema

extension ImportCommand {
  /// Policy and prompt lint of every imported preset, as warnings on stderr: importing adopts what is live, so
  /// findings never stop it (`validate` then reports the errors among them). The policy is the nearest
  /// `presetctl.yaml` at or above `--into`.
  static func warnAboutPolicy(_ presets: [(String, LivePreset?)], into: String, _ context: CommandLineTool.Context) {
    let folder = ReviewLiveCheck.locate(path: into).relativePath
    let items: [ReviewLiveCheck.Item] = presets.compactMap { slug, live in
      guard let live, let file = LiveImport.file(for: live, validators: SkinValidators.embedded) else { return nil }
      return ReviewLiveCheck.Item(text: file.text, relativePath: (folder.isEmpty ? "" : folder + "/") + slug + ".yaml")
    }
    let outcome = ReviewLiveCheck.check(
      items, path: into, nearest: true, report: DiagnosticRenderer.textReport(style: context.console.errStyle))
    guard !outcome.diagnostics.isEmpty else { return }
    let errors = outcome.diagnostics.filter { $0.severity == .error }.count
    context.console.error(
      "warning: the imported presets have \(outcome.diagnostics.count) policy or lint finding(s)"
        + (errors == 0 ? "" : ", \(errors) of them errors that `presetctl validate` will report")
        + " (import never stops for them):\n" + outcome.report)
  }
}
