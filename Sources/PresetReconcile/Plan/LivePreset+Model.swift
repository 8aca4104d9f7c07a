import PresetCore
import PresetModel

extension LivePreset {
  /// The live designated version normalised with the compiler's own rules; nil when the preset has no version.
  package var model: PresetModel? {
    guard let version = designatedVersion else { return nil }
    return version.model
  }
}

extension LiveVersion {
  /// This version normalised with the compiler's own rules (a non-object config counts as `{}`).
  package var model: PresetModel {
    NormalisationRules.model(config: config.objectValue ?? JSONObject(), systemPrompt: systemPrompt)
  }
}
