import PresetCore
import PresetReconcile

/// Renders `presetctl ls` (live presets against the local ones) as a text table, Markdown or JSON.
package struct LiveListingRenderer: Sendable {
  /// The listing.
  package var listing: LiveListing

  /// Creates a renderer.
  package init(listing: LiveListing) { self.listing = listing }

  /// `3 live preset(s): 2 in sync, 1 differs, 0 unmanaged`.
  package var summary: String {
    func count(_ state: LiveListing.State) -> Int { listing.rows.filter { $0.state == state }.count }
    var text =
      "\(listing.rows.count) live preset(s): \(count(.inSync)) in sync, \(count(.differs)) differ, "
      + "\(count(.unmanaged)) unmanaged"
    if count(.noVersion) > 0 { text += ", \(count(.noVersion)) without a version" }
    return text
  }

  private static let header = ["SLUG", "LIVE", "HASH", "STATE", "UPDATED", "BY"]

  /// Cells of one row, server text as is (each format neutralises it).
  private func cells(_ row: LiveListing.Row) -> [String] {
    [
      row.slug, row.versionNumber.map { "v\($0)" } ?? "—", row.version?.short ?? "—", row.state.rawValue,
      row.updatedAt ?? "—", row.creator ?? "—",
    ]
  }

  /// A table for a terminal.
  package func text(style: Style) -> String {
    let rows = listing.rows.map { cells($0).map(SafeText.terminal) }
    let table = rows.isEmpty ? "" : TextTable(header: Self.header, rows: rows).render(style: style)
    return table + style.bold(summary) + "\n"
  }

  /// A Markdown table.
  package func markdown() -> String {
    var out = "### presetctl ls\n\n\(summary)\n\n"
    guard !listing.rows.isEmpty else { return out }
    out += "| " + Self.header.map { $0.lowercased() }.joined(separator: " | ") + " |\n|---|---|---|---|---|---|\n"
    for row in listing.rows {
      let c = cells(row)
      out +=
        "| \(SafeText.markdownCode(c[0], inTable: true)) | \(c[1]) | \(SafeText.markdownCode(c[2], inTable: true)) | "
        + "\(c[3]) | \(SafeText.markdownText(c[4])) | "
        + "\(SafeText.markdownCode(c[5], inTable: true)) |\n"
    }
    return out
  }

  /// JSON for programs: full versions, nulls where unknown.
  package func json() -> String {
    let presets: [JSONValue] = listing.rows.map { row in
      .object(
        JSONObject([
          .init(key: "slug", value: .string(row.slug)),
          .init(key: "live_version_number", value: row.versionNumber.map { .number(Double($0)) } ?? .null),
          .init(key: "live_version", value: row.version.map { .string($0.rawValue) } ?? .null),
          .init(key: "state", value: .string(row.state.rawValue)),
          .init(key: "updated_at", value: row.updatedAt.map(JSONValue.string) ?? .null),
          .init(key: "creator_id", value: row.creator.map(JSONValue.string) ?? .null),
        ]))
    }
    return SafeText.json(
      JSONWriter.string(
        .object(
          JSONObject([.init(key: "summary", value: .string(summary)), .init(key: "presets", value: .array(presets))]))))
  }
}
