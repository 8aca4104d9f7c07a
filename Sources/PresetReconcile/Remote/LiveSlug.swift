import PresetCore
import PresetModel
import PresetSchema

/// Slugs the server sends are untrusted: they are checked with the repository's own slug rule
/// (`SlugRule`) before they reach a path, a file name or a request, and shown escaped.
package enum LiveSlug {
  /// Characters of a hostile slug shown before it is cut.
  static let shownCharacters = 64

  /// A quoted, printable form: visible ASCII as is, `"` and `\` escaped, everything else (controls, escape
  /// sequences, non-ASCII) as `\u{…}`; long slugs are cut with their length noted. The key is scrubbed.
  package static func quoted(_ slug: String, scrubber: KeyScrubber) -> String {
    var out = ""
    for (index, scalar) in scrubber.scrub(slug).unicodeScalars.enumerated() {
      if index == shownCharacters {
        out += "…"
        break
      }
      switch scalar.value {
      case 0x22: out += "\\\""
      case 0x5C: out += "\\\\"
      case 0x20...0x7E: out.unicodeScalars.append(scalar)
      default: out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      }
    }
    var text = "\"" + out + "\""
    if slug.unicodeScalars.count > shownCharacters { text += " (\(slug.utf8.count) bytes)" }
    return text
  }

  /// The warning for a listed preset whose slug breaks the rule: it is skipped, not used.
  static func skipped(_ slug: String, id: String, scrubber: KeyScrubber) -> Diagnostic {
    Diagnostic(
      severity: .warning, code: RemoteError(.invalidSlug, message: "").code,
      message:
        "skipped live preset \(quoted(slug, scrubber: scrubber)) (id \(quoted(id, scrubber: scrubber))): its slug is not "
        + "a valid preset slug (\(SlugRule.wording), at most \(SlugRule.maxLength) characters)")
  }
}
