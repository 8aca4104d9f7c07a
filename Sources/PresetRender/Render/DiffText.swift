/// A unified prompt diff made safe for a terminal: the diff is computed without colour, its lines are
/// neutralised (`SafeText.terminalLines`: CR, ESC and bidi controls escaped, so a prompt cannot drive the
/// terminal or reorder lines), and only then coloured, so the only escape sequences are presetctl's own.
package enum DiffText {
  /// `diff` (from `TextDiff.unified` without style) neutralised and styled; empty stays empty.
  package static func terminal(_ diff: String, style: Style) -> String {
    guard !diff.isEmpty else { return "" }
    let lines = SafeText.terminalLines(diff).split(separator: "\n", omittingEmptySubsequences: false)
    var out = ""
    for (i, line) in lines.enumerated() {
      if i == lines.count - 1 && line.isEmpty { break }
      let text = String(line)
      if i < 2 && (text.hasPrefix("--- ") || text.hasPrefix("+++ ")) {
        out += style.bold(text)
      } else if text.hasPrefix("@@ ") {
        out += style.info(text)
      } else if text.hasPrefix("+") {
        out += style.added(text)
      } else if text.hasPrefix("-") {
        out += style.removed(text)
      } else {
        out += text
      }
      out += "\n"
    }
    return out
  }
}
