import PresetCore

/// Namespace for package-wide constants.
package enum PresetKit {
  /// The tool's version, printed by `presetctl --version`.
  package static let version = ToolVersion.current
}
