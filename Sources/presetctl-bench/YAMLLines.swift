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

  /// `text` as a YAML double-quoted scalar (escapes backslash, quote and control characters).
  static func doubleQuoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case "\"": out += "\\\""
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          out += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}

extension String {
  /// The text with every LF written as CRLF (prompt files saved on Windows).
  func replacingCRLF() -> String {
    split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
  }
}
