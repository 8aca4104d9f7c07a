import PresetCore

extension SchemaTightenings {
  /// The rules as a Markdown table (file, pointer, change, source) for `README.md`.
  package static func markdownTable() -> String {
    var lines = [
      "| schema files | JSON pointer | change | source |",
      "|---|---|---|---|",
    ]
    for rule in all {
      let files = rule.files.count == allSkins.count ? "all three request schemas" : rule.files.joined(separator: ", ")
      let pointer = rule.pointer.isEmpty ? "(root)" : rule.pointer
      let changes = rule.changes.map(describe).joined(separator: "; ")
      lines.append("| \(cell(files)) | `\(pointer)` | \(cell(changes)) | \(cell(rule.source)) |")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// One change in words, values as compact JSON.
  static func describe(_ change: SchemaTightening.Change) -> String {
    func json(_ value: JSONValue) -> String { JSONWriter.string(value, options: .canonical) }
    switch change {
    case .add(let key, let value): return "add `\(key): \(json(value))`"
    case .replace(let key, let expected, let value): return "`\(key)`: `\(json(expected))` → `\(json(value))`"
    case .expect(let key, let value): return "expect `\(key): \(json(value))`"
    }
  }

  /// Table cell text with pipes escaped.
  static func cell(_ text: String) -> String {
    String(text.flatMap { $0 == "|" ? ["\\", "|"] : [$0] })
  }
}
