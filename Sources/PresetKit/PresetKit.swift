/// Namespace for package-wide constants.
public enum PresetKit {
  /// The tool's version, printed by `presetctl --version`.
  public static let version = "0.1.0"
}
