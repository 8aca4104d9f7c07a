import PresetCore
import PresetModel
import PresetSchema

/// What reconciling the desired presets with the live ones would do, preset by preset.
package struct PresetPlan: Sendable {
  /// The action for one desired preset.
  package enum Action: String, Sendable, Codable {
    /// The slug does not exist live (404): the POST creates it.
    case create
    /// The live designated version normalises to a different version: the POST makes a new version.
    case update
    /// Live and desired versions are equal: nothing is sent.
    case unchanged
  }

  /// One desired preset and its live counterpart.
  package struct Entry: Sendable {
    /// The desired preset.
    package var desired: Preset
    /// What will be done.
    package var action: Action
    /// The live preset, when it exists.
    package var live: LivePreset?
    /// The live content version (our hash of the normalised live model); nil when absent.
    package var liveVersion: PresetVersion?

    /// An entry.
    package init(desired: Preset, action: Action, live: LivePreset?, liveVersion: PresetVersion?) {
      self.desired = desired
      self.action = action
      self.live = live
      self.liveVersion = liveVersion
    }

    /// Config differences live → desired, by path.
    package var configChanges: [JSONDiff.Change] {
      JSONDiff.changes(from: .object(live?.model?.config ?? JSONObject()), to: .object(desired.model.config))
    }

    /// The system prompt live → desired as a unified diff; empty when equal.
    package func promptDiff() -> String {
      promptDiffOutput().text
    }

    /// `promptDiff`, with the replacement when the prompts are too different to diff (for JSON output).
    package func promptDiffOutput() -> TextDiff.Output {
      TextDiff.output(
        old: live?.model?.systemPrompt, new: desired.model.systemPrompt, oldName: "live/\(desired.slug)",
        newName: desired.promptSource.map { "\($0.file):\($0.line)" } ?? "desired/\(desired.slug)")
    }
  }

  /// One entry per desired preset, sorted by slug.
  package var entries: [Entry]
  /// Live presets the repository does not define (reported, never touched: the API cannot delete).
  package var unmanaged: [LivePresetSummary]

  /// Warnings about the live state, e.g. `remote.bad-slug` for listed presets that were skipped.
  package var warnings: [Diagnostic]

  /// The `--target` the plan was limited to; nil for a whole run.
  package var target: PresetTarget?

  /// Creates a plan.
  package init(entries: [Entry], unmanaged: [LivePresetSummary], warnings: [Diagnostic] = []) {
    self.entries = entries.sorted { $0.desired.slug.precedesInCodeUnits($1.desired.slug) }
    self.unmanaged = unmanaged.sorted { $0.slug.precedesInCodeUnits($1.slug) }
    self.warnings = warnings
  }

  /// Entries that need a POST.
  package var changes: [Entry] { entries.filter { $0.action != .unchanged } }

  /// True when applying would send anything (unmanaged presets alone are not changes).
  package var hasChanges: Bool { !changes.isEmpty }

  /// Counts per action.
  package func count(_ action: Action) -> Int { entries.filter { $0.action == action }.count }
}
