import PresetCore
import PresetModel

/// The organisation policy and prompt-lint settings of a repository, read from the `policy` and `lint` sections
/// of `presetctl.yaml` and compiled once (globs included) so checking many presets costs no re-parsing.
///
/// The format is documented in the README ("Policy and prompt lint").
package struct PolicyConfig: Sendable {
  /// The rules, in file order.
  package var rules: [PolicyRule]
  /// The prompt-lint settings (defaults when there is no `lint` section).
  package var lint: LintSettings
  /// The model catalogue the catalogue checks read; nil when there is no snapshot (they are skipped).
  package var catalogue: CatalogueIndex?

  /// Creates a configuration; the defaults are no rules and default lints.
  package init(rules: [PolicyRule] = [], lint: LintSettings = LintSettings()) {
    self.rules = rules
    self.lint = lint
  }

  /// True when there is nothing to check: no rules, every prompt lint off and no catalogue (the deprecation
  /// lint, which needs no catalogue, then does not run either).
  package var isEmpty: Bool { rules.isEmpty && lint.isOff && catalogue == nil }

  /// This configuration checking against `catalogue` as well.
  package func with(catalogue: CatalogueIndex?) -> PolicyConfig {
    var copy = self
    copy.catalogue = catalogue
    return copy
  }

  /// Parses the `policy` and `lint` sections of presetctl.yaml; diagnostics for malformed rules (with locations).
  ///
  /// A malformed rule or setting is reported (`config.policy`) and left out; the rest still applies. Without a
  /// `presetctl.yaml` the result is no rules and the default lints.
  package static func parse(_ config: RepositoryConfig) -> (PolicyConfig, [Diagnostic]) {
    guard let document = config.document, case .object(let top) = document.value else { return (PolicyConfig(), []) }
    var parser = PolicyConfigParser(map: document.sourceMap)
    var result = PolicyConfig()
    if let policy = top["policy"] {
      result.rules = parser.policy(policy, at: JSONPointer.root.appending("policy"))
    }
    if let lint = top["lint"] {
      result.lint = parser.lint(lint, at: JSONPointer.root.appending("lint"))
    }
    return (result, parser.diagnostics)
  }
}
