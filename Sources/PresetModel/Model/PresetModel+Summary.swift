extension PresetModel {
  /// The model a summary row shows: `model`, else the first of `models` (with how many follow), else `-`.
  ///
  /// It lives with the model, not with the renderers, because the bundle writer records it per entry while
  /// serialising, and the model layer knows nothing of output formats.
  package var modelSummary: String {
    if let model = config["model"]?.stringValue { return model }
    if case .array(let models)? = config["models"], let first = models.first?.stringValue {
      return models.count > 1 ? "\(first) (+\(models.count - 1))" : first
    }
    return "-"
  }
}
