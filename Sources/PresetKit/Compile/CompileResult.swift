/// What one compilation produced: the presets that compiled cleanly and every diagnostic of every file.
public struct CompileResult: Sendable {
  /// The repository the inputs belong to.
  public var layout: RepositoryLayout
  /// Presets without errors, sorted by slug.
  public var presets: [Preset]
  /// All diagnostics, sorted by file and position.
  public var diagnostics: [Diagnostic]
  /// How many preset files were read.
  public var fileCount: Int
  /// The repository's `presetctl.yaml` (empty when absent).
  public var config: RepositoryConfig = RepositoryConfig()
  /// The environment compiled for, if any.
  public var environment: String?

  /// True when any diagnostic is an error: nothing may be written or pushed then.
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
