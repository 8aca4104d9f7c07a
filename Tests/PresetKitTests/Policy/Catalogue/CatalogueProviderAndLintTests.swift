import Foundation
import Testing

@testable import PresetKit

/// `catalogue.unknown-provider`, `catalogue.deprecated`, and the severities of `lint.catalogue`.
@Suite struct CatalogueProviderAndLintTests {
  typealias T = CatalogueTest

  @Test func providerNamesAreCheckedWithForbidProvidersFolding() throws {
    let request = """
        model: openai/gpt-5.4
        provider:
          order: [OpenAI, "Amazon Bedrock", openai/priority]
          only: [deep-infra, deepinfra]
          ignore: [nobody]

      """
    let result = try T.compile(["presets/a.yaml": T.chat(request)])
    let found = T.findings(result, "catalogue.unknown-provider")
    // `deep-infra` folds to `deepinfra` like forbid_providers does; only `nobody` is unknown.
    #expect(found.map(\.path) == ["/request/provider/ignore/0"])
    #expect(found.first?.at == "presets/a.yaml:8:14")
    #expect(found.first?.severity == .error)
  }

  @Test func providerTypoGetsDidYouMean() throws {
    let result = try T.compile(["presets/a.yaml": T.chat("  provider: {only: [anthropik]}\n")])
    #expect(T.findings(result, "catalogue.unknown-provider").first?.hint == "did you mean `anthropic`?")
  }

  @Test func deprecatedFeaturesNameTheirReplacementEvenWithoutASnapshot() throws {
    let request = """
        model: openai/gpt-5.4:online
        route: fallback
        plugins: [{id: web}]

      """
    for snapshot in [T.snapshot(), nil] {
      let result = try T.compile(["presets/a.yaml": T.chat(request)], snapshot: snapshot)
      let found = T.findings(result, "catalogue.deprecated")
      #expect(found.map(\.path) == ["/request/model", "/request/route", "/request/plugins/0/id"])
      #expect(found.allSatisfy { $0.severity == .warning && $0.hint?.isEmpty == false })
      #expect(found[0].hint?.contains("openrouter:web_search") == true)
      #expect(found[1].hint?.contains("provider.sort.partition") == true)
      // `:online` is a routing suffix on a listed model, not an unknown model.
      #expect(T.findings(result, "catalogue.unknown-model").isEmpty)
    }
  }

  @Test func severitiesComeFromPresetctlYAML() throws {
    let files = [
      "presets/presetctl.yaml": """
      lint:
        catalogue:
          unknown_model: warning
          unsupported_parameter: error
          expiring: ignore
          deprecated: false

      """,
      "presets/a.yaml": T.chat("  model: nope/x\n  models: [old/model-expiring]\n  route: fallback\n"),
      "presets/b.yaml": T.chat("  model: openai/gpt-5.4\n  top_k: 1\n", slug: "b"),
    ]
    let result = try T.compile(files)
    #expect(T.findings(result, "catalogue.unknown-model").map(\.severity) == [.warning])
    #expect(T.findings(result, "catalogue.unsupported-parameter").map(\.severity) == [.error])
    #expect(T.findings(result, "catalogue.expiring").isEmpty)
    #expect(T.findings(result, "catalogue.deprecated").isEmpty)
  }

  @Test func allCatalogueChecksOff() throws {
    let files = [
      "presets/presetctl.yaml": "lint:\n  catalogue: ignore\n",
      "presets/a.yaml": T.chat("  model: nope/x\n  route: fallback\n"),
    ]
    #expect(T.findings(try T.compile(files)).isEmpty)
  }

  @Test func malformedSettingsAreReportedAndTheRestApplies() throws {
    let files = [
      "presets/presetctl.yaml": "lint:\n  catalogue:\n    unknown_modle: warning\n    expired: loud\n",
      "presets/a.yaml": T.chat("  model: nope/x\n"),
    ]
    let result = try T.compile(files)
    let config = result.diagnostics.filter { $0.code == "config.policy" }
    #expect(config.count == 2)
    #expect(config.contains { $0.message.contains("unknown_modle") && $0.at.hasPrefix("presets/presetctl.yaml:3") })
    #expect(T.findings(result, "catalogue.unknown-model").map(\.severity) == [.error])
  }
}
