/// What reconciling the desired presets with the live ones would do, preset by preset.
public struct PresetPlan: Sendable {
  /// The action for one desired preset.
  public enum Action: String, Sendable, Codable {
    /// The slug does not exist live (404): the POST creates it.
    case create
    /// The live designated version normalises to a different version: the POST makes a new version.
    case update
    /// Live and desired versions are equal: nothing is sent.
    case unchanged
  }

  /// One desired preset and its live counterpart.
  public struct Entry: Sendable {
    /// The desired preset.
    public var desired: Preset
    /// What will be done.
    public var action: Action
    /// The live preset, when it exists.
    public var live: LivePreset?
    /// The live content version (our hash of the normalised live model); nil when absent.
    public var liveVersion: PresetVersion?

    /// Config differences live → desired, by path.
    public var configChanges: [JSONDiff.Change] {
      JSONDiff.changes(from: .object(live?.model?.config ?? JSONObject()), to: .object(desired.model.config))
    }

    /// The system prompt live → desired as a unified diff; empty when equal.
    public func promptDiff(style: Style = Style(enabled: false)) -> String {
      promptDiffOutput(style: style).text
    }

    /// `promptDiff`, with the replacement when the prompts are too different to diff (for JSON output).
    public func promptDiffOutput(style: Style = Style(enabled: false)) -> TextDiff.Output {
      TextDiff.output(
        old: live?.model?.systemPrompt, new: desired.model.systemPrompt, oldName: "live/\(desired.slug)",
        newName: desired.promptSource.map { "\($0.file):\($0.line)" } ?? "desired/\(desired.slug)", style: style)
    }
  }

  /// One entry per desired preset, sorted by slug.
  public var entries: [Entry]
  /// Live presets the repository does not define (reported, never touched: the API cannot delete).
  public var unmanaged: [LivePresetSummary]

  /// Warnings about the live state, e.g. `remote.bad-slug` for listed presets that were skipped.
  public var warnings: [Diagnostic]

  /// Creates a plan.
  public init(entries: [Entry], unmanaged: [LivePresetSummary], warnings: [Diagnostic] = []) {
    self.entries = entries.sorted { $0.desired.slug.utf8.lexicographicallyPrecedes($1.desired.slug.utf8) }
    self.unmanaged = unmanaged.sorted { $0.slug.utf8.lexicographicallyPrecedes($1.slug.utf8) }
    self.warnings = warnings
  }

  /// Entries that need a POST.
  public var changes: [Entry] { entries.filter { $0.action != .unchanged } }

  /// True when applying would send anything (unmanaged presets alone are not changes).
  public var hasChanges: Bool { !changes.isEmpty }

  /// Counts per action.
  public func count(_ action: Action) -> Int { entries.filter { $0.action == action }.count }
}
