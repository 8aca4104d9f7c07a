import PresetCore
import PresetModel
import PresetReconcile
import PresetSchema

/// `presetctl promote` output: a table and the real differences as text, or one JSON document.
package struct PromotionRenderer: Sendable {
  /// What to render.
  package var promotion: Promotion

  /// Creates a renderer.
  package init(promotion: Promotion) { self.promotion = promotion }

  /// The state word of a row.
  package func state(_ row: Promotion.Row) -> String {
    if row.from == nil { return "missing in \(promotion.fromName)" }
    if row.to == nil { return "missing in \(promotion.toName)" }
    return row.same ? "same" : "differs"
  }

  /// `{"presets": [{"preset", "state", "from_version", "to_version", "declared", "differences", …}]}`.
  package func json() -> String {
    let items: [JSONValue] = promotion.rows.map { row in
      func list(_ changes: [JSONDiff.Change]) -> JSONValue {
        .array(
          changes.map { change in
            .object(
              JSONObject([
                .init(key: "path", value: .string(change.path.description)),
                .init(key: "to", value: change.old ?? .null),
                .init(key: "from", value: change.new ?? .null),
              ]))
          })
      }
      return .object(
        JSONObject([
          .init(key: "preset", value: .string(row.base)),
          .init(key: "state", value: .string(state(row))),
          .init(key: "from_version", value: row.from.map { .string($0.version.rawValue) } ?? .null),
          .init(key: "to_version", value: row.to.map { .string($0.version.rawValue) } ?? .null),
          .init(key: "declared", value: list(row.declared)),
          .init(key: "differences", value: list(row.unexpected)),
          .init(key: "missing_declared", value: list(row.missing)),
          .init(key: "prompt_in_sync", value: .bool(row.from != nil && row.to != nil && row.promptInSync)),
        ]))
    }
    return SafeText.json(JSONWriter.string(.object(JSONObject([.init(key: "presets", value: .array(items))]))))
  }

  /// The table, then each differing preset's unexpected changes and prompt diff, then a summary line.
  package func text(style: Style) -> String {
    let (fromName, toName, rows) = (promotion.fromName, promotion.toName, promotion.rows)
    let table = TextTable(
      header: ["PRESET", fromName.uppercased(), toName.uppercased(), "STATE", "DECLARED"],
      rows: rows.map {
        [
          SafeText.terminal($0.base), $0.from?.version.short ?? "-", $0.to?.version.short ?? "-",
          SafeText.terminal(state($0)), String($0.declared.count),
        ]
      })
    var out = table.render(style: style)
    for row in rows where !row.same {
      guard let a = row.from, let b = row.to else { continue }
      out += "\n\(style.bold(SafeText.terminal(row.base))): " + SafeText.terminal("\(toName) → \(fromName)") + "\n"
      for change in row.unexpected { out += ChangeLine.terminal(change) }
      for change in row.missing { out += "    declared but not live: \(SafeText.terminal(ChangeLine.text(change)))\n" }
      if !row.promptInSync {
        out += DiffText.terminal(
          TextDiff.unified(old: b.systemPrompt, new: a.systemPrompt, oldName: row.toSlug, newName: row.fromSlug),
          style: style)
      }
    }
    let differing = rows.filter { !$0.same }.count
    let declared = rows.filter { !$0.declared.isEmpty }.count
    out += "\n"
    out +=
      differing == 0
      ? "\(toName) runs exactly what \(fromName) runs"
        + (declared == 0
          ? "" : " (apart from the overrides \(RepositoryConfig.fileName) declares, in \(declared) preset(s))")
      : "\(differing) of \(rows.count) preset(s) differ beyond the declared overrides"
    return out + "\n"
  }
}
