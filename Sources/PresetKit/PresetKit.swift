/// Namespace for package-wide constants.
package enum PresetKit {
  /// The tool's version, printed by `presetctl --version`.
  package static let version = "0.1.0"
}
