/// Line-based unified diffs for system prompts.
public enum TextDiff {
  /// One line of an edit script.
  public enum Line: Sendable, Equatable {
    case same(String)
    case removed(String)
    case added(String)
  }

  /// A hunk of a unified diff.
  public struct Hunk: Sendable, Equatable {
    /// 1-based first line in the old text (0 when the old range is empty).
    public var oldStart: Int
    /// Lines from the old text.
    public var oldCount: Int
    /// 1-based first line in the new text.
    public var newStart: Int
    /// Lines from the new text.
    public var newCount: Int
    /// The lines, with context.
    public var lines: [Line]

    /// The `@@ -a,b +c,d @@` header.
    public var header: String { "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@" }
  }

  /// Splits into lines; a final newline does not make an extra empty line, but its absence is kept visible
  /// by the `\ No newline at end of file` marker in `unified`.
  static func lines(_ text: String) -> [String] {
    var parts = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if parts.last == "" { parts.removeLast() }
    return parts
  }

  /// The edit script between two line arrays (longest common subsequence; prompts are small).
  public static func edits(_ a: [String], _ b: [String]) -> [Line] {
    let n = a.count
    let m = b.count
    // Trim common prefix and suffix first: most prompt edits touch a few lines.
    var prefix = 0
    while prefix < n && prefix < m && a[prefix] == b[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < n - prefix && suffix < m - prefix && a[n - 1 - suffix] == b[m - 1 - suffix] { suffix += 1 }
    let x = Array(a[prefix..<(n - suffix)])
    let y = Array(b[prefix..<(m - suffix)])
    var table = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
    if !x.isEmpty && !y.isEmpty {
      for i in stride(from: x.count - 1, through: 0, by: -1) {
        for j in stride(from: y.count - 1, through: 0, by: -1) {
          table[i][j] = x[i] == y[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
        }
      }
    }
    var out: [Line] = a[0..<prefix].map { .same($0) }
    var i = 0
    var j = 0
    while i < x.count || j < y.count {
      if i < x.count && j < y.count && x[i] == y[j] {
        out.append(.same(x[i]))
        i += 1
        j += 1
      } else if i < x.count && (j == y.count || table[i + 1][j] >= table[i][j + 1]) {
        out.append(.removed(x[i]))
        i += 1
      } else {
        out.append(.added(y[j]))
        j += 1
      }
    }
    out += a[(n - suffix)..<n].map { .same($0) }
    return out
  }

  /// Hunks with `context` unchanged lines around each change.
  public static func hunks(old: String, new: String, context: Int = 3) -> [Hunk] {
    let script = edits(lines(old), lines(new))
    var hunks: [Hunk] = []
    var index = 0
    var oldLine = 1
    var newLine = 1
    var positions: [(old: Int, new: Int)] = []
    for line in script {
      positions.append((oldLine, newLine))
      switch line {
      case .same:
        oldLine += 1
        newLine += 1
      case .removed: oldLine += 1
      case .added: newLine += 1
      }
    }
    while index < script.count {
      guard let changeStart = script[index...].firstIndex(where: { if case .same = $0 { false } else { true } }) else {
        break
      }
      let start = max(0, changeStart - context)
      var end = changeStart
      var lastChange = changeStart
      while end < script.count {
        if case .same = script[end] {
          if end - lastChange > 2 * context { break }
        } else {
          lastChange = end
        }
        end += 1
      }
      end = min(script.count, lastChange + context + 1)
      let lines = Array(script[start..<end])
      let oldCount = lines.filter { if case .added = $0 { false } else { true } }.count
      let newCount = lines.filter { if case .removed = $0 { false } else { true } }.count
      hunks.append(
        Hunk(
          oldStart: oldCount == 0 ? positions[start].old - 1 : positions[start].old, oldCount: oldCount,
          newStart: newCount == 0 ? positions[start].new - 1 : positions[start].new, newCount: newCount, lines: lines))
      index = end
    }
    return hunks
  }

  /// A unified diff (`--- a`, `+++ b`, hunks); empty when the texts are equal.
  public static func unified(
    old: String?, new: String?, oldName: String = "live", newName: String = "desired", context: Int = 3,
    style: Style = Style(enabled: false)
  ) -> String {
    let before = old ?? ""
    let after = new ?? ""
    guard before != after else { return "" }
    var out = style.bold("--- \(oldName)") + "\n" + style.bold("+++ \(newName)") + "\n"
    for hunk in hunks(old: before, new: after, context: context) {
      out += style.info(hunk.header) + "\n"
      for line in hunk.lines {
        switch line {
        case .same(let s): out += " \(s)\n"
        case .removed(let s): out += style.removed("-\(s)") + "\n"
        case .added(let s): out += style.added("+\(s)") + "\n"
        }
      }
    }
    if before.hasSuffix("\n") != after.hasSuffix("\n") {
      out += "\\ final newline: \(before.hasSuffix("\n") ? "removed" : "added")\n"
    }
    return out
  }
}
