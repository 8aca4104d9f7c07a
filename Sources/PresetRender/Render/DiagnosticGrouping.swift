import PresetCompiler
import PresetCore
import PresetReconcile

/// Consolidates repeated diagnostics for text output, the way terraform does: a finding that occurs in 2,000
/// presets is shown a few times in full and then summarised in one line ("… and 41 more like this in 38 files"),
/// so a build of thousands of presets does not print thousands of snippets. JSON, GitHub and Markdown output
/// keep every diagnostic.
///
/// Rule (README "Diagnostics"): diagnostics are grouped by severity, code and message shape (the message with
/// quoted values and numbers blanked, so `{{name}}` and `{{user}}` placeholders are one group). The first
/// `shownInFull` of a group, in report order, are shown in full (snippet, hint, notes). Warnings and notes
/// beyond them are counted in one summary line after the last one shown. Errors are never hidden: beyond
/// `shownInFull` each is one line (`file:line:col: error[code]: message`), so every error's place stays visible.
package enum DiagnosticGrouping {
  /// Diagnostics of one group shown with snippet, hint and notes before the rest are consolidated.
  package static let shownInFull = 3

  /// How one diagnostic (or the rest of its group) is shown.
  package enum Item: Sendable, Equatable {
    /// In full: location, message, snippet, hint and related notes.
    case full(Diagnostic)
    /// One line: location and message only (errors beyond `shownInFull`).
    case compact(Diagnostic)
    /// The hidden rest of a group, after its last shown member.
    case summary(Summary)
  }

  /// The members of a group that are not shown.
  package struct Summary: Sendable, Equatable {
    /// Severity of the group.
    package var severity: Diagnostic.Severity
    /// Code of the group.
    package var code: String
    /// How many diagnostics are not shown.
    package var hidden: Int
    /// How many distinct files they are in (a diagnostic without a file counts as none).
    package var files: Int
  }

  /// The items to print for `diagnostics`, in their order (callers pass report order).
  package static func consolidate(_ diagnostics: [Diagnostic], shownInFull: Int = shownInFull) -> [Item] {
    struct Key: Hashable {
      var severity: Diagnostic.Severity
      var code: String
      var shape: String
    }
    var members: [Key: [Int]] = [:]
    var keys: [Key] = []
    keys.reserveCapacity(diagnostics.count)
    for (index, diagnostic) in diagnostics.enumerated() {
      let key = Key(severity: diagnostic.severity, code: diagnostic.code, shape: shape(of: diagnostic.message))
      keys.append(key)
      members[key, default: []].append(index)
    }
    var items: [Item] = []
    var seen: [Key: Int] = [:]
    for (index, diagnostic) in diagnostics.enumerated() {
      let key = keys[index]
      guard let group = members[key] else { continue }
      let rank = seen[key, default: 0]
      seen[key] = rank + 1
      // A single extra member is shown rather than summarised: "and 1 more" saves nothing.
      let shown = group.count <= shownInFull + 1 ? group.count : shownInFull
      if rank < shown {
        items.append(.full(diagnostic))
      } else if diagnostic.severity == .error {
        items.append(.compact(diagnostic))
      }
      if rank == shown - 1, group.count > shown, diagnostic.severity != .error {
        let rest = group[shown...].map { diagnostics[$0] }
        let files = Set(rest.compactMap { $0.location?.file })
        items.append(
          .summary(
            Summary(severity: diagnostic.severity, code: diagnostic.code, hidden: rest.count, files: files.count)))
      }
    }
    return items
  }

  /// The message with what varies between occurrences of one finding blanked: backtick-quoted values become
  /// `` `…` `` and runs of digits `N`, so messages that differ only in the value they quote group together.
  package static func shape(of message: String) -> String {
    var out = String.UnicodeScalarView()
    var inQuote = false
    var inNumber = false
    for scalar in message.unicodeScalars {
      if scalar == "`" {
        if !inQuote { out.append(contentsOf: "`…`".unicodeScalars) }
        inQuote.toggle()
        inNumber = false
        continue
      }
      if inQuote { continue }
      if ("0"..."9").contains(scalar) {
        if !inNumber { out.append("N") }
        inNumber = true
        continue
      }
      inNumber = false
      out.append(scalar)
    }
    return String(out)
  }
}
