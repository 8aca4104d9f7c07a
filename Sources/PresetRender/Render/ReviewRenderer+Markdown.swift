import PresetCore
import PresetReconcile

extension ReviewRenderer {
  /// The hidden first line of every Markdown report: a workflow finds its earlier comment by it and updates it.
  package static let commentMarker = "<!-- presetctl-diff -->"
  /// GitHub's limit on a comment body, in characters.
  package static let commentLimit = 65_536
  /// The size the Markdown report stays under, in UTF-8 bytes (never fewer than characters or UTF-16 units),
  /// with room left for a workflow to add a line or two.
  package static let markdownBudget = commentLimit - 1_536
  /// Risks listed in the callout at the top before "and N more".
  static let calloutRiskLimit = 20

  /// `` `text` `` as a Markdown code span that survives backticks, newlines and controls inside.
  static func code(_ text: String, inTable: Bool = false) -> String { SafeText.markdownCode(text, inTable: inTable) }

  /// A fenced ```diff block no line of the diff can close.
  static func fenced(_ diff: String) -> String { SafeText.markdownFence(diff, info: "diff") }

  /// A Markdown pull-request comment: marker, summary, risk callout, table, one `<details>` per changed preset
  /// with prompt diffs in ```diff blocks. Stays under `markdownBudget` by shortening prompt diffs (with a note),
  /// then by leaving out details and table rows (with a note).
  package func markdown() -> String {
    guard environments.isEmpty else { return markdownByEnvironment() }
    var head = "\(Self.commentMarker)\n### presetctl diff\n\n"
    head += "\(Self.code(review.baseLabel)) → \(Self.code(review.headLabel)): "
    head += review.hasChanges ? review.summary : "no preset changes (\(review.unchangedCount) unchanged)"
    head += "\n\n"
    for note in review.notes { head += Self.noteBlock(note) }
    head += riskCallout(review.risks.map { (nil, $0.entry, $0.risk) })
    head += markdownSuppressions()
    guard review.hasChanges else { return head }
    return head + markdownBody(review, budget: Self.markdownBudget - head.utf8.count)
  }

  /// A `> [!NOTE]` block on one line.
  static func noteBlock(_ note: String) -> String { "> [!NOTE]\n> \(SafeText.markdownText(note))\n\n" }

  /// The `> [!WARNING]` block listing risks (at most `calloutRiskLimit`), each prefixed by its environment
  /// when given; empty without risks.
  func riskCallout(_ risks: [(scope: String?, entry: Review.Entry, risk: ReviewRisk)]) -> String {
    guard !risks.isEmpty else { return "" }
    var out = "> [!WARNING]\n> **\(risks.count) risky change\(risks.count == 1 ? "" : "s")**: review before merging.\n"
    for (scope, entry, risk) in risks.prefix(Self.calloutRiskLimit) {
      let prefix = scope.map { "\(Self.code($0)) / " } ?? ""
      out +=
        "> - \(prefix)\(Self.code(entry.slug)): **\(SafeText.markdownText(risk.title))**: \(Self.code(risk.detail))\n"
    }
    if risks.count > Self.calloutRiskLimit { out += "> - and \(risks.count - Self.calloutRiskLimit) more\n" }
    return out + "\n"
  }

  /// The table, the details and the notes of one review, within `budget` UTF-8 bytes: prompt diffs are
  /// shortened first, then details and table rows are left out (each with a note).
  func markdownBody(_ review: Review, budget bodyBudget: Int) -> String {
    let rows = review.entries.map(tableRow)
    let tableHeader = "| preset | change | base | head | risks |\n|---|---|---|---|---|\n"
    let details = review.entries.filter { $0.status == .changed }.map(detailsParts)
    let removedCount = review.count(.removed) + review.count(.renamed)
    let footer =
      removedCount == 0
      ? ""
      : "**Removed and renamed presets stay live**: the API cannot delete presets; archive the old slugs by hand "
        + "in OpenRouter when they are no longer wanted.\n"

    func assemble(_ rows: [String], _ blocks: [String], _ notes: [String]) -> String {
      tableHeader + rows.joined() + "\n" + blocks.joined() + notes.map { "> \($0)\n\n" }.joined() + footer
    }
    let full = assemble(rows, details.map { $0.prefix + $0.diff + $0.suffix }, [])
    if full.utf8.count <= bodyBudget { return full }

    // Prompt diffs are the bulk: give them whatever the rest leaves, in preset order.
    let truncationNote =
      "Prompt diffs were truncated to stay under GitHub's \(Self.commentLimit)-character comment limit; run "
      + "`presetctl diff` locally for the full diff."
    let placeholder = "_Prompt diff omitted (comment size limit)._\n\n"
    let reservePerDiff = 200
    let skeleton = assemble(rows, details.map { $0.prefix + $0.suffix }, [truncationNote])
    let diffCount = details.filter { !$0.diff.isEmpty }.count
    var remaining = bodyBudget - skeleton.utf8.count - diffCount * reservePerDiff
    if remaining >= 0 {
      var blocks: [String] = []
      for part in details {
        guard !part.diff.isEmpty else {
          blocks.append(part.prefix + part.suffix)
          continue
        }
        if part.diff.utf8.count <= remaining {
          remaining -= part.diff.utf8.count
          blocks.append(part.prefix + part.diff + part.suffix)
          continue
        }
        let (shown, cut) = Self.truncatedDiff(part.rawDiff, budget: remaining)
        remaining -= shown.utf8.count
        blocks.append(part.prefix + (shown.isEmpty ? placeholder : shown + "_\(cut)_\n\n") + part.suffix)
      }
      return assemble(rows, blocks, [truncationNote])
    }

    // Too many presets for details: keep what fits of the table, then of the details, without prompt diffs.
    let omittedNote =
      "Some presets are not shown here: the report would exceed GitHub's \(Self.commentLimit)-character comment "
      + "limit; run `presetctl diff` locally for the full report."
    var budget = bodyBudget - assemble([], [], [omittedNote]).utf8.count
    var keptRows: [String] = []
    for row in rows where row.utf8.count <= budget {
      budget -= row.utf8.count
      keptRows.append(row)
    }
    if keptRows.count < rows.count {
      keptRows.append("| … | \(rows.count - keptRows.count) more | | | |\n")
      budget -= 40
    }
    var blocks: [String] = []
    for part in details {
      let block = part.prefix + (part.diff.isEmpty ? "" : placeholder) + part.suffix
      guard block.utf8.count <= budget else { break }
      budget -= block.utf8.count
      blocks.append(block)
    }
    return assemble(keptRows, blocks, [omittedNote])
  }

