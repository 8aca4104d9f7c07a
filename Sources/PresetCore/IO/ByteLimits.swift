/// Every byte limit presetctl reads with, in one place. (Not `Limits`: `YAMLLoader.Limits` would shadow it.)
///
/// Each limit is far above what a real repository or API answer holds; it exists so that a hostile or
/// mistaken input (a multi-gigabyte file, an endless answer, a FIFO) fails with a clear error instead of
/// exhausting memory.
package enum ByteLimits {
  /// A preset, defaults, `presetctl.yaml` or prompt file, and any blob read from git for one: 4 MiB. Presets
  /// and prompts are kilobytes; 4 MiB keeps parsing and line diffs fast and bounded (`TextDiff`).
  package static let sourceFile = 4 * 1024 * 1024

  /// A file a diagnostic snippet quotes: 64 MiB. Only one line of it is shown; the bound only keeps a
  /// diagnostic on a huge file from reading it whole without limit.
  package static let snippetFile = 64 * 1024 * 1024

  /// One HTTP answer from the API: 64 MiB. The preset API's answers are kilobytes; 64 MiB is generous and
  /// still stops a server that streams without end.
  package static let response = 64 * 1024 * 1024

  /// A bundle or plan file (JSON written by `build`/`plan`): 512 MiB. It holds every preset with its prompts,
  /// so it may be far larger than one source file: thousands of presets with prompts up to `sourceFile`.
  package static let jsonDocument = 512 * 1024 * 1024
}
