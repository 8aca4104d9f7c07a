import PresetCore

/// Line-based unified diffs for system prompts.
package enum TextDiff {
  /// One line of an edit script.
  package enum Line: Sendable, Equatable {
    case same(String)
    case removed(String)
    case added(String)
  }

  /// A hunk of a unified diff.
  package struct Hunk: Sendable, Equatable {
    /// 1-based first line in the old text (0 when the old range is empty).
    package var oldStart: Int
    /// Lines from the old text.
    package var oldCount: Int
    /// 1-based first line in the new text.
    package var newStart: Int
    /// Lines from the new text.
    package var newCount: Int
    /// The lines, with context.
    package var lines: [Line]

    /// The `@@ -a,b +c,d @@` header.
    package var header: String { "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@" }
  }

  /// Splits into lines; a final newline does not make an extra empty line, but its absence is kept visible
  /// by the `\ No newline at end of file` marker in `unified`.
  static func lines(_ text: String) -> [String] {
    var parts = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if parts.last == "" { parts.removeLast() }
    return parts
  }

  /// The most work one prompt diff may take: diagonal visits plus line comparisons of the search in
  /// `LineDiff`. It bounds time and memory for any input the loader accepts (a 4 MiB prompt has up to 4 Mi
  /// lines); scripts of up to about 4,000 edit steps (a few thousand changed lines) still give hunks, past it
  /// the diff says "prompt replaced (N → M lines)" instead. Measured cost: BENCHMARKS.md, `diff` row.
  package static let workBudget = 10_000_000

  /// What comparing two texts gives.
  package enum Comparison: Sendable, Equatable {
    /// The hunks of a unified diff.
    case hunks([Hunk])
    /// The texts differ by more than `workBudget` allows to work out: only their sizes are reported.
    case replaced(Replacement)
  }

  /// The sizes of a prompt too different from the old one to diff within `workBudget`.
  package struct Replacement: Sendable, Equatable {
    /// Lines in the old text.
    package var oldLines: Int
    /// Lines in the new text.
    package var newLines: Int

    /// The line shown instead of hunks.
    package var summary: String { "prompt replaced (\(oldLines) → \(newLines) lines)" }

    /// `{"old_lines": N, "new_lines": M}` for JSON output.
    package var json: JSONValue {
      .object(
        JSONObject([
          .init(key: "old_lines", value: .number(Double(oldLines))),
          .init(key: "new_lines", value: .number(Double(newLines))),
        ]))
    }
  }

  /// A rendered unified diff, and the replacement when it shows one instead of hunks (for JSON output).
  package struct Output: Sendable, Equatable {
    /// The diff text; empty when the texts are equal.
    package var text: String
    /// Set when the diff is too costly to work out and `text` reports the replacement.
    package var replaced: Replacement?
  }

  /// The edit script between two line arrays, or nil when it would cost more than `budget`.
  ///
  /// The script is a shortest one, and among those always the same one (see `LineDiff`): after the common
  /// prefix, take equal lines, else a removal when it keeps the script shortest, else an addition.
  package static func edits(_ a: [String], _ b: [String], budget: Int = workBudget) -> [Line]? {
    let n = a.count
    let (prefix, suffix) = commonEnds(a, b)
    let x = a[prefix..<(n - suffix)]
    let y = b[prefix..<(b.count - suffix)]
    // Lines become integers once, so the search compares integers, not strings. `String` equality (canonical
    // equivalence) and hashing agree, so equal ids mean exactly what `==` meant before. Only old lines are
    // compared with new ones: a new line found nowhere in the old text gets -1.
    var ids: [String: Int] = [:]
    var xIDs: [Int] = []
    xIDs.reserveCapacity(x.count)
    for line in x {
      if let id = ids[line] {
        xIDs.append(id)
      } else {
        ids[line] = ids.count
        xIDs.append(ids.count - 1)
      }
    }
    let yIDs = y.map { ids[$0] ?? -1 }
    guard let steps = LineDiff.script(xIDs, yIDs, budget: budget) else { return nil }
    var out: [Line] = a[0..<prefix].map { .same($0) }
    out.reserveCapacity(steps.count + prefix + suffix)
    var i = x.startIndex
    var j = y.startIndex
    for step in steps {
      switch step {
      case .same:
        out.append(.same(x[i]))
        i += 1
        j += 1
      case .removed:
        out.append(.removed(x[i]))
        i += 1
      case .added:
        out.append(.added(y[j]))
        j += 1
      }
    }
    out += a[(n - suffix)..<n].map { .same($0) }
    return out
  }

  /// The lengths of the common prefix and (non-overlapping) common suffix, trimmed before any search: most
  /// prompt edits touch a few lines.
  static func commonEnds(_ a: [String], _ b: [String]) -> (prefix: Int, suffix: Int) {
    let n = a.count
    let m = b.count
    var prefix = 0
    while prefix < n && prefix < m && a[prefix] == b[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < n - prefix && suffix < m - prefix && a[n - 1 - suffix] == b[m - 1 - suffix] { suffix += 1 }
    return (prefix, suffix)
  }

  /// The hunks between two texts, or the replacement when they are too different to diff within `budget`.
  package static func compare(old: String, new: String, context: Int = 3, budget: Int = workBudget) -> Comparison {
    let before = lines(old)
    let after = lines(new)
    guard let script = edits(before, after, budget: budget) else {
      return .replaced(Replacement(oldLines: before.count, newLines: after.count))
    }
    return .hunks(hunks(script: script, context: context))
  }

  /// Hunks with `context` unchanged lines around each change of an edit script.
  package static func hunks(script: [Line], context: Int = 3) -> [Hunk] {
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
  package static func unified(
    old: String?, new: String?, oldName: String = "live", newName: String = "desired", context: Int = 3,
  ) -> String {
    output(old: old, new: new, oldName: oldName, newName: newName, context: context).text
  }

  /// `unified`, with the replacement when the texts are too different to diff within `workBudget`: the text
  /// then holds the `---`/`+++` lines and `prompt replaced (N → M lines)` instead of hunks.
  package static func output(
    old: String?, new: String?, oldName: String = "live", newName: String = "desired", context: Int = 3,
  ) -> Output {
    let before = old ?? ""
    let after = new ?? ""
    guard before != after else { return Output(text: "", replaced: nil) }
    var out = "--- \(oldName)\n+++ \(newName)\n"
    let hunks: [Hunk]
    var replaced: Replacement?
    switch compare(old: before, new: after, context: context) {
    case .hunks(let list): hunks = list
    case .replaced(let replacement):
      hunks = []
      replaced = replacement
      out += replacement.summary + "\n"
    }
    for hunk in hunks {
      out += hunk.header + "\n"
      for line in hunk.lines {
        switch line {
        case .same(let s): out += " \(s)\n"
        case .removed(let s): out += "-\(s)\n"
        case .added(let s): out += "+\(s)\n"
        }
      }
    }
    if before.hasSuffix("\n") != after.hasSuffix("\n") {
      out += "\\ final newline: \(before.hasSuffix("\n") ? "removed" : "added")\n"
    }
    return Output(text: out, replaced: replaced)
  }
}
