/// A compiled glob pattern for policy scopes (`presets/support/**`, `support-*`) and model patterns (`openai/*`).
///
/// Patterns are compiled once when `presetctl.yaml` is read and matched with a linear-per-token state sweep (no
/// backtracking, no regular expressions), so matching 10,000 presets against a few dozen patterns stays cheap
/// and no pattern can make matching slow.
package struct GlobPattern: Sendable, Hashable, CustomStringConvertible {
  /// How `*` treats `/`.
  package enum Syntax: Sendable, Hashable {
    /// File paths: `*` and `?` stay inside one path segment, `**` crosses segments and `**/` also matches no
    /// folder at all (`presets/**/a.yaml` matches `presets/a.yaml`).
    case path
    /// Slugs and model names: `*` matches any run of characters, `/` included (`*:free` matches
    /// `meta-llama/llama-3:free`).
    case name
  }

  /// One step of a compiled pattern.
  enum Token: Sendable, Hashable {
    /// One literal Unicode scalar (already lower-cased when the pattern ignores case).
    case literal(UInt32)
    /// `?`: any one scalar (not `/` in path syntax).
    case one
    /// `*` in path syntax: any run without `/`.
    case segmentRun
    /// `*` in name syntax, or `**` in path syntax: any run.
    case anyRun
    /// `**/` in path syntax: nothing, or any run ending with `/`.
    case folders
  }

  /// The pattern as written (without a leading `!`).
  package let text: String
  /// The syntax it was compiled with.
  package let syntax: Syntax
  /// Whether ASCII letters match regardless of case.
  package let ignoresCase: Bool
  let tokens: [Token]

  /// Compiles a pattern.
  package init(_ text: String, syntax: Syntax, ignoresCase: Bool = false) {
    self.text = text
    self.syntax = syntax
    self.ignoresCase = ignoresCase
    let scalars = Array(text.unicodeScalars)
    var tokens: [Token] = []
    var i = 0
    while i < scalars.count {
      let s = scalars[i]
      switch s {
      case "*":
        var run = 1
        while i + run < scalars.count, scalars[i + run] == "*" { run += 1 }
        i += run
        if syntax == .name {
          tokens.append(.anyRun)
        } else if run == 1 {
          tokens.append(.segmentRun)
        } else if i < scalars.count, scalars[i] == "/" {
          tokens.append(.folders)
          i += 1
        } else {
          tokens.append(.anyRun)
        }
        continue
      case "?":
        tokens.append(.one)
      default:
        tokens.append(.literal(Self.fold(s.value, ignoresCase)))
      }
      i += 1
    }
    self.tokens = tokens
  }

  /// The text shown to people.
  package var description: String { text }

  /// Whether the whole of `subject` matches the pattern.
  package func matches(_ subject: String) -> Bool {
    let input = subject.unicodeScalars.map { Self.fold($0.value, ignoresCase) }
    let n = input.count
    let slash = UInt32(UInt8(ascii: "/"))
    // reach[i]: the tokens so far can consume exactly input[0..<i].
    var reach = [Bool](repeating: false, count: n + 1)
    var next = reach
    reach[0] = true
    for token in tokens {
      switch token {
      case .literal(let c):
        next[0] = false
        for i in 0..<n { next[i + 1] = reach[i] && input[i] == c }
      case .one:
        next[0] = false
        for i in 0..<n { next[i + 1] = reach[i] && (syntax == .name || input[i] != slash) }
      case .segmentRun:
        next[0] = reach[0]
        for i in 0..<n { next[i + 1] = reach[i + 1] || (next[i] && input[i] != slash) }
      case .anyRun:
        next[0] = reach[0]
        for i in 0..<n { next[i + 1] = reach[i + 1] || next[i] }
      case .folders:
        next[0] = reach[0]
        var seen = reach[0]
        for i in 0..<n {
          next[i + 1] = reach[i + 1] || (seen && input[i] == slash)
          seen = seen || reach[i + 1]
        }
      }
      swap(&reach, &next)
      if !reach.contains(true) { return false }
    }
    return reach[n]
  }

  private static func fold(_ value: UInt32, _ ignoresCase: Bool) -> UInt32 {
    ignoresCase && value >= 0x41 && value <= 0x5A ? value + 0x20 : value
  }
}
