import PresetCore
import PresetModel

/// Renders `presetctl show`: one live version as the normalised model (`config`, `system_prompt`), the same
/// object whose canonical JSON the version hash is taken of.
package struct LiveModelRenderer: Sendable {
  /// The slug (server text).
  package var slug: String
  /// The version's number.
  package var versionNumber: Int
  /// The normalised model.
  package var model: PresetModel

  /// Creates a renderer.
  package init(slug: String, versionNumber: Int, model: PresetModel) {
    self.slug = slug
    self.versionNumber = versionNumber
    self.model = model
  }

  private var document: JSONObject {
    JSONObject([
      .init(key: "slug", value: .string(slug)),
      .init(key: "live_version_number", value: .number(Double(versionNumber))),
      .init(key: "version", value: .string(model.version.rawValue)),
      .init(key: "system_prompt", value: model.systemPrompt.map(JSONValue.string) ?? .null),
      .init(key: "config", value: .object(model.config)),
    ])
  }

  /// YAML (the prompt as a literal block where exact), neutralised for a terminal (line breaks and tabs kept).
  package func yaml() -> String {
    SafeText.terminalLines(YAMLWriter.mapping(document, blockScalarKeys: ["system_prompt"]))
  }

  /// Pretty JSON.
  package func json() -> String { SafeText.json(JSONWriter.string(.object(document))) }
}
