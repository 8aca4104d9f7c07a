/// A small YAML text builder: lines at two-space indent levels, literal blocks, and double-quoted strings.
struct YAMLLines {
  private var lines: [String] = []

  /// Adds `text` at indent `level` (two spaces each).
  mutating func add(_ level: Int, _ text: String) {
    lines.append(String(repeating: "  ", count: level) + text)
  }

  /// Adds the lines of a literal block scalar's content at `indent` levels; empty lines stay empty.
  mutating func addBlock(_ text: String, indent level: Int) {
    let prefix = String(repeating: "  ", count: level)
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lines.append(line.isEmpty ? "" : prefix + line)
    }
  }

  /// The document, one line per entry, ending with a newline.
  var text: String { lines.joined(separator: "\n") + "\n" }
}

extension String {
  /// The text with every LF written as CRLF (prompt files saved on Windows).
  func replacingCRLF() -> String {
    split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
  }
}
