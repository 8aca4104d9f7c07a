import Foundation
import Testing

@testable import PresetCore
@testable import PresetKit
@testable import PresetModel
@testable import PresetPolicy

/// Checking is linear in the presets and independent of scheduling.
@Suite struct PolicyScaleTests {
  @Test func tenThousandPresetsCheckQuicklyAndDeterministically() throws {
    let prompt = String(repeating: "You review pull requests and reply with a short summary. ", count: 40)
    let run = try PolicyRun([
      "presetctl.yaml": """
      policy:
        rules:
          - name: approved-models
            models: ["openai/*", "anthropic/*", "!*:free"]
          - name: private
            files: ["presets/team-1*/**"]
            slugs: ["p-*"]
            require_provider: {data_collection: deny, zdr: true}
            forbid_providers: [deepinfra]
          - name: sampling
            max_temperature: 1
            max_tokens: 4000
            require_description: true
      lint:
        max_prompt_tokens: 100

      """,
      "presets/a.yaml": """
      slug: a
      skin: chat
      request:
        model: openai/gpt-5.4
        models: [anthropic/claude-4.6-haiku, meta/llama:free]
        temperature: 1.5
        provider: {order: [deepinfra, together]}
        messages:
          - role: system
            content: "\(prompt) Say {{name}}."

      """,
    ])
    let template = try #require(run.compile.presets.first)
    let presets = (0..<10_000).map { i -> Preset in
      var preset = template
      preset.slug = "p-\(i)"
      preset.source.file = "presets/team-\(i % 100)/p-\(i).yaml"
      return preset
    }
    let start = Date()
    let findings = PolicyEngine.check(presets, config: run.config)
    let elapsed = Date().timeIntervalSince(start)
    // Per preset: free model, description, temperature, placeholder, prompt length; team-1x presets add
    // data_collection, zdr and the forbidden provider.
    #expect(findings.count == 10_000 * 5 + 1_100 * 3)
    #expect(elapsed < 30, "took \(elapsed)s")
    #expect(findings == Diagnostic.sortedForReport(findings))
    let some = Array(presets.prefix(1_000))
    #expect(PolicyEngine.check(some.reversed(), config: run.config) == PolicyEngine.check(some, config: run.config))
  }
}
