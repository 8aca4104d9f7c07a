import Foundation
import Testing

@testable import PresetCompiler
@testable import PresetCore
@testable import PresetKit
@testable import PresetPolicy

/// A malformed part of `presetctl.yaml` is reported and left out; the rest of the configuration still applies
/// and every other diagnostic of the run (schema errors, policy findings, lints) is reported in the same run.
@Suite struct ConfigRecoveryTests {
  static let config = """
    policy:
      rules:
        - name: broken-temperature
          max_temperature: hot
        - name: token-cap
          max_tokens: 100
        - max_tokens: 5
        - name: scoped-but-broken
          files: 42
          max_tokens: 1
    lint:
      secrets: loud
      placeholders: error

    """

  static let files: [String: String] = [
    "presetctl.yaml": config,
    // A schema error in one preset...
    "presets/bad.yaml": "slug: bad\nskin: chat\nrequest:\n  model: a/b\n  temperature: warm\n",
    // ...a policy finding of the remaining rule in another...
    "presets/long.yaml": "slug: long\nskin: chat\nrequest:\n  model: a/b\n  max_tokens: 500\n",
    // ...and a lint (placeholders raised to error by the valid lint setting) in a third.
    "presets/hello.yaml": """
    slug: hello
    skin: chat
    request:
      model: a/b
      messages:
        - {role: system, content: "Hello {{name}}"}

    """,
  ]

  @Test func everyDiagnosticOfTheRunIsReported() throws {
    let repo = try TempRepo(Self.files)
    defer { repo.remove() }
    let result = repo.compile()
    let codes = Set(result.diagnostics.map(\.code))
    #expect(result.hasErrors)
    // The three malformed parts: a bad check value, a rule without a name, a bad lint severity.
    let config = result.diagnostics.filter { $0.code == "config.policy" }
    #expect(config.contains { $0.message.contains("`max_temperature` must be a number") })
    #expect(config.contains { $0.message.contains("needs a `name`") })
    #expect(config.contains { $0.path == "/lint/secrets" })
    // Everything else still ran.
    #expect(codes.contains("schema.type") || result.diagnostics.contains { $0.path == "/request/temperature" })
    let tokens = result.diagnostics.filter { $0.code.hasPrefix("policy.") }
    #expect(tokens.map(\.at) == ["presets/long.yaml:5:15"], "\(tokens.map(\.message))")
    #expect(tokens.first?.message.contains("rule `token-cap`") == true)
    let placeholder = result.diagnostics.filter { $0.code == "lint.placeholder" }
    #expect(placeholder.count == 1 && placeholder.first?.severity == .error)
    #expect(result.presets.map(\.slug) == ["hello", "long"])
  }

  @Test func aScopeWithNoUsablePatternDropsTheRuleInsteadOfWideningIt() throws {
    let repo = try TempRepo([
      "presetctl.yaml": """
      policy:
        rules:
          - name: only-support
            files: [""]
            max_tokens: 1
          - name: only-some-slugs
            slugs: 7
            max_tokens: 1
          - name: partly-bad-scope
            slugs: ["long", 3]
            max_tokens: 2

      """,
      "presets/long.yaml": Self.files["presets/long.yaml"] ?? "",
      "presets/other.yaml": "slug: other\nskin: chat\nrequest:\n  model: a/b\n  max_tokens: 500\n",
    ])
    defer { repo.remove() }
    let (config, diagnostics) = PolicyConfig.parse(repo.compile().config)
    #expect(config.rules.map(\.name) == ["partly-bad-scope"])
    #expect(
      diagnostics.filter { $0.message.contains("is left out") }.map(\.path) == [
        "/policy/rules/0/files", "/policy/rules/1/slugs",
      ])
    let findings = repo.compile().diagnostics.filter { $0.code.hasPrefix("policy.") }
    // Only the valid part of the partly bad scope applies: `long`, not `other`.
    #expect(findings.map(\.at) == ["presets/long.yaml:5:15"])
  }

  @Test func validateReportsConfigSchemaPolicyAndLintInOneRun() throws {
    let repo = try TempRepo(Self.files)
    defer { repo.remove() }
    let output = try Binary.run(["validate", "--format", "json"], in: repo.root)
    #expect(output.status == 1)
    let json = try JSONParser.parse(output.stdout)
    let codes = Set((json["diagnostics"]?.arrayValue ?? json.arrayValue ?? []).compactMap { $0["code"]?.stringValue })
    #expect(codes.contains("config.policy"), "\(output.stdout)")
    #expect(codes.contains("lint.placeholder"), "\(output.stdout)")
    #expect(codes.contains { $0.hasPrefix("policy.") }, "\(output.stdout)")
    #expect(codes.contains { $0.hasPrefix("schema.") }, "\(output.stdout)")
  }

  @Test func aFatalInputProblemStillStopsTheRunButKeepsPolicyDiagnostics() throws {
    let repo = try TempRepo([
      "presetctl.yaml": "policy:\n  rules:\n    - max_tokens: 5\n",
      "presets/long.yaml": Self.files["presets/long.yaml"] ?? "",
    ])
    defer { repo.remove() }
    var options = Compiler.Options()
    options.environment = "nowhere"
    let result = Compiler(options: options).compile(path: repo.path("presets"))
    #expect(result.presets.isEmpty)
    #expect(result.diagnostics.contains { $0.code == "config.unknown-environment" })
    #expect(result.diagnostics.contains { $0.code == "config.policy" })
  }
}
