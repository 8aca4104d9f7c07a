import PresetReconcile

extension PresetTarget {
  /// `--target SLUG` of plan, apply, drift and diff.
  static let option = ArgumentParser.Option.value(
    "target", "SLUG", "Only the presets whose slug matches (repeatable; globs * and ?); the summary says so.",
    repeatable: true)
}
