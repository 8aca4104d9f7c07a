import Foundation
import OpenRouterFake
import Testing

@testable import PresetCore
@testable import PresetKit

/// `import` keeps what it found: the skin, a stable order, and no file that would not compile.
@Suite(.serialized) struct ImportFidelityTests {
  @Test func everyWrittenFileCompilesToTheLiveVersionInAStableOrder() throws {
    let f = try ReconcileFixture([:])
    defer { f.stop() }
    f.fake.seed(slug: "zeta-chat", systemPrompt: "Be brief.", config: ["model": "openai/gpt-5.4"] as JSONValue)
    f.fake.seed(
      slug: "alpha-messages", systemPrompt: "Be terse.",
      config: ["model": "anthropic/claude-4.6-haiku", "max_tokens": 100, "stop_sequences": ["END"]] as JSONValue)
    f.fake.seed(
      slug: "mid-responses", systemPrompt: "Be kind.",
      config: ["model": "openai/gpt-5.4", "max_output_tokens": 100] as JSONValue)
    // max_tokens (not in Responses) beside max_output_tokens (in neither Chat nor Messages): no skin takes it.
    f.fake.seed(
      slug: "no-skin", systemPrompt: nil,
      config: ["model": "a/b", "max_tokens": 5, "max_output_tokens": 5] as JSONValue)
    let imported = try f.run(["import", "--all", "--into", "presets"])
    #expect(imported.status == 1)
    #expect(imported.stderr.contains("import.no-skin") && imported.stderr.contains("`no-skin` fits no skin"))
    #expect(!FileManager.default.fileExists(atPath: f.repo.path("presets/no-skin.yaml")))
    let lines = imported.stdout.split(separator: "\n").map(String.init)
    #expect(lines.map { $0.split(separator: " ")[1] } == ["alpha-messages", "mid-responses", "zeta-chat"])
    #expect(lines[0].contains("(messages,") && lines[1].contains("(responses,") && lines[2].contains("(chat,"))
    let result = f.repo.compile()
    #expect(!result.hasErrors, "\(result.diagnostics)")
    #expect(result.presets.count == 3)
    for preset in result.presets {
      #expect(preset.version == f.fake.preset(slug: preset.slug)?.model?.version, "\(preset.slug)")
    }
  }

  /// A messages preset whose config chat would take too stays messages when its file is re-imported.
  @Test func reimportKeepsTheSkinOfTheFileItReplaces() throws {
    let file = """
      slug: keep-messages
      skin: messages
      request:
        model: anthropic/claude-4.6-haiku
        max_tokens: 600
        system: You summarise tickets.

      """
    let f = try ReconcileFixture(["presets/keep-messages.yaml": file])
    defer { f.stop() }
    #expect(try f.run(["apply", "--yes"]).status == 0)
    f.fake.seed(
      slug: "keep-messages", systemPrompt: "You summarise tickets briefly.",
      config: ["model": "anthropic/claude-4.6-haiku", "max_tokens": 600] as JSONValue)
    let again = try f.run(["import", "keep-messages", "--into", "presets", "--force"])
    #expect(again.status == 0, "\(again.stderr)")
    #expect(again.stdout.contains("(messages,"))
    #expect(try f.repo.read("presets/keep-messages.yaml").contains("skin: \"messages\""))
    let result = f.repo.compile()
    #expect(result.presets.first?.version == f.fake.preset(slug: "keep-messages")?.model?.version)
    // Without a file to go by, a config every skin takes is written as chat (the first of the order).
    let fresh = try f.run(["import", "keep-messages", "--into", "elsewhere"])
    #expect(fresh.status == 0 && fresh.stdout.contains("(chat,"))
  }
}
