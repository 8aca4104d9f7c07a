import PresetCore

/// The `lint.catalogue` section of `presetctl.yaml`: how serious each catalogue finding is (nil: off).
///
/// The defaults: names that do not exist and models already gone are errors (the request fails in
/// production); everything the API silently degrades or ignores is a warning.
package struct CatalogueSettings: Sendable, Equatable {
  /// `unknown_model` (`catalogue.unknown-model`).
  package var unknownModel: Diagnostic.Severity? = .error
  /// `unsupported_parameter` (`catalogue.unsupported-parameter`); an error regardless when the request sets
  /// `provider.require_parameters: true`.
  package var unsupportedParameter: Diagnostic.Severity? = .warning
  /// `reasoning_effort` (`catalogue.reasoning-effort`).
  package var reasoningEffort: Diagnostic.Severity? = .warning
  /// `max_tokens` (`catalogue.max-tokens`).
  package var maxTokens: Diagnostic.Severity? = .warning
  /// `context_length` (`catalogue.context-length`).
  package var contextLength: Diagnostic.Severity? = .warning
  /// `expired` (`catalogue.expired`).
  package var expired: Diagnostic.Severity? = .error
  /// `expiring` (`catalogue.expiring`).
  package var expiring: Diagnostic.Severity? = .warning
  /// `unknown_provider` (`catalogue.unknown-provider`).
  package var unknownProvider: Diagnostic.Severity? = .error
  /// `deprecated` (`catalogue.deprecated`): runs without a snapshot too.
  package var deprecated: Diagnostic.Severity? = .warning

  /// The defaults.
  package init() {}

  /// The setting names, in README order.
  static let keys = [
    "unknown_model", "unsupported_parameter", "reasoning_effort", "max_tokens", "context_length", "expired",
    "expiring", "unknown_provider", "deprecated",
  ]

  /// Every check off.
  package static let off: CatalogueSettings = {
    var settings = CatalogueSettings()
    for key in keys { settings[key] = .some(nil) }
    return settings
  }()

  /// The severity behind a setting name (`.some(nil)`: off); nil for an unknown name.
  subscript(key: String) -> Diagnostic.Severity?? {
    get {
      switch key {
      case "unknown_model": unknownModel
      case "unsupported_parameter": unsupportedParameter
      case "reasoning_effort": reasoningEffort
      case "max_tokens": maxTokens
      case "context_length": contextLength
      case "expired": expired
      case "expiring": expiring
      case "unknown_provider": unknownProvider
      case "deprecated": deprecated
      default: nil
      }
    }
    set {
      guard let value = newValue else { return }
      switch key {
      case "unknown_model": unknownModel = value
      case "unsupported_parameter": unsupportedParameter = value
      case "reasoning_effort": reasoningEffort = value
      case "max_tokens": maxTokens = value
      case "context_length": contextLength = value
      case "expired": expired = value
      case "expiring": expiring = value
      case "unknown_provider": unknownProvider = value
      case "deprecated": deprecated = value
      default: break
      }
    }
  }

  /// The default severity of a setting.
  static func defaultSeverity(_ key: String) -> Diagnostic.Severity {
    (CatalogueSettings()[key] ?? nil) ?? .warning
  }
}
