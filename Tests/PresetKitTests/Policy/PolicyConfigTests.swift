import Foundation
import Testing

@testable import PresetCore
@testable import PresetKit
@testable import PresetModel
@testable import PresetPolicy

@Suite struct PolicyConfigTests {
  static let example = """
    policy:
      rules:
        - name: customer-data-stays-private
          severity: error
          files: ["presets/support/**"]
          require_provider: {data_collection: deny, zdr: true}
          forbid_providers: [deepinfra]
        - name: approved-models
          severity: warning
          models: ["openai/*", "anthropic/*", "!*:free"]
        - name: sane-sampling
          slugs: ["support-*", "sales-*"]
          max_temperature: 1.2
          max_tokens: 8000
          require_description: true
    lint:
      placeholders: warning
      invisible_characters: error
      secrets: error
      json_without_format: ignore
      max_prompt_tokens: {limit: 4000, severity: warning}

    """

  private func parse(_ yaml: String) throws -> (PolicyConfig, [Diagnostic]) {
    let repo = try TempRepo(["presetctl.yaml": yaml, "presets/.keep": ""])
    defer { repo.remove() }
    let result = repo.compile()
    #expect(result.diagnostics.filter { $0.code != "config.policy" }.isEmpty, "\(result.diagnostics.map(\.message))")
    return PolicyConfig.parse(result.config)
  }

  @Test func noFileMeansDefaultLintsAndNoRules() {
    let (config, diagnostics) = PolicyConfig.parse(RepositoryConfig())
    #expect(diagnostics.isEmpty)
    #expect(config.rules.isEmpty)
    #expect(config.lint == LintSettings())
    #expect(config.lint.placeholders == .warning)
    #expect(config.lint.invisibleCharacters == .warning)
    #expect(config.lint.secrets == .error)
    #expect(config.lint.jsonWithoutFormat == .warning)
    #expect(config.lint.maxPromptTokens == nil)
    #expect(!config.isEmpty)
    #expect(PolicyConfig(rules: [], lint: .off).isEmpty)
  }

