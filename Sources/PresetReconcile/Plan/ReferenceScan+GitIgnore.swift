import PresetPolicy

extension ReferenceScan {
  /// The `.gitignore` subset `refs` honours, per folder.
  ///
  /// Supported: blank lines and `#` comments; trailing spaces trimmed; a leading `\` escapes `#`/`!`; `!`
  /// re-includes; a trailing `/` matches folders only; a pattern with a `/` elsewhere is anchored to the
  /// `.gitignore`'s folder (a leading `/` is dropped), one without matches the name at any depth; `*`, `?` and
  /// `**` as in `GlobPattern`'s path syntax. Not supported: character classes (`[abc]` is literal),
  /// `.git/info/exclude` and global excludes. As in git, the last matching line wins, deeper files win over
  /// shallower ones, and nothing inside an excluded folder is re-included (the folder is not entered).
  package struct GitIgnore: Sendable {
    struct Rule: Sendable {
      var pattern: GlobPattern
      var negated: Bool
      var folderOnly: Bool
      var anchored: Bool
    }

    var rules: [Rule]

    /// Parses the text of one `.gitignore`.
    package init(_ text: String) {
      rules = []
      for raw in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
        var line = Substring(raw)
        if line.last == "\r" { line = line.dropLast() }
        while line.last == " " { line = line.dropLast() }
        if line.isEmpty || line.hasPrefix("#") { continue }
        var negated = false
        if line.hasPrefix("!") {
          negated = true
          line = line.dropFirst()
        } else if line.hasPrefix("\\") {
          line = line.dropFirst()
        }
        var folderOnly = false
        if line.hasSuffix("/") {
          folderOnly = true
          line = line.dropLast()
        }
        let anchored = line.contains("/")
        if line.hasPrefix("/") { line = line.dropFirst() }
        guard !line.isEmpty else { continue }
        rules.append(
          Rule(
            pattern: GlobPattern(String(line), syntax: .path), negated: negated, folderOnly: folderOnly,
            anchored: anchored))
      }
    }

    /// The verdict of this file for `path` (relative to its folder): true ignored, false re-included, nil no
    /// line matched.
    package func verdict(_ path: String, isFolder: Bool) -> Bool? {
      let name = path.slashComponents().last.map(String.init) ?? path
      var result: Bool?
      for rule in rules where !rule.folderOnly || isFolder {
        if rule.pattern.matches(rule.anchored ? path : name) { result = !rule.negated }
      }
      return result
    }
  }
}
