import PresetCore
import PresetModel
import PresetSchema

/// One organisation rule from the `policy.rules` list of `presetctl.yaml`, compiled for checking.
package struct PolicyRule: Sendable {
  /// One requirement of a rule, with the place in `presetctl.yaml` that declares it.
  package struct Check: Sendable {
    /// What is required.
    package var kind: Kind
    /// The key in `presetctl.yaml` that declares it (the `related` location of every violation).
    package var declared: SourceLocation

    /// Creates a check.
    package init(kind: Kind, declared: SourceLocation) {
      self.kind = kind
      self.declared = declared
    }
  }

  /// The kinds of requirement, one per rule key.
  package enum Kind: Sendable {
    /// `models`: every model named must match an allow pattern (when there are any) and no deny pattern.
    case models(allow: [GlobPattern], deny: [GlobPattern])
    /// `require_provider`: `provider.<key>` must equal the value (a missing key counts as the API default).
    case requireProvider([ProviderRequirement])
    /// `max_temperature`: `temperature`, when set, must not exceed it.
    case maxTemperature(Double)
    /// `max_tokens`: `max_tokens`, `max_completion_tokens` and `max_output_tokens`, when set, must not exceed it.
    case maxTokens(Double)
    /// `require_description`: the preset must have a non-blank `description`.
    case requireDescription
    /// `forbid_providers`: none of these may appear in `provider.order` or `provider.only`.
    case forbidProviders([String])

    /// The diagnostic code of a violation.
    package var code: String {
      switch self {
      case .models: "policy.model"
      case .requireProvider: "policy.provider"
      case .maxTemperature: "policy.temperature"
      case .maxTokens: "policy.max-tokens"
      case .requireDescription: "policy.description"
      case .forbidProviders: "policy.forbidden-provider"
      }
    }
  }

  /// One `require_provider` entry.
  package struct ProviderRequirement: Sendable {
    /// The key inside `provider` (`data_collection`).
    package var key: String
    /// The required value (`deny`).
    package var value: JSONValue

    /// Creates a requirement.
    package init(key: String, value: JSONValue) {
      self.key = key
      self.value = value
    }
  }

  /// The rule's name, quoted in every violation.
  package var name: String
  /// The severity of its violations (`error` unless the rule says `warning`).
  package var severity: Diagnostic.Severity
  /// Where the rule is declared (its list item).
  package var location: SourceLocation
  /// File globs (relative to the repository root); empty means every file.
  package var files: [GlobPattern]
  /// Slug globs; empty means every slug.
  package var slugs: [GlobPattern]
  /// What the rule requires, in the order written.
  package var checks: [Check]

  /// Creates a rule.
  package init(
    name: String, severity: Diagnostic.Severity = .error, location: SourceLocation, files: [GlobPattern] = [],
    slugs: [GlobPattern] = [], checks: [Check] = []
  ) {
    self.name = name
    self.severity = severity
    self.location = location
    self.files = files
    self.slugs = slugs
    self.checks = checks
  }

  /// Whether the rule covers a preset: its file matches one of `files` (when given) and its slug one of
  /// `slugs` (when given); both lists narrow, so a rule with both covers presets matching both.
  package func applies(to preset: Preset) -> Bool {
    if !files.isEmpty, !files.contains(where: { $0.matches(preset.source.file) }) { return false }
    if !slugs.isEmpty, !slugs.contains(where: { $0.matches(preset.slug) }) { return false }
    return true
  }
}
