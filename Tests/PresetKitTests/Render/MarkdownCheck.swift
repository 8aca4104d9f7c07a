import Foundation

@testable import PresetKit

/// Structural checks on rendered Markdown, shared by the hostile-string tests.
enum MarkdownCheck {
  /// The cells of a table row: `|` not escaped by a backslash separate them.
  static func cellCount(_ row: String) -> Int {
    var count = 0
    var escaped = false
    for scalar in row.unicodeScalars {
      if escaped {
        escaped = false
        continue
      }
      if scalar == "\\" {
        escaped = true
      } else if scalar == "|" {
        count += 1
      }
    }
    return max(0, count - 1)
  }

  /// Every table in `text` keeps its header's column count in every row.
  static func tablesKeepColumns(_ text: String) -> Bool {
    var columns: Int?
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      guard line.hasPrefix("|") else {
        columns = nil
        continue
      }
      let count = cellCount(String(line))
      if let columns, columns != count { return false }
      columns = columns ?? count
    }
    return true
  }

  /// `text` without fenced blocks and code spans (whose content GitHub shows literally), for checks on what
  /// is parsed as Markdown or HTML.
  static func outsideCode(_ text: String) -> String {
    var lines: [Substring] = []
    var open: Int?
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let ticks = line.drop(while: { $0 == " " }).prefix(while: { $0 == "`" }).count
      if let fence = open {
        if ticks >= fence { open = nil }
      } else if ticks >= 3 && !line.dropFirst(ticks).contains("`") {
        open = ticks
      } else {
        lines.append(line)
      }
    }
    let scalars = Array(lines.joined(separator: "\n").unicodeScalars)
    var out = String.UnicodeScalarView()
    var i = 0
    func run(at index: Int) -> Int {
      var j = index
      while j < scalars.count && scalars[j] == "`" { j += 1 }
      return j - index
    }
    while i < scalars.count {
      guard scalars[i] == "`" else {
        out.append(scalars[i])
        i += 1
        continue
      }
      let n = run(at: i)
      var j = i + n
      var closed: Int?
      while j < scalars.count {
        if scalars[j] == "`" {
          let m = run(at: j)
          if m == n {
            closed = j + m
            break
          }
          j += m
        } else {
          j += 1
        }
      }
      if let closed {
        i = closed
      } else {
        out.append(contentsOf: scalars[i..<(i + n)])
        i += n
      }
    }
    return String(out)
  }

  /// Code fences open and close in pairs: inside a block opened by n backticks no line starts with n or more.
  static func fencesAreBalanced(_ text: String) -> Bool {
    var open: Int?
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let trimmed = line.drop(while: { $0 == " " })
      let ticks = trimmed.prefix(while: { $0 == "`" }).count
      if let fence = open {
        if ticks >= fence {
          guard trimmed.allSatisfy({ $0 == "`" }), ticks == fence else { return false }
          open = nil
        }
      } else if ticks >= 3 {
        open = ticks
      }
    }
    return open == nil
  }
}

/// Collects console output in tests.
final class OutputBox: @unchecked Sendable {
  private let lock = NSLock()
  private var parts: [String] = []

  func append(_ text: String) { lock.withLock { parts.append(text) } }

  var text: String { lock.withLock { parts.joined() } }
}
