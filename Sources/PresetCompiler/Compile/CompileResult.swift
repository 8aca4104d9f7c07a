import PresetCore
import PresetModel

/// What one compilation produced: the presets that compiled cleanly and every diagnostic of every file.
package struct CompileResult: Sendable {
  /// The repository the inputs belong to.
  package var layout: RepositoryLayout
  /// Presets without errors, sorted by slug.
  package var presets: [Preset]
  /// All diagnostics, sorted by file and position.
  package var diagnostics: [Diagnostic]
  /// How many preset files were read.
  package var fileCount: Int
  /// The repository's `presetctl.yaml` (empty when absent).
  package var config: RepositoryConfig = RepositoryConfig()
  /// The environment compiled for, if any.
  package var environment: String?
  /// The one `catalogue.missing` note when there is no model catalogue snapshot (the catalogue checks were
  /// skipped). Kept apart from `diagnostics` so that only `validate`, the check that reviews a repository,
  /// shows it (once per run), and nothing that counts findings sees a change without a snapshot.
  package var catalogueNote: Diagnostic?

  /// True when any diagnostic is an error: nothing may be written or pushed then.
  package var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