  @Test func parsesTheDocumentedExample() throws {
    let (config, diagnostics) = try parse(Self.example)
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
    #expect(config.rules.map(\.name) == ["customer-data-stays-private", "approved-models", "sane-sampling"])
    #expect(config.rules.map(\.severity) == [.error, .warning, .error])
    #expect(config.rules[0].files.map(\.text) == ["presets/support/**"])
    #expect(config.rules[2].slugs.map(\.text) == ["support-*", "sales-*"])
    #expect(
      config.rules.map { $0.checks.map(\.kind.code) } == [
        ["policy.provider", "policy.forbidden-provider"], ["policy.model"],
        ["policy.temperature", "policy.max-tokens", "policy.description"],
      ])
    // Each check remembers the key that declares it.
    #expect(config.rules[1].checks[0].declared == SourceLocation(file: "presetctl.yaml", line: 10, column: 7))
    #expect(config.rules[0].location == SourceLocation(file: "presetctl.yaml", line: 3, column: 7))
    if case .models(let allow, let deny) = config.rules[1].checks[0].kind {
      #expect(allow.map(\.text) == ["openai/*", "anthropic/*"])
      #expect(deny.map(\.text) == ["*:free"])
    } else {
      Issue.record("expected a models check")
    }
    #expect(config.lint.placeholders == .warning)
    #expect(config.lint.invisibleCharacters == .error)
    #expect(config.lint.jsonWithoutFormat == nil)
    #expect(config.lint.maxPromptTokens == LintSettings.PromptLimit(limit: 4000, severity: .warning))
  }

  @Test func unknownRuleKeyIsAnErrorWithDidYouMean() throws {
    let (config, diagnostics) = try parse("policy:\n  rules:\n    - name: r\n      max_temprature: 1\n")
    #expect(diagnostics.count == 1)
    let d = try #require(diagnostics.first)
    #expect(d.code == "config.policy")
    #expect(d.severity == .error)
    #expect(d.at == "presetctl.yaml:4:7")
    #expect(d.hint == "did you mean `max_temperature`?")
    #expect(d.message.contains("unknown key `max_temprature`"))
    #expect(config.rules.count == 1)
  }

  @Test func unknownKeysInPolicyLintAndRequireProvider() throws {
    let yaml = """
      policy:
        rule: []
        rules:
          - name: r
            require_provider: {data_colection: deny, zdr: true}
      lint:
        placeholder: error

      """
    let (config, diagnostics) = try parse(yaml)
    #expect(
      diagnostics.map(\.hint) == [
        "did you mean `rules`?", "did you mean `data_collection`?", "did you mean `placeholders`?",
      ])
    #expect(diagnostics.map(\.at) == ["presetctl.yaml:2:3", "presetctl.yaml:5:26", "presetctl.yaml:7:3"])
    #expect(Set(diagnostics.map(\.code)) == ["config.policy"])
    // The valid part of the rule still applies.
    if case .requireProvider(let requirements)? = config.rules.first?.checks.first?.kind {
      #expect(requirements.map(\.key) == ["zdr"])
    } else {
      Issue.record("expected a provider check")
    }
  }

  @Test func malformedValuesAreReportedAtTheValue() throws {
    let yaml = """
      policy:
        rules:
          - name: a
            severity: fatal
            max_temperature: -1
            max_tokens: 1.5
            require_description: "yes"
          - name: b
            models: ["openai/*", 3, "!"]
            files: ["!presets/x/**"]
            require_provider: {data_collection: never, zdr: "true"}
            forbid_providers: deepinfra
          - severity: warning
            models: ["x/*"]
          - name: a
            max_tokens: 10
          - not a mapping

      """
    let (config, diagnostics) = try parse(yaml)
    let lines = diagnostics.map { "\($0.at) \($0.message.prefix(30))" }
    #expect(diagnostics.allSatisfy { $0.code == "config.policy" })
    #expect(
      diagnostics.map(\.at) == [
        "presetctl.yaml:4:17", "presetctl.yaml:5:24", "presetctl.yaml:6:19", "presetctl.yaml:7:28",
        "presetctl.yaml:10:15", "presetctl.yaml:9:28", "presetctl.yaml:9:31", "presetctl.yaml:11:43",
        "presetctl.yaml:11:55", "presetctl.yaml:10:14", "presetctl.yaml:13:7", "presetctl.yaml:15:7",
        "presetctl.yaml:17:7",
      ], "\(lines)")
    #expect(diagnostics.map(\.severity).filter { $0 == .warning }.count == 1)
    #expect(diagnostics[9].message == "rule `b` is left out: its `files` scope has no usable pattern")
    #expect(diagnostics[10].message == "a policy rule needs a `name`")
    #expect(diagnostics[11].message.contains("duplicate rule name `a`"))
    #expect(diagnostics[11].related.first?.location == SourceLocation(file: "presetctl.yaml", line: 3, column: 7))
    // `a` keeps no checks. `b`'s only `files` pattern is malformed: applied to every preset it would reach
    // presets it was never meant for, so the whole rule is left out (after every error in it is reported).
    #expect(config.rules.map(\.name) == ["a"])
  }

  @Test func ruleWithoutChecksIsAWarning() throws {
    let (config, diagnostics) = try parse("policy:\n  rules:\n    - name: empty\n      files: [\"presets/**\"]\n")
    #expect(diagnostics.map(\.severity) == [.warning])
    #expect(diagnostics.first?.message.contains("checks nothing") == true)
    #expect(config.rules.count == 1)
  }

  @Test func wrongSectionTypes() throws {
    let (_, d1) = try parse("policy: [a]\nlint: 3\n")
    #expect(d1.map(\.at) == ["presetctl.yaml:1:9", "presetctl.yaml:2:7"])
    let (_, d2) = try parse("policy:\n  rules: {name: x}\n")
    #expect(d2.first?.message.contains("must be a list") == true)
    let (config, d3) = try parse("policy:\nlint:\n")
    #expect(d3.isEmpty)
    #expect(config.rules.isEmpty && config.lint == LintSettings())
  }

  @Test func lintSeverityForms() throws {
    let yaml = """
      lint:
        placeholders: ignore
        invisible_characters: false
        secrets: "off"
        json_without_format: true
        max_prompt_tokens: 100

      """
    let (config, diagnostics) = try parse(yaml)
    #expect(diagnostics.isEmpty)
    #expect(config.lint.placeholders == nil)
    #expect(config.lint.invisibleCharacters == nil)
    #expect(config.lint.secrets == nil)
    #expect(config.lint.jsonWithoutFormat == .warning)
    #expect(config.lint.maxPromptTokens == LintSettings.PromptLimit(limit: 100, severity: .warning))
    let (off, _) = try parse(
      "lint: {placeholders: ignore, invisible_characters: ignore, secrets: ignore, json_without_format: ignore}\n")
    #expect(off.isEmpty)
  }

  @Test func malformedLintSettings() throws {
    let yaml = """
      lint:
        secrets: loud
        max_prompt_tokens: {limit: 0, severity: error, extra: 1}
        json_without_format: [warning]

      """
    let (config, diagnostics) = try parse(yaml)
    #expect(
      diagnostics.map(\.at) == [
        "presetctl.yaml:2:12", "presetctl.yaml:3:50", "presetctl.yaml:3:30", "presetctl.yaml:4:24",
      ])
    #expect(diagnostics.allSatisfy { $0.code == "config.policy" })
    // Malformed settings keep their defaults.
    #expect(config.lint.secrets == .error)
    #expect(config.lint.maxPromptTokens == nil)
    #expect(config.lint.jsonWithoutFormat == .warning)
  }

  @Test func pathPatternsDropLeadingDotSlash() throws {
    let (config, _) = try parse(
      "policy:\n  rules:\n    - name: r\n      files: [\"./presets/**\"]\n      max_tokens: 5\n")
    #expect(config.rules.first?.files.map(\.text) == ["presets/**"])
  }
}
