/// The preset slug rule, the one definition the compiler, the preset file schema and the checks on slugs the
/// server sends all use: lowercase ASCII letters and digits in `-`-separated runs, at most 64 bytes. It keeps a
/// slug safe as a file name, a URL path segment and a GitHub annotation without escaping.
package enum SlugRule {
  /// The rule as a regular expression (for the schema and for messages).
  package static let pattern = "^[a-z0-9]+(-[a-z0-9]+)*$"

  /// The longest slug accepted, in bytes (all of a valid slug's characters are one byte).
  package static let maxLength = 64

  /// The rule in words, for messages.
  package static let wording = "lowercase letters, digits and single dashes"

  /// True when `slug` matches `pattern` and is at most `maxLength` bytes.
  package static func isValid(_ slug: String) -> Bool {
    let bytes = Array(slug.utf8)
    guard !bytes.isEmpty, bytes.count <= maxLength, bytes.first != 0x2D, bytes.last != 0x2D else { return false }
    var previousDash = false
    for b in bytes {
      if b == 0x2D {
        if previousDash { return false }
        previousDash = true
      } else if (0x61...0x7A).contains(b) || (0x30...0x39).contains(b) {
        previousDash = false
      } else {
        return false
      }
    }
    return true
  }
}
