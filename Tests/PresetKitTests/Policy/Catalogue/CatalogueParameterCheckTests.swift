import Foundation
import Testing

@testable import PresetKit

/// `catalogue.unsupported-parameter`, `catalogue.reasoning-effort`, `catalogue.max-tokens`,
/// `catalogue.context-length`.
@Suite struct CatalogueParameterCheckTests {
  typealias T = CatalogueTest

  @Test func unsupportedParameterIsAWarningAtTheKey() throws {
    let result = try T.compile(["presets/a.yaml": T.chat("  model: openai/gpt-5.4\n  temperature: 0.2\n  top_k: 5\n")])
    let found = T.findings(result, "catalogue.unsupported-parameter")
    #expect(found.count == 1)
    #expect(found.first?.severity == .warning)
    #expect(found.first?.at == "presets/a.yaml:6:10")
    #expect(found.first?.message.contains("`top_k`") == true)
    #expect(!result.hasErrors)
  }

  @Test func requireParametersMakesItAnError() throws {
    let result = try T.compile([
      "presets/a.yaml": T.chat("  model: openai/gpt-5.4\n  top_k: 5\n  provider:\n    require_parameters: true\n")
    ])
    #expect(T.findings(result, "catalogue.unsupported-parameter").map(\.severity) == [.error])
    #expect(result.hasErrors)
  }

  @Test func gatewayFeaturesAndMessagesAreNotParameters() throws {
    let request = """
        model: openai/gpt-5.4
        models: [openai/gpt-5.4]
        provider: {order: [openai]}
        plugins: [{id: response-healing}]
        messages: [{role: system, content: hi}]
        user: someone
        transforms: []
        tools: []

      """
    let result = try T.compile(["presets/a.yaml": T.chat(request)])
    #expect(T.findings(result).isEmpty, "\(T.findings(result).map(\.message))")
  }

  @Test func skinSpellingsMapOntoCatalogueNames() throws {
    // The free variant lists only max_tokens and temperature.
    let responses = """
      slug: r
      skin: responses
      request:
        model: openai/gpt-oss-120b:free
        max_output_tokens: 100
        text: {format: {type: json_object}}

      """
    let messages = """
      slug: m
      skin: messages
      request:
        model: openai/gpt-oss-120b:free
        max_tokens: 100
        stop_sequences: ["END"]

      """
    let result = try T.compile(["presets/r.yaml": responses, "presets/m.yaml": messages])
    let messages1 = T.findings(result, "catalogue.unsupported-parameter").map(\.message).sorted()
    #expect(messages1.count == 2, "\(messages1)")
    #expect(messages1.contains { $0.contains("`stop_sequences` (`stop`)") })
    #expect(messages1.contains { $0.contains("`text.format` (`response_format`)") })
  }

  @Test func everyNamedModelIsCheckedOnce() throws {
    let result = try T.compile([
      "presets/a.yaml": T.chat("  model: openai/gpt-5.4\n  models: [openai/gpt-5.4, openai/gpt-oss-120b]\n  top_k: 2\n")
    ])
    let found = T.findings(result, "catalogue.unsupported-parameter")
    #expect(found.count == 1)
    #expect(found.first?.message.contains("openai/gpt-5.4") == true)
  }

  @Test func reasoningEffortOutsideSupportedEfforts() throws {
    let result = try T.compile([
      "presets/a.yaml": T.chat("  model: openai/gpt-5.4\n  reasoning: {effort: minimal}\n"),
      "presets/b.yaml": T.chat("  model: openai/gpt-5.4\n  reasoning: {effort: high}\n", slug: "b"),
    ])
    let found = T.findings(result, "catalogue.reasoning-effort")
    #expect(found.map(\.path) == ["/request/reasoning/effort"])
    #expect(found.first?.hint == "use one of: `low`, `medium`, `high`")
  }

  @Test func maxTokensAboveTheModelsOutputLimit() throws {
    let result = try T.compile([
      "presets/a.yaml": T.chat("  model: openai/gpt-oss-120b:free\n  max_tokens: 5000\n"),
      "presets/b.yaml": T.chat("  model: openai/gpt-oss-120b:free\n  max_tokens: 4096\n", slug: "b"),
    ])
    let found = T.findings(result, "catalogue.max-tokens")
    #expect(found.map(\.at) == ["presets/a.yaml:5:15"])
    #expect(found.first?.severity == .warning)
  }

  @Test func systemPromptLongerThanTheContext() throws {
    // Sonnet's test context is 1,000 tokens: 4,400 bytes estimate to 1,100.
    let long = String(repeating: "word ", count: 880)
    let result = try T.compile([
      "presets/a.yaml": """
      slug: a
      skin: chat
      system_prompt_file: prompt.md
      request:
        model: anthropic/claude-4.6-sonnet

      """,
      "presets/prompt.md": long,
      "presets/b.yaml": T.chat(
        "  model: anthropic/claude-4.6-sonnet\n  messages: [{role: system, content: short}]\n", slug: "b"),
    ])
    let found = T.findings(result, "catalogue.context-length")
    #expect(found.map(\.at) == ["presets/prompt.md:1:1"])
  }
}
