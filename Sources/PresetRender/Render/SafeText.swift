import PresetCore

/// How text presetctl did not write itself (from the server: slugs, names, creator ids, prompts, config values,
/// error messages; from files: keys, values, paths) is shown in each output format, so it can neither drive the
/// terminal, nor reorder what a reader sees, nor change the structure of Markdown or workflow commands.
///
/// Unsafe scalars are C0 controls, DEL, C1 controls, the bidirectional controls (U+061C, U+200E, U+200F,
/// U+202A–U+202E, U+2066–U+2069) and the line and paragraph separators U+2028 and U+2029. They are shown as
/// Swift-style escapes: `\n`, `\r`, `\t`, and `\u{1B}` (hex) for the rest, so the reader still sees that they
/// are there. Snippets of source lines use U+FFFD instead, one for one, so carets stay aligned.
package enum SafeText {
  /// True for a scalar that must never reach output raw (tab and line feed included; callers keep them where
  /// a context allows them).
  package static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F: true
    case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: true
    default: false
    }
  }

  /// The visible escape of one unsafe scalar.
  static func escape(_ scalar: Unicode.Scalar) -> String {
    switch scalar {
    case "\n": "\\n"
    case "\r": "\\r"
    case "\t": "\\t"
    default: "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }
  }

  /// `text` with every unsafe scalar not in `keeping` escaped, then each scalar passed through `extra`
  /// (which returns nil to keep it). Returns `text` itself when nothing needs changing.
  static func map(
    _ text: String, keeping: Set<Unicode.Scalar> = [], extra: ((Unicode.Scalar) -> String?)? = nil
  ) -> String {
    let needs = text.unicodeScalars.contains { scalar in
      (isUnsafe(scalar) && !keeping.contains(scalar)) || (extra.map { $0(scalar) != nil } ?? false)
    }
    guard needs else { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count + 16)
    for scalar in text.unicodeScalars {
      if let replacement = extra?(scalar) {
        out += replacement
      } else if isUnsafe(scalar) && !keeping.contains(scalar) {
        out += escape(scalar)
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  // MARK: Terminal text

  /// One line of terminal text: every unsafe scalar, line breaks and tabs included, is escaped.
  package static func terminal(_ text: String) -> String { map(text) }

  /// Several lines of terminal text (a prompt): line feeds and tabs stay, every other unsafe scalar (CR, ESC,
  /// bidi controls) is escaped.
  package static func terminalLines(_ text: String) -> String { map(text, keeping: ["\n", "\t"]) }

  /// A source line for a snippet: unsafe scalars (tab kept) become U+FFFD one for one, so columns still count.
  package static func snippet(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { isUnsafe($0) && $0 != "\t" }) else { return text }
    var out = ""
    for scalar in text.unicodeScalars {
      out.unicodeScalars.append(isUnsafe(scalar) && scalar != "\t" ? "\u{FFFD}" : scalar)
    }
    return out
  }

  // MARK: Markdown

  /// Markdown structure characters escaped with a backslash in prose and table cells (`|` splits cells, `<`
  /// opens HTML, `[`/`]` make links, `` ` ``, `*`, `_`, `~` format, `#` heads, `&` starts an entity).
  static let markdownSpecials: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "#", "&"]

  /// Prose (also inside a table cell): one line, unsafe scalars escaped, Markdown punctuation backslash-escaped
  /// so it renders as the characters themselves.
  package static func markdownText(_ text: String) -> String {
    map(text) { markdownSpecials.contains($0) ? "\\" + String($0) : nil }
  }

  /// A presetctl message for Markdown: messages quote values in backticks, so with balanced backticks the
  /// quoted parts become code spans (`markdownCode`) and the rest prose (`markdownText`); otherwise all is prose.
  /// Either way every part is neutralised, whatever the quoted values hold.
  package static func markdownMessage(_ text: String, inTable: Bool = false) -> String {
    let parts = text.split(separator: "`", omittingEmptySubsequences: false)
    guard parts.count > 1, parts.count % 2 == 1 else { return markdownText(text) }
    var out = ""
    for (i, part) in parts.enumerated() {
      out += i % 2 == 0 ? markdownText(String(part)) : markdownCode(String(part), inTable: inTable)
    }
    return out
  }

  /// An inline code span that survives backticks and newlines inside: the fence is one backtick longer than
  /// the longest run inside, and unsafe scalars are escaped. In a table cell (`inTable`), `|` is escaped too
  /// (GitHub splits cells before it parses code spans, and shows `\|` there as `|`).
  package static func markdownCode(_ text: String, inTable: Bool = false) -> String {
    let flat = map(text) { inTable && $0 == "|" ? "\\|" : nil }
    let ticks = String(repeating: "`", count: longestRun(of: "`", in: flat) + 1)
    let pad = flat.isEmpty || flat.hasPrefix("`") || flat.hasSuffix("`") ? " " : ""
    return ticks + pad + flat + pad + ticks
  }

  /// Text inside HTML (a `<summary>`): one line, unsafe scalars escaped, `&`, `<`, `>`, `"`, `'` and `` ` `` as
  /// entities (GitHub does not parse Markdown inside the HTML block; the backtick entity keeps it so if it did).
  package static func markdownHTML(_ text: String) -> String {
    map(text) { scalar in
      switch scalar {
      case "&": "&amp;"
      case "<": "&lt;"
      case ">": "&gt;"
      case "\"": "&quot;"
      case "'": "&#39;"
      case "`": "&#96;"
      default: nil
      }
    }
  }

  /// A fenced code block (` ```diff `) no line of `body` can close: the fence is longer than any backtick run
  /// inside (at least three), and unsafe scalars but line feeds and tabs are escaped.
  package static func markdownFence(_ body: String, info: String = "") -> String {
    let lines = terminalLines(body)
    let fence = String(repeating: "`", count: max(3, longestRun(of: "`", in: lines) + 1))
    return fence + info + "\n" + lines + (lines.hasSuffix("\n") || lines.isEmpty ? "" : "\n") + fence + "\n"
  }

  static func longestRun(of character: Unicode.Scalar, in text: String) -> Int {
    var longest = 0
    var run = 0
    for scalar in text.unicodeScalars {
      run = scalar == character ? run + 1 : 0
      longest = max(longest, run)
    }
    return longest
  }

  // MARK: GitHub workflow commands

  /// Workflow-command data (the message after `::`): unsafe scalars but CR and LF escaped as text, then `%`,
  /// CR and LF percent-encoded, so the command stays on one line and the log shows no escape sequences.
  package static func annotation(_ text: String) -> String {
    map(text, keeping: ["\r", "\n"]) { scalar in
      switch scalar {
      case "%": "%25"
      case "\r": "%0D"
      case "\n": "%0A"
      default: nil
      }
    }
  }

  /// A workflow-command property value (`file=`, `title=`): as `annotation`, plus `:` and `,` encoded (the
  /// escapes `annotation` writes contain neither).
  package static func annotationProperty(_ text: String) -> String {
    annotation(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
  }

  // MARK: JSON

  /// A rendered JSON document with DEL, C1 controls, bidi controls and U+2028/U+2029 written as `\uXXXX`
  /// (JSONWriter already escapes C0). Valid because outside strings JSON is ASCII, so these occur only inside
  /// strings, where the escape means the same scalar.
  package static func json(_ document: String) -> String {
    map(document, keeping: Set((0..<0x20).compactMap(Unicode.Scalar.init))) { scalar in
      guard isUnsafe(scalar), scalar.value >= 0x20 else { return nil }
      let hex = String(scalar.value, radix: 16)
      return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
  }
}
