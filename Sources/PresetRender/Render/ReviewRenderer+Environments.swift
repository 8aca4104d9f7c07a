import PresetReconcile

extension ReviewRenderer {
  /// The Markdown comment when `presetctl.yaml` declares environments: marker, one table of counts per scope
  /// (default presets, then each environment), the risk callout over all scopes, then one collapsed
  /// `<details>` per scope that differs with that scope's table and preset details. The whole comment stays
  /// under `markdownBudget`: scopes that fit keep everything, the rest share what is left equally, each
  /// shortened the way a single report is (prompt diffs first, then details and rows).
  func markdownByEnvironment() -> String {
    var head = "\(Self.commentMarker)\n### presetctl diff\n\n"
    let changed = scopes.filter(\.hasChanges).count
    head += "\(Self.code(review.baseLabel)) → \(Self.code(review.headLabel)): "
    head +=
      changed == 0
      ? "no preset changes in any of \(scopes.count) scopes"
      : "changes in \(changed) of \(scopes.count) scopes (default presets and \(environments.count) environments)"
    head += "\n\n" + countsTable() + "\n"
    for scope in scopes {
      for note in scope.notes { head += Self.noteBlock((scope.environment.map { "\($0): " } ?? "") + note) }
    }
    head += riskCallout(scopes.flatMap { scope in scope.risks.map { (scope.environment, $0.entry, $0.risk) } })
    head += markdownSuppressions()
    let shown = scopes.filter(\.hasChanges)
    let wrappers = shown.map { scope in
      (
        "<details><summary><b>\(Self.scopeName(scope))</b>: \(scope.summary)</summary>\n\n",
        "</details>\n\n"
      )
    }
    var available =
      Self.markdownBudget - head.utf8.count - wrappers.reduce(0) { $0 + $1.0.utf8.count + $1.1.utf8.count }
    // Water-filling: the smallest sections first, each taking at most an equal share of what is left.
    let full = shown.map { markdownBody($0, budget: Int.max).utf8.count }
    var budgets = [Int](repeating: 0, count: shown.count)
    var left = shown.count
    for i in full.indices.sorted(by: { full[$0] < full[$1] }) {
      let share = max(available, 0) / max(left, 1)
      budgets[i] = min(full[i], share)
      available -= budgets[i]
      left -= 1
    }
    var out = head
    for (i, scope) in shown.enumerated() {
      out += wrappers[i].0 + markdownBody(scope, budget: budgets[i]) + wrappers[i].1
    }
    return out
  }

  /// `| scope | added | removed | changed | renamed | unchanged | risks |`, one row per scope.
  func countsTable() -> String {
    let columns = Review.Status.allCases.map(\.rawValue) + ["unchanged", "risks"]
    var out = "| scope | " + columns.joined(separator: " | ") + " |\n"
    out += "|---|" + String(repeating: "---:|", count: columns.count) + "\n"
    for scope in scopes {
      let name = scope.environment.map { Self.code($0) } ?? "default presets"
      let counts = Review.Status.allCases.map { String(scope.count($0)) }
      let risks = scope.risks.count
      out +=
        "| \(name) | "
        + (counts + [String(scope.unchangedCount), risks == 0 ? "0" : "⚠️ \(risks)"])
        .joined(separator: " | ") + " |\n"
    }
    return out
  }
}
