import PresetCore
import PresetModel
import PresetReconcile
import PresetSchema

/// The summary `build` prints: a table of slug, skin, model and short version, or JSON.
package struct BuildReport: Sendable {
  /// One line of the summary.
  package struct Row: Sendable {
    /// The slug.
    package var slug: String
    /// The skin.
    package var skin: Skin
    /// The model column.
    package var modelName: String
    /// The content version.
    package var version: PresetVersion

    /// Creates a row.
    package init(slug: String, skin: Skin, modelName: String, version: PresetVersion) {
      self.slug = slug
      self.skin = skin
      self.modelName = modelName
      self.version = version
    }
  }

  /// The presets written, sorted by slug.
  package var entries: [Row]
  /// The bundle's digest (computed once while writing).
  package var digest: String
  /// Where it was written.
  package var output: String

  /// Creates a report.
  package init(entries: [Row], digest: String, output: String) {
    self.entries = entries
    self.digest = digest
    self.output = output
  }

  /// Renders the report.
  package func render(_ format: OutputFormat, style: Style) -> String {
    switch format {
    case .json:
      let presets: [JSONValue] = entries.map { p in
        .object(
          JSONObject([
            .init(key: "slug", value: .string(p.slug)), .init(key: "skin", value: .string(p.skin.rawValue)),
            .init(key: "model", value: .string(p.modelName)),
            .init(key: "version", value: .string(p.version.rawValue)),
          ]))
      }
      return SafeText.json(
        JSONWriter.string(
          .object(
            JSONObject([
              .init(key: "output", value: .string(output)), .init(key: "digest", value: .string(digest)),
              .init(key: "presets", value: .array(presets)),
            ]))))
    case .markdown:
      var out = "| slug | skin | model | version |\n|---|---|---|---|\n"
      for p in entries {
        out +=
          "| \(SafeText.markdownCode(p.slug, inTable: true)) | \(p.skin.rawValue) | "
          + "\(SafeText.markdownCode(p.modelName, inTable: true)) | \(SafeText.markdownCode(p.version.short, inTable: true)) |\n"
      }
      return out + "\n\(entries.count) preset(s) written to \(SafeText.markdownCode(output))\n"
    case .text, .github:
      let rows = entries.map {
        [SafeText.terminal($0.slug), $0.skin.rawValue, SafeText.terminal($0.modelName), $0.version.short]
      }
      let table = TextTable(header: ["SLUG", "SKIN", "MODEL", "VERSION"], rows: rows).render(style: style)
      return table + "\n\(entries.count) preset(s) written to \(SafeText.terminal(output)) (\(digest.prefix(19)))\n"
    }
  }
}
