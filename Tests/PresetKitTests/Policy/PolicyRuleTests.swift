import Foundation
import Testing

@testable import PresetCompiler
@testable import PresetCore
@testable import PresetKit
@testable import PresetModel
@testable import PresetPolicy

/// Each rule kind: a violation where the value was written (including `_defaults.yaml` and `presetctl.yaml`),
/// `related` at the rule's key in presetctl.yaml, and no finding where the preset complies or is out of scope.
@Suite struct PolicyRuleTests {
  /// Policy findings only (lints are checked in PromptLintTests).
  private func policy(_ files: [String: String]) throws -> [Diagnostic] {
    let run = try PolicyRun(files)
    #expect(run.compile.diagnostics.filter { $0.severity == .error }.isEmpty, "\(run.compile.diagnostics)")
    #expect(run.configDiagnostics.isEmpty, "\(run.configDiagnostics)")
    return run.findings.filter { $0.code.hasPrefix("policy.") }
  }

  private static func rules(_ body: String) -> String { "policy:\n  rules:\n" + body }

  @Test func modelsAllowAndDenyCoverModelModelsAndFallbacks() throws {
    let ds = try policy([
      "presetctl.yaml": Self.rules(
        """
            - name: approved-models
              models: ["openai/*", "anthropic/*", "!*:free"]

        """),
      "presets/a.yaml": """
      slug: a
      skin: responses
      request:
        model: openai/gpt-5.4-mini
        models: [openai/gpt-5.4, Meta/llama:free, google/gemini]

      """,
      "presets/b.yaml": """
      slug: b
      skin: messages
      request:
        model: anthropic/claude-4.6-haiku
        max_tokens: 100
        fallbacks:
          - model: OpenAI/GPT-5.4
          - model: mistral/large

      """,
      "presets/c.yaml": "slug: c\nskin: responses\nrequest:\n  model: anthropic/claude-4.6-sonnet\n",
      "presets/d.yaml": "slug: d\nskin: responses\nrequest:\n  temperature: 1\n",
    ])
    #expect(ds.map(\.at) == ["presets/a.yaml:5:28", "presets/a.yaml:5:45", "presets/b.yaml:8:14"])
    #expect(ds.map(\.code) == ["policy.model", "policy.model", "policy.model"])
    #expect(ds.map(\.path) == ["/request/models/1", "/request/models/2", "/request/fallbacks/1/model"])
    #expect(ds[0].message == "model `Meta/llama:free` is denied by rule `approved-models` (pattern `!*:free`)")
    #expect(
      ds[1].message
        == "model `google/gemini` is not allowed by rule `approved-models` (allowed: `openai/*`, `anthropic/*`)")
    #expect(ds.allSatisfy { $0.severity == .error })
    #expect(ds.allSatisfy { $0.relatedAt == "presetctl.yaml:4:7" })
    #expect(ds[0].related.first?.message == "rule `approved-models` is declared here")
  }

  @Test func denyOnlyPatternsAllowEverythingElse() throws {
    let ds = try policy([
      "presetctl.yaml": Self.rules("    - name: no-free\n      models: \"!*:free\"\n"),
      "presets/a.yaml": "slug: a\nskin: responses\nrequest:\n  model: any/thing\n",
      "presets/b.yaml": "slug: b\nskin: responses\nrequest:\n  model: any/thing:free\n",
    ])
    #expect(ds.map(\.at) == ["presets/b.yaml:4:10"])
  }

  @Test func requiredProviderSettingsWithFolderDefaults() throws {
    let ds = try policy([
      "presetctl.yaml": Self.rules(
        """
            - name: customer-data-stays-private
              files: ["presets/support/**"]
              require_provider: {data_collection: deny, zdr: true}

        """),
      "presets/support/_defaults.yaml": "request:\n  provider:\n    data_collection: allow\n",
      // data_collection comes from _defaults.yaml; zdr is set here.
      "presets/support/a.yaml": "slug: support-a\nskin: responses\nrequest:\n  provider:\n    zdr: true\n",
      // Both wrong: zdr written false here, data_collection from the defaults.
      "presets/support/b.yaml": "slug: support-b\nskin: responses\nrequest:\n  provider:\n    zdr: false\n",
      // Overrides the defaults: compliant.
      "presets/support/c.yaml":
        "slug: support-c\nskin: responses\nrequest:\n  provider: {data_collection: deny, zdr: true}\n",
      // zdr missing: reported at the `provider` key (in _defaults.yaml, where the merged mapping comes from).
      "presets/support/deep/d.yaml": "slug: support-d\nskin: responses\nrequest:\n  model: m\n",
      // Out of scope.
      "presets/other/e.yaml": "slug: e\nskin: responses\nrequest:\n  model: m\n",
    ])
    let lines = ds.map { "\($0.at) \($0.path ?? "") \($0.message)" }
    #expect(
      lines == [
        "presets/support/_defaults.yaml:2:3 /request/provider/zdr `provider.zdr` is not set (the API default is false) but rule `customer-data-stays-private` requires true",
        // Written once, reported once, with the presets it affects.
        "presets/support/_defaults.yaml:3:22 /request/provider/data_collection `provider.data_collection` is `allow` but rule `customer-data-stays-private` requires `deny` (affects 3 presets: `support-a`, `support-b`, `support-d`)",
        "presets/support/b.yaml:5:10 /request/provider/zdr `provider.zdr` is false but rule `customer-data-stays-private` requires true",
      ], "\(lines)")
    #expect(ds.allSatisfy { $0.code == "policy.provider" && $0.relatedAt == "presetctl.yaml:5:7" })
    #expect(ds[0].hint == "add `zdr: true` under `provider`")
  }

  @Test func missingProviderCountsAsTheAPIDefault() throws {
    let ds = try policy([
      "presetctl.yaml": Self.rules(
        """
            - name: r
              require_provider: {data_collection: allow, allow_fallbacks: true, require_parameters: true}

        """),
      "presets/a.yaml": "# a\nslug: a\nskin: responses\nrequest:\n  model: m\n",
    ])
    // data_collection and allow_fallbacks are met by the defaults; require_parameters is not.
    #expect(ds.map(\.at) == ["presets/a.yaml:4:1"])
    #expect(ds.first?.message.contains("`provider.require_parameters` is not set (the API default is false)") == true)
  }

  /// An explicit `null` provider setting is the API default too (README, "Rules").
  @Test func nullProviderSettingCountsAsTheAPIDefault() throws {
    func findings(_ requirement: String, _ setting: String) throws -> [Diagnostic] {
      try policy([
        "presetctl.yaml": Self.rules("    - name: r\n      require_provider: {\(requirement)}\n"),
        "presets/a.yaml": "slug: a\nskin: responses\nrequest:\n  model: m\n  provider:\n    \(setting)\n",
      ])
    }
    #expect(try findings("data_collection: allow", "data_collection: null").isEmpty)
    #expect(try findings("zdr: false", "zdr: null").isEmpty)
    let deny = try findings("data_collection: deny", "data_collection: null")
    #expect(deny.map(\.at) == ["presets/a.yaml:6:22"])
    #expect(
      deny.first?.message
        == "`provider.data_collection` is null (the API default is `allow`) but rule `r` requires `deny`")
    let zdr = try findings("zdr: true", "zdr: ~")
    #expect(zdr.map(\.at) == ["presets/a.yaml:6:10"])
    #expect(zdr.first?.message == "`provider.zdr` is null (the API default is false) but rule `r` requires true")
    #expect(zdr.first?.hint == "set `zdr: true`")
  }

  @Test func maxTemperature() throws {
    let ds = try policy([
      "presetctl.yaml": Self.rules("    - name: sane-sampling\n      max_temperature: 1.2\n"),
      "presets/a.yaml": "slug: a\nskin: responses\nrequest:\n  temperature: 1.5\n",
      "presets/b.yaml": "slug: b\nskin: responses\nrequest:\n  temperature: 1.2\n",
      "presets/c.yaml": "slug: c\nskin: responses\nrequest:\n  model: m\n",
    ])
    #expect(ds.map(\.at) == ["presets/a.yaml:4:16"])
    #expect(ds.first?.code == "policy.temperature")
    #expect(ds.first?.message == "temperature 1.5 is above 1.2, the maximum of rule `sane-sampling`")
    #expect(ds.first?.path == "/request/temperature")
    #expect(ds.first?.relatedAt == "presetctl.yaml:4:7")
  }

  @Test func maxTokensCoversEverySkinsLimit() throws {
    let ds = try policy([
      "presetctl.yaml": Self.rules("    - name: budget\n      max_tokens: 8000\n"),
      "presets/a.yaml": "slug: a\nskin: responses\nrequest:\n  max_output_tokens: 9000\n",
      "presets/b.yaml": "slug: b\nskin: messages\nrequest:\n  model: m\n  max_tokens: 8001\n",
      "presets/c.yaml": """
      slug: c
      skin: chat
      system_prompt_file: p.md
      request:
        max_tokens: 100
        max_completion_tokens: 16000

      """,
      "presets/p.md": "Be brief.",
      "presets/d.yaml": "slug: d\nskin: messages\nrequest:\n  model: m\n  max_tokens: 8000\n",
    ])
    #expect(ds.map(\.at) == ["presets/a.yaml:4:22", "presets/b.yaml:5:15", "presets/c.yaml:6:26"])
    #expect(ds.allSatisfy { $0.code == "policy.max-tokens" })
    #expect(ds[0].message == "`max_output_tokens` 9000 is above 8000, the maximum of rule `budget`")
  }

  @Test func requiredDescription() throws {
    let ds = try policy([
      "presetctl.yaml": Self.rules("    - name: documented\n      require_description: true\n"),
      "presets/a.yaml": "# header\n\nslug: a\nskin: responses\nrequest: {model: m}\n",
      "presets/b.yaml": "slug: b\ndescription: \"  \"\nskin: responses\nrequest: {model: m}\n",
      "presets/c.yaml": "slug: c\ndescription: Says hello.\nskin: responses\nrequest: {model: m}\n",
    ])
    #expect(ds.map(\.at) == ["presets/a.yaml:3:1", "presets/b.yaml:1:1"])
    #expect(ds.allSatisfy { $0.code == "policy.description" && $0.path == "/description" })
    #expect(ds.first?.message == "preset `a` needs a `description` (rule `documented`)")
  }

  @Test func forbiddenProvidersInOrderAndOnly() throws {
    let ds = try policy([
      "presetctl.yaml": Self.rules("    - name: vendors\n      forbid_providers: [deepinfra, Amazon Bedrock]\n"),
      "presets/a.yaml": """
      slug: a
      skin: responses
      request:
        provider:
          order: [anthropic, DeepInfra]
          only: [amazon-bedrock]
          ignore: [deepinfra]

      """,
      "presets/b.yaml": "slug: b\nskin: responses\nrequest:\n  provider: {order: [anthropic, together]}\n",
    ])
    #expect(ds.map(\.at) == ["presets/a.yaml:5:24", "presets/a.yaml:6:12"])
    #expect(ds.map(\.path) == ["/request/provider/order/1", "/request/provider/only/0"])
    #expect(ds[0].message == "provider `DeepInfra` in `provider.order` is forbidden by rule `vendors`")
    #expect(ds.allSatisfy { $0.code == "policy.forbidden-provider" })
  }

  @Test func scopesByFilesSlugsAndBoth() throws {
    let preset = { (slug: String) in "slug: \(slug)\nskin: responses\nrequest:\n  temperature: 2\n" }
    let ds = try policy([
      "presetctl.yaml": Self.rules(
        """
            - name: by-file
              files: ["presets/support/**"]
              max_temperature: 1
            - name: by-slug
              slugs: ["*-prod"]
              max_temperature: 1
            - name: by-both
              files: ["presets/support/*.yaml"]
              slugs: ["support-*"]
              max_temperature: 1
            - name: everywhere
              max_temperature: 1.5

        """),
      "presets/support/a.yaml": preset("support-a"),
      "presets/support/deep/b.yaml": preset("support-b"),
      "presets/c.yaml": preset("c-prod"),
      "presets/support/d.yaml": preset("d-prod"),
    ])
    func rules(_ slug: String) -> [String] {
      ds.filter { $0.location?.file.hasSuffix(slug) == true }.map {
        String($0.related.first?.message.split(separator: "`")[1] ?? "")
      }.sorted()
    }
    #expect(rules("support/a.yaml") == ["by-both", "by-file", "everywhere"])
    #expect(rules("deep/b.yaml") == ["by-file", "everywhere"])
    #expect(rules("presets/c.yaml") == ["by-slug", "everywhere"])
    #expect(rules("support/d.yaml") == ["by-file", "by-slug", "everywhere"])
  }

  @Test func warningSeverity() throws {
    let ds = try policy([
      "presetctl.yaml": Self.rules(
        "    - name: soft\n      severity: warning\n      max_temperature: 1\n    - name: hard\n      max_temperature: 1\n"
      ),
      "presets/a.yaml": "slug: a\nskin: responses\nrequest:\n  temperature: 2\n",
    ])
    #expect(ds.map(\.severity) == [.error, .warning])
    #expect(ds.map(\.relatedAt) == ["presetctl.yaml:7:7", "presetctl.yaml:5:7"])
  }

  @Test func valueFromAnEnvironmentPointsAtPresetctlYaml() throws {
    let repo = try TempRepo([
      "presetctl.yaml": """
      environments:
        staging:
          slug: "{slug}-staging"
          request:
            temperature: 1.9
      policy:
        rules:
          - name: cool
            max_temperature: 1

      """,
      "presets/a.yaml": "slug: a\nskin: responses\nrequest:\n  temperature: 0.5\n",
    ])
    defer { repo.remove() }
    var options = Compiler.Options()
    options.environment = "staging"
    let result = Compiler(options: options).compile(path: repo.path("presets"))
    let (_, configDiagnostics) = PolicyConfig.parse(result.config)
    #expect(configDiagnostics.isEmpty)
    // The compiler runs the policy on the merged request, so the value is found where the environment set it.
    let ds = result.diagnostics
    #expect(ds.map(\.code) == ["policy.temperature"])
    #expect(ds.map(\.at) == ["presetctl.yaml:5:20"])
    #expect(ds.first?.relatedAt == "presetctl.yaml:9:7")
  }

  @Test func bundlePresetsWithoutRequestFallBackToTheConfig() {
    let model = NormalisationRules.model(
      config: JSONObject([.init(key: "model", value: "x/y:free"), .init(key: "temperature", value: 3)]),
      systemPrompt: nil)
    let preset = Preset(
      slug: "p", skin: .responses, description: nil, model: model,
      source: Preset.Origin(file: "presets/p.yaml", line: 2), promptSource: nil, body: JSONObject())
    let declared = SourceLocation(file: "presetctl.yaml", line: 1, column: 1)
    let rule = PolicyRule(
      name: "r", location: declared,
      checks: [
        .init(kind: .maxTemperature(1), declared: declared),
        .init(kind: .models(allow: [], deny: [GlobPattern("*:free", syntax: .name)]), declared: declared),
      ])
    let ds = PolicyEngine.check([preset], config: PolicyConfig(rules: [rule], lint: .off))
    #expect(ds.map(\.code) == ["policy.model", "policy.temperature"])
    #expect(ds.allSatisfy { $0.at == "presets/p.yaml:2:1" })
  }
}
