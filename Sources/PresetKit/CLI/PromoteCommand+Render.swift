extension PromoteCommand {
  /// The state word of a row.
  static func state(_ row: Row, fromName: String, toName: String) -> String {
    if row.from == nil { return "missing in \(fromName)" }
    if row.to == nil { return "missing in \(toName)" }
    return row.same ? "same" : "differs"
  }

  static func render(
    _ rows: [Row], fromName: String, toName: String, format: OutputFormat, _ context: CommandLineTool.Context
  ) {
    if format == .json {
      let items: [JSONValue] = rows.map { row in
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
            .init(key: "state", value: .string(state(row, fromName: fromName, toName: toName))),
            .init(key: "from_version", value: row.from.map { .string($0.version.rawValue) } ?? .null),
            .init(key: "to_version", value: row.to.map { .string($0.version.rawValue) } ?? .null),
            .init(key: "declared", value: list(row.declared)),
            .init(key: "differences", value: list(row.unexpected)),
            .init(key: "missing_declared", value: list(row.missing)),
            .init(key: "prompt_in_sync", value: .bool(row.from != nil && row.to != nil && row.promptInSync)),
          ]))
      }
      context.console.write(
        SafeText.json(JSONWriter.string(.object(JSONObject([.init(key: "presets", value: .array(items))])))))
      return
    }
    let style = context.console.outStyle
    let table = TextTable(
      header: ["PRESET", fromName.uppercased(), toName.uppercased(), "STATE", "DECLARED"],
      rows: rows.map {
        [
          SafeText.terminal($0.base), $0.from?.version.short ?? "-", $0.to?.version.short ?? "-",
          SafeText.terminal(state($0, fromName: fromName, toName: toName)), String($0.declared.count),
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
    context.console.write(out + "\n")
  }
}