  /// One summary-table row.
  func tableRow(_ entry: Review.Entry) -> String {
    let change =
      entry.status == .renamed ? "renamed from \(Self.code(entry.oldSlug, inTable: true))" : entry.status.rawValue
    let base = entry.old.map { Self.code($0.version.short, inTable: true) } ?? "—"
    let head = entry.new.map { Self.code($0.version.short, inTable: true) } ?? "—"
    var kinds: [String] = []
    for risk in entry.risks where !kinds.contains(risk.kind.rawValue) { kinds.append(risk.kind.rawValue) }
    let risk = kinds.isEmpty ? "" : "⚠️ " + kinds.joined(separator: ", ")
    return "| \(Self.code(entry.slug, inTable: true)) | \(change) | \(base) | \(head) | \(risk) |\n"
  }

  /// The `<details>` block of a changed preset, split around its prompt diff so the diff can be shortened.
  func detailsParts(_ entry: Review.Entry) -> (prefix: String, diff: String, rawDiff: String, suffix: String) {
    let old = entry.old?.version.short ?? ""
    let new = entry.new?.version.short ?? ""
    var prefix =
      "<details><summary><code>\(SafeText.markdownHTML(entry.slug))</code>: <code>\(old)</code> → "
      + "<code>\(new)</code>"
      + (entry.risks.isEmpty ? "" : " ⚠️") + "</summary>\n\n"
    if let source = entry.new?.source { prefix += "Defined at \(Self.code(Self.place(source))).\n\n" }
    for risk in entry.risks {
      prefix += "> - ⚠️ **\(SafeText.markdownText(risk.title))**: \(Self.code(risk.detail))\n"
    }
    if !entry.risks.isEmpty { prefix += "\n" }
    for (i, change) in entry.configChanges.enumerated() {
      let path = Self.code(change.path.dotted)
      switch (change.old, change.new) {
      case (nil, let value): prefix += "- \(path): added \(Self.code(JSONDiff.brief(value)))"
      case (let value, nil): prefix += "- \(path): removed (was \(Self.code(JSONDiff.brief(value))))"
      case (let a, let b): prefix += "- \(path): \(Self.code(JSONDiff.brief(a))) → \(Self.code(JSONDiff.brief(b)))"
      }
      // An environment override is written in presetctl.yaml, not in the preset file named above.
      let written = entry.changeFiles.indices.contains(i) && entry.changeFiles[i] != nil
      prefix += written ? " (\(Self.code(Self.place(entry.origin(ofChange: i)))))\n" : "\n"
    }
    if !entry.configChanges.isEmpty { prefix += "\n" }
    let raw = entry.promptDiff(context: context)
    if !raw.isEmpty, let origin = entry.promptOrigin {
      prefix += "System prompt (\(Self.code(Self.place(origin)))):\n\n"
    }
    return (prefix, raw.isEmpty ? "" : Self.fenced(raw) + "\n", raw, "</details>\n\n")
  }

  /// The first lines of a diff that fit `budget` bytes as a fenced block, and the note saying what was cut.
  static func truncatedDiff(_ diff: String, budget: Int) -> (block: String, note: String) {
    // Neutralised first, so what is measured is what is shown.
    let lines = SafeText.terminalLines(diff).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    let overhead = fenced("").utf8.count + 8
    var kept = ""
    var count = 0
    for line in lines {
      if kept.utf8.count + line.utf8.count + 1 + overhead > budget { break }
      kept += line + "\n"
      count += 1
    }
    let note = "Prompt diff truncated: \(count) of \(lines.count) lines shown (comment size limit)."
    return (count == 0 ? "" : fenced(kept) + "\n", note)
  }
}
