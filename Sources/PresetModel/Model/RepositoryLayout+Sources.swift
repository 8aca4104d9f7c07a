import PresetCore

extension RepositoryLayout {
  /// What a compilation of `input` read, for `OutputTarget.refuseOverwriting`: the input path and each prompt
  /// file once (root-relative paths are joined to the root), under the canonical root. Many presets share a
  /// prompt file, and each path listed here is resolved with `realpath`, so they are made distinct first.
  package func sources(input: String, promptFiles: some Sequence<String>) -> OutputTarget.Sources {
    let prompts = Set(promptFiles).map { $0.hasCodeUnitPrefix("/") ? $0 : rootPath + "/" + $0 }
    return OutputTarget.Sources(root: canonicalRoot, files: [input] + prompts)
  }
}
