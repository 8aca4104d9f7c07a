import Foundation
import PresetCore

/// A compiled `pattern`, translated from ECMA-262 syntax to ICU (what `NSRegularExpression` runs).
///
/// `NSRegularExpression` is a class but immutable after creation and documented as thread-safe, so sharing
/// one instance between tasks is sound; the wrapper exists to say so to the compiler.
///
/// Translation covers what differs in practice:
/// - `\d`, `\w` (and negations) are ASCII-only in ECMA-262; ICU's are Unicode-wide, so they become explicit sets.
/// - `\s` follows ECMA-262's list (adds `\v` and U+FEFF, which ICU's `\s` lacks).
/// - `$` means end of input (ICU's also matches before a final newline), so it becomes `\z`.
/// - `[^]` (any character) and `[]` (nothing) have no ICU spelling and become `(?s:.)` and `(?!)`.
/// - Inside classes, ICU gives `[`, `&&`, `{…}`, `$` and `[:` special meanings, so those are escaped.
/// - A `{` or `}` that is not part of a quantifier is a literal in ECMA-262 (Annex B) but an error in ICU.
/// Known gaps: `\b` uses ICU's Unicode word definition; `.` also excludes U+0085; patterns are matched by code
/// point (like ECMA-262's `u` flag), not by UTF-16 code unit; `\p{…}` accepts ICU's property names, a superset.
final class SchemaRegex: @unchecked Sendable {
  /// The pattern as written in the schema.
  let source: String
  private let regex: NSRegularExpression

  /// Translates and compiles; nil when ICU rejects the translation.
  init?(ecma source: String) {
    self.source = source
    guard let regex = try? NSRegularExpression(pattern: Self.translate(source)) else { return nil }
    self.regex = regex
  }

  /// True when the pattern matches anywhere in `text` (patterns are not implicitly anchored).
  func matches(_ text: String) -> Bool {
    let ns = NSString(string: text)
    return regex.firstMatch(in: text, options: [], range: NSRange(location: 0, length: ns.length)) != nil
  }

  private static let ecmaSpaces =
    "\\t\\n\\u000B\\f\\r\\u0020\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF"

  /// Rewrites ECMA-262 pattern syntax into the ICU equivalent.
  static func translate(_ pattern: String) -> String {
    let chars = Array(pattern.unicodeScalars)
    var out = String.UnicodeScalarView()
    func emit(_ text: String) { out.append(contentsOf: text.unicodeScalars) }
    var i = 0
    var inClass = false
    while i < chars.count {
      let c = chars[i]
      if c == "\\", i + 1 < chars.count {
        let next = chars[i + 1]
        i += 2
        switch next {
        case "d": emit(inClass ? "0-9" : "[0-9]")
        case "D": emit("[^0-9]")
        case "w": emit(inClass ? "a-zA-Z0-9_" : "[a-zA-Z0-9_]")
        case "W": emit("[^a-zA-Z0-9_]")
        case "s": emit(inClass ? ecmaSpaces : "[\(ecmaSpaces)]")
        case "S": emit("[^\(ecmaSpaces)]")
        case "b" where inClass: emit("\\u0008")
        case "u" where i < chars.count && chars[i] == "{":
          // `\u{1F600}` (u-flag syntax) is `\x{1F600}` in ICU.
          emit("\\x")
          i = copyBraces(chars, from: i, into: &out)
        case "p", "P", "x":
          out.append("\\")
          out.append(next)
          i = copyBraces(chars, from: i, into: &out)
        default:
          out.append("\\")
          out.append(next)
        }
        continue
      }
      i += 1
      if inClass {
        switch c {
        case "]":
          inClass = false
          out.append(c)
        case "[", "&", "{", "}", "$", ":":
          out.append("\\")
          out.append(c)
        default:
          out.append(c)
        }
        continue
      }
      switch c {
      case "[":
        if i < chars.count, chars[i] == "]" {
          emit("(?!)")
          i += 1
        } else if i + 1 < chars.count, chars[i] == "^", chars[i + 1] == "]" {
          emit("(?s:.)")
          i += 2
        } else {
          out.append(c)
          if i < chars.count, chars[i] == "^" {
            out.append("^")
            i += 1
          }
          // In ECMA-262 a `]` right after `[` closes the class (`[]` above), so no literal-first-`]` rule.
          inClass = true
        }
      case "$":
        emit("\\z")
      case "{":
        if let end = quantifierEnd(chars, from: i) {
          out.append(c)
          out.append(contentsOf: chars[i..<end])
          i = end
        } else {
          emit("\\{")
        }
      case "}":
        emit("\\}")
      default:
        out.append(c)
      }
    }
    return String(out)
  }

  /// Copies a `{…}` group starting at `start` verbatim (for `\p{…}`, `\x{…}`); returns the index after it.
  private static func copyBraces(
    _ chars: [Unicode.Scalar], from start: Int, into out: inout String.UnicodeScalarView
  ) -> Int {
    guard start < chars.count, chars[start] == "{", let close = chars[start...].firstIndex(of: "}") else {
      return start
    }
    out.append(contentsOf: chars[start...close])
    return close + 1
  }

  /// When `{` at `start - 1` opens `{n}`, `{n,}` or `{n,m}`, the index just past the whole quantifier.
  private static func quantifierEnd(_ chars: [Unicode.Scalar], from start: Int) -> Int? {
    var i = start
    var digits = 0
    while i < chars.count, ("0"..."9").contains(chars[i]) {
      i += 1
      digits += 1
    }
    guard digits > 0, i < chars.count else { return nil }
    if chars[i] == "," {
      i += 1
      while i < chars.count, ("0"..."9").contains(chars[i]) { i += 1 }
    }
    guard i < chars.count, chars[i] == "}" else { return nil }
    return i + 1
  }
}
