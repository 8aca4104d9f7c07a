import Foundation
import Testing

@testable import PresetKit
@testable import PresetReconcile

/// `plan` shows what a create will create: model, config keys, the first prompt lines, in text and Markdown.
@Suite struct PlanCreateTests {
  @Test func createBlocksInTextAndMarkdown() throws {
    let f = try ReconcileFixture([
      "presets/a.yaml": """
      slug: new-one
      skin: chat
      request:
        model: openai/gpt-5.4
        temperature: 0.5
        provider: {sort: price}
        messages:
          - role: system
            content: "Line one\\nLine two\\nLine three\\nLine four \\e[31m\\u202e"

      """
    ])
    defer { f.stop() }
    let text = try f.run(["plan"])
    #expect(text.status == 0, "\(text.stderr)")
    for line in [
      "    + model: \"openai/gpt-5.4\"\n", "    + temperature: 0.5\n", "    + provider: {\"sort\":\"price\"}\n",
      "    + system_prompt: | (4 lines, first 3 shown)\n", "    +   Line one\n", "    +   Line three\n",
    ] {
      #expect(text.stdout.contains(line), "\(line) in\n\(text.stdout)")
    }
    #expect(!text.stdout.contains("Line four"))
    let markdown = try f.run(["plan", "--format", "markdown"])
    #expect(markdown.stdout.contains("<details><summary><code>new-one</code> (new)</summary>"), "\(markdown.stdout)")
    #expect(markdown.stdout.contains("```diff\n+ model: \"openai/gpt-5.4\"\n"))
    #expect(!markdown.stdout.contains("\u{1B}") && !text.stdout.contains("\u{1B}"))
  }

  @Test func hostilePromptLinesAreNeutralised() throws {
    let f = try ReconcileFixture([
      "presets/a.yaml": """
      slug: evil
      skin: responses
      request:
        model: m
        instructions: "\\e]0;x\\a\\u202e```\\n</details><script>"

      """
    ])
    defer { f.stop() }
    for format in ["text", "markdown"] {
      let run = try f.run(["plan", "--format", format])
      #expect(!run.stdout.contains("\u{1B}") && !run.stdout.contains("\u{202E}") && !run.stdout.contains("\u{07}"))
      if format == "markdown" { #expect(run.stdout.contains("````diff\n"), "\(run.stdout)") }
    }
  }
}
