import PresetCore

/// The normalised content of a preset: what gets hashed into a version and compared with the live state.
///
/// As JSON it is exactly `{"config": C, "system_prompt": S}`; both members are always present
/// (`"config": {}` and `"system_prompt": null` are kept). The rules that produce C and S live in
/// `NormalisationRules` and are shared by the repository side and the live side.
package struct PresetModel: Sendable, Equatable {
  /// The stored configuration after normalisation.
  package var config: JSONObject
  /// The system prompt after line-ending folding; nil when absent or empty.
  package var systemPrompt: String?

  /// Creates a model from already normalised parts. Use `NormalisationRules.model(config:systemPrompt:)` for raw input.
  package init(config: JSONObject, systemPrompt: String?) {
    self.config = config
    self.systemPrompt = systemPrompt
  }

  /// The model as a JSON value, the input of the version hash.
  package var json: JSONValue {
    .object(
      JSONObject([
        .init(key: "config", value: .object(config)),
        .init(key: "system_prompt", value: systemPrompt.map(JSONValue.string) ?? .null),
      ]))
  }

  /// The RFC 8785 canonical bytes of `json`.
  package var canonicalBytes: [UInt8] { JSONWriter.canonicalBytes(json) }

  /// The content version: `sha256:` + lowercase hex SHA-256 of the canonical JSON.
  package var version: PresetVersion { PresetVersion(canonicalJSON: canonicalBytes) }

  package static func == (lhs: PresetModel, rhs: PresetModel) -> Bool {
    lhs.config == rhs.config
      && lhs.systemPrompt?.unicodeScalars.elementsEqual(rhs.systemPrompt?.unicodeScalars ?? "".unicodeScalars)
        ?? (rhs.systemPrompt == nil)
  }
}

extension PresetModel {
  /// Reads a model back from its JSON form (as stored in a bundle); nil when the shape is wrong.
  package init?(json: JSONValue) {
    guard case .object(let object) = json, object.count == 2, case .object(let config)? = object["config"] else {
      return nil
    }
    switch object["system_prompt"] {
    case .string(let s)?: self.init(config: config, systemPrompt: s)
    case .null?: self.init(config: config, systemPrompt: nil)
    default: return nil
    }
  }
}
