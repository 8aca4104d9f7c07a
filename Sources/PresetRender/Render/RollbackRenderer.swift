import PresetCore
import PresetModel
import PresetReconcile

/// `presetctl rollback` output: live → version N as config changes and a prompt diff, and diff's risk lines.
package struct RollbackRenderer: Sendable {
  /// The preset.
  package var slug: String
  /// The live preset (nil: none live).
  package var live: LivePreset?
  /// The version to restore.
  package var version: LiveVersion

  /// Creates a renderer.
  package init(slug: String, live: LivePreset?, version: LiveVersion) {
    self.slug = slug
    self.live = live
    self.version = version
  }

  /// `slug: live vN (short) → content of vM (short)`, then each config change and the prompt diff.
  package func diff(style: Style) -> String {
    let (current, wanted, target) = (live?.model, version.model, version.version)
    var out =
      SafeText.terminal(
        "\(slug): live v\(live?.designatedVersion?.version ?? 0) (\(current?.version.short ?? "none")) → content of v\(target) (\(wanted.version.short))"
      ) + "\n"
    for change in JSONDiff.changes(from: .object(current?.config ?? JSONObject()), to: .object(wanted.config)) {
      out += ChangeLine.terminal(change)
    }
    out += DiffText.terminal(
      TextDiff.unified(old: current?.systemPrompt, new: wanted.systemPrompt, oldName: "live", newName: "v\(target)"),
      style: style)
    return out
  }

  /// One `⚠ title: detail` line per risk rule of `presetctl diff` that the rollback trips (live → vN).
  package func risks(style: Style) -> String {
    let old = live?.model ?? PresetModel(config: JSONObject(), systemPrompt: nil)
    return ReviewRisk.assess(old: old, new: version.model).map { style.warning("⚠ \($0.title):") + " \($0.detail)\n" }
      .joined()
  }
}
