import PresetCore

/// The `lint` section of `presetctl.yaml`: which prompt checks run and how serious their findings are.
///
/// Every lint runs without any configuration: placeholders, invisible characters and JSON-without-format as
/// warnings, secrets as errors (a key committed to a preset leaks to git history and to OpenRouter). The prompt
/// length check needs a limit and is off until one is configured.
package struct LintSettings: Sendable, Equatable {
  /// The prompt-length limit.
  package struct PromptLimit: Sendable, Equatable {
    /// Largest estimated token count allowed (estimate: UTF-8 bytes / 4, rounded up).
    package var limit: Int
    /// Severity of a prompt over the limit.
    package var severity: Diagnostic.Severity

    /// Creates a limit.
    package init(limit: Int, severity: Diagnostic.Severity = .warning) {
      self.limit = limit
      self.severity = severity
    }
  }

  /// `placeholders`: `{{name}}` and `${name}` left in a prompt; nil when off.
  package var placeholders: Diagnostic.Severity? = .warning
  /// `invisible_characters`: zero-width, bidirectional-control and tag characters in a prompt; nil when off.
  package var invisibleCharacters: Diagnostic.Severity? = .warning
  /// `secrets`: API-key and private-key shapes in the prompt or any request string; nil when off.
  package var secrets: Diagnostic.Severity? = .error
  /// `json_without_format`: a prompt asking for JSON without a structured-output setting; nil when off.
  package var jsonWithoutFormat: Diagnostic.Severity? = .warning
  /// `max_prompt_tokens`: off unless configured.
  package var maxPromptTokens: PromptLimit?
  /// `catalogue`: the severities of the model-catalogue checks (`CatalogueCheck`).
  package var catalogue = CatalogueSettings()

  /// `ignored_messages`: request turns and input a preset does not store (`compile.ignored-messages`,
  /// `compile.ignored-input`). Captured bodies carry them normally, so the default is one summary note per
  /// run; `warning` or `error` report each preset, `ignore` says nothing.
  package var ignoredMessages: IgnoredMessages = .summary

  /// How `ignored_messages` findings are reported.
  package enum IgnoredMessages: String, Sendable, Equatable {
    /// One note per run counting the presets (the default).
    case summary
    /// One warning per preset.
    case warning
    /// One error per preset.
    case error
    /// Nothing.
    case ignore
  }

  /// The defaults (see the type's documentation).
  package init() {}

  /// Every lint off.
  package static let off: LintSettings = {
    var settings = LintSettings()
    settings.placeholders = nil
    settings.invisibleCharacters = nil
    settings.secrets = nil
    settings.jsonWithoutFormat = nil
    settings.catalogue = .off
    return settings
  }()

  /// True when no prompt lint runs (the catalogue checks count separately: `PolicyConfig.isEmpty`).
  package var isOff: Bool {
    placeholders == nil && invisibleCharacters == nil && secrets == nil && jsonWithoutFormat == nil
      && maxPromptTokens == nil
  }
}
