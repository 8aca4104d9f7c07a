/// The summary `build` prints: a table of slug, skin, model and short version, or JSON.
public struct BuildReport: Sendable {
  /// The bundle written.
  public var bundle: PresetBundle
  /// Where it was written.
  public var output: String

  /// Creates a report.
  public init(bundle: PresetBundle, output: String) {
    self.bundle = bundle
    self.output = output
  }

  /// The model column: `model`, else the first of `models`, else `-`.
  static func modelName(_ preset: Preset) -> String {
    if let model = preset.model.config["model"]?.stringValue { return model }
    if case .array(let models)? = preset.model.config["models"], let first = models.first?.stringValue {
      return models.count > 1 ? "\(first) (+\(models.count - 1))" : first
    }
    return "-"
  }

  /// Renders the report.
  public func render(_ format: OutputFormat, style: Style) -> String {
    switch format {
    case .json:
      let presets: [JSONValue] = bundle.presets.map { p in
        .object(
          JSONObject([
            .init(key: "slug", value: .string(p.slug)), .init(key: "skin", value: .string(p.skin.rawValue)),
            .init(key: "model", value: .string(Self.modelName(p))),
            .init(key: "version", value: .string(p.version.rawValue)),
          ]))
      }
      return JSONWriter.string(
        .object(
          JSONObject([
            .init(key: "output", value: .string(output)), .init(key: "digest", value: .string(bundle.digest)),
            .init(key: "presets", value: .array(presets)),
          ])))
    case .markdown:
      var out = "| slug | skin | model | version |\n|---|---|---|---|\n"
      for p in bundle.presets {
        out += "| `\(p.slug)` | \(p.skin.rawValue) | `\(Self.modelName(p))` | `\(p.version.short)` |\n"
      }
      return out + "\n\(bundle.presets.count) preset(s) written to `\(output)`\n"
    case .text, .github:
      let rows = bundle.presets.map { [$0.slug, $0.skin.rawValue, Self.modelName($0), $0.version.short] }
      let table = TextTable(header: ["SLUG", "SKIN", "MODEL", "VERSION"], rows: rows).render(style: style)
      return table + "\n\(bundle.presets.count) preset(s) written to \(output) (\(bundle.digest.prefix(19)))\n"
    }
  }
}
