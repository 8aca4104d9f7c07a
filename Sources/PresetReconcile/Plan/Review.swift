import PresetCore
import PresetModel
import PresetSchema

/// The comparison behind `presetctl diff`: two sets of compiled presets (two git revisions, or two bundles),
/// classified preset by preset for a pull-request review.
///
/// Presets are matched by slug. A removed and an added preset with the same version (identical content) are
/// one rename. Unchanged presets are only counted.
package struct Review: Sendable {
  /// What happened to one preset between base and head.
  package enum Status: String, Sendable, CaseIterable {
    /// Only in head: the next apply creates it.
    case added
    /// Only in base: the live preset stays, because the API cannot delete.
    case removed
    /// In both, with different versions.
    case changed
    /// A removed and an added slug with the same version.
    case renamed
  }

  /// One preset that differs.
  package struct Entry: Sendable {
    /// The classification.
    package var status: Status
    /// The slug in head (for `removed`, the slug in base).
    package var slug: String
    /// The base preset; nil for `added`.
    package var old: Preset?
    /// The head preset; nil for `removed`.
    package var new: Preset?
    /// Config differences base → head, by path (changed presets only).
    package var configChanges: [JSONDiff.Change]
    /// Head lines of the config changes, parallel to `configChanges`, when the head YAML could be read.
    package var changeLines: [Int?]
    /// Files of the config changes, parallel to `configChanges`, where a change was written outside the preset
    /// file (an environment override in `presetctl.yaml`); nil entries (or an empty list) mean the preset file.
    package var changeFiles: [String?] = []
    /// Risky parts of the change, each with its callout text.
    package var risks: [ReviewRisk]

    /// The base slug of a rename; otherwise the slug.
    package var oldSlug: String { old?.slug ?? slug }

    /// True when the system prompt differs.
    package var promptChanged: Bool {
      guard status == .changed, let old, let new else { return false }
      return !Review.sameText(old.model.systemPrompt, new.model.systemPrompt)
    }

    /// The head line of one config change: its key in the YAML when known, else the preset's first line.
    package func line(ofChange index: Int) -> Int {
      let known = changeLines.indices.contains(index) ? changeLines[index] : nil
      return known ?? (new ?? old)?.source.line ?? 1
    }

    /// The head file and line of one config change: `presetctl.yaml` for an environment override, else the
    /// preset file (see `line(ofChange:)`).
    package func origin(ofChange index: Int) -> Preset.Origin {
      let file = changeFiles.indices.contains(index) ? changeFiles[index] : nil
      return Preset.Origin(file: file ?? (new ?? old)?.source.file ?? "", line: line(ofChange: index))
    }

    /// The head file and line of a risk: its own when known, else the preset's first line.
    package func origin(of risk: ReviewRisk) -> Preset.Origin {
      let source = (new ?? old)?.source
      return Preset.Origin(file: risk.file ?? source?.file ?? "", line: risk.line ?? source?.line ?? 1)
    }
  }

  /// How the base side is named in output (a revision as given, or a bundle path).
  package var baseLabel: String
  /// How the head side is named in output (`working tree`, a revision, or a bundle path).
  package var headLabel: String
  /// Presets that differ, sorted by (head) slug.
  package var entries: [Entry]
  /// How many presets are identical on both sides.
  package var unchangedCount: Int
  /// Remarks about the inputs shown above the report (PATH missing on one side, say).
  package var notes: [String] = []
  /// The environment of `presetctl.yaml` both sides were compiled for; nil for the default presets.
  package var environment: String?
  /// Lint suppressions that differ (they do not change versions, so they are not entries).
  package var suppressionChanges: [SuppressionChange] = []
  /// The `--target` both sides were limited to; nil for a whole comparison.
  package var target: PresetTarget?

  /// Compares two preset sets.
  package init(base: [Preset], head: [Preset], baseLabel: String, headLabel: String) {
    self.baseLabel = baseLabel
    self.headLabel = headLabel
    (entries, unchangedCount) = Self.compare(base: base, head: head)
    suppressionChanges = Self.suppressionChanges(base: base, head: head)
  }

  /// True when any preset was added, removed, changed or renamed.
  package var hasChanges: Bool { !entries.isEmpty }

  /// How many entries have a status.
  package func count(_ status: Status) -> Int { entries.filter { $0.status == status }.count }

  /// Every risk of every entry, in entry order.
  package var risks: [(entry: Entry, risk: ReviewRisk)] {
    entries.flatMap { entry in entry.risks.map { (entry, $0) } }
  }

  /// `1 added, 0 removed, 2 changed, 1 renamed, 3 unchanged`, then `(targeted: …)` for a targeted review.
  package var summary: String {
    Status.allCases.map { "\(count($0)) \($0.rawValue)" }.joined(separator: ", ") + ", \(unchangedCount) unchanged"
      + (target.map { " (\($0.label))" } ?? "")
  }
}
