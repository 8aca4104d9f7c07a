extension OutputTarget {
  /// What a command read as input, which its output must never overwrite.
  ///
  /// The rule is deliberately wider than "the files read": every `*.yaml`/`*.yml` path (any case) below the
  /// repository root is refused, because preset files, `_defaults.yaml` and `presetctl.yaml` all live there and
  /// a file that is not read today (a new preset) may be read by the next build. Files read outside that rule
  /// (prompt files of any extension, a bundle given as input) are refused by exact canonical path.
  package struct Sources: Sendable {
    /// The repository root, canonical; nil when no repository was compiled (a bundle was read).
    package var root: String?
    /// Canonical paths of the other files read.
    package var files: Set<String>

    /// The sources of a compilation rooted at `root` (canonical; nil when a bundle was read), plus `files`
    /// (absolute or relative to the working folder).
    package init(root: String?, files: [String]) {
      self.root = root
      self.files = Set(files.map(OutputTarget.canonicalPath))
    }
  }

  /// Throws `output.source` when the resolved file is one of `sources` (standard output never is).
  package func refuseOverwriting(_ sources: Sources) throws(AtomicFile.WriteError) {
    guard let filePath else { return }
    let resolved = Self.canonicalPath(filePath)
    let lowered = resolved.lowercased()
    let yaml = lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml")
    let inRoot = sources.root.map { PathContainment.isInside(resolved, folder: $0) } ?? false
    if yaml && inRoot {
      throw AtomicFile.WriteError(
        path: requested,
        reason: "it would overwrite a preset source (YAML files below the repository root are never outputs)",
        code: "output.source")
    }
    if sources.files.contains(resolved) {
      throw AtomicFile.WriteError(
        path: requested, reason: "it would overwrite a file this command reads as input", code: "output.source")
    }
  }
}
