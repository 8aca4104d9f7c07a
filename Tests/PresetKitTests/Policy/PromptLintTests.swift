import Foundation
import Testing

@testable import PresetCore
@testable import PresetKit
@testable import PresetPolicy
@testable import PresetReconcile

/// Each prompt lint: what it finds, where (prompt files exactly, YAML prompts best effort), default severities,
/// and configured severities.
@Suite struct PromptLintTests {
  private func lint(_ files: [String: String], code: String) throws -> [Diagnostic] {
    let run = try PolicyRun(files)
    #expect(run.compile.diagnostics.filter { $0.severity == .error }.isEmpty, "\(run.compile.diagnostics)")
    #expect(run.configDiagnostics.isEmpty, "\(run.configDiagnostics)")
    return run.findings(code)
  }

  private static let filePreset = "slug: a\nskin: chat\nsystem_prompt_file: p.md\nrequest:\n  model: m\n"

  @Test func placeholdersInAPromptFileAtTheirExactPosition() throws {
    let ds = try lint(
      [
        "presets/a.yaml": Self.filePreset,
        "presets/p.md": "Hello {{customer_name}},\nno braces {single} here\ncost: ${price} and {{ }} and {{{x}}}\n",
      ], code: "lint.placeholder")
    #expect(ds.map(\.at) == ["presets/p.md:1:7", "presets/p.md:3:7", "presets/p.md:3:31"])
    #expect(ds.map(\.severity) == [.warning, .warning, .warning])
    #expect(ds[0].message == "unresolved template placeholder `{{customer_name}}` in the system prompt")
    #expect(ds[2].message.contains("`{{x}}`"))
    #expect(ds[0].path == "/system_prompt_file")
  }

  @Test func promptFileWithCRLFCountsLinesTheSame() throws {
    let ds = try lint(
      ["presets/a.yaml": Self.filePreset, "presets/p.md": "first\r\nsecond {{x}}\r\n"], code: "lint.placeholder")
    #expect(ds.map(\.at) == ["presets/p.md:2:8"])
  }

  @Test func placeholdersInYAMLPrompts() throws {
    let ds = try lint(
      [
        "presets/a.yaml": """
        slug: a
        skin: messages
        request:
          model: m
          max_tokens: 5
          system: |
            line one {{x}}
              indented {{y}}

        """,
        "presets/b.yaml": "slug: b\nskin: responses\nrequest:\n  instructions: \"quoted {{z}}\"\n",
        "presets/c.yaml": "slug: c\nskin: chat\nrequest:\n  messages:\n    - role: system\n      content: plain ${w}\n",
        "presets/d.yaml": """
        slug: d
        skin: messages
        request:
          model: m
          max_tokens: 5
          system:
            - type: text
              text: first {{a}}
            - type: text
              text: |
                line
                second {{b}}

        """,
      ], code: "lint.placeholder")
    #expect(
      ds.map(\.at) == [
        "presets/a.yaml:7:14", "presets/a.yaml:8:16", "presets/b.yaml:4:25", "presets/c.yaml:6:22",
        "presets/d.yaml:8:19", "presets/d.yaml:12:16",
      ])
    #expect(
      ds.map(\.path) == [
        "/request/system", "/request/system", "/request/instructions", "/request/messages/0/content", "/request/system",
        "/request/system",
      ])
  }

  @Test func promptFromFolderDefaultsPointsIntoTheDefaultsFile() throws {
    let ds = try lint(
      [
        "presets/team/_defaults.yaml": "skin: responses\nrequest:\n  instructions: Dear {{name}}\n",
        "presets/team/a.yaml": "slug: a\nrequest:\n  model: m\n",
      ], code: "lint.placeholder")
    #expect(ds.map(\.at) == ["presets/team/_defaults.yaml:3:22"])
  }

  @Test func configuredSeverityAndIgnore() throws {
    let files = ["presets/a.yaml": Self.filePreset, "presets/p.md": "Hi {{name}}\u{200B}"]
    var withConfig = files
    withConfig["presetctl.yaml"] = "lint:\n  placeholders: error\n  invisible_characters: ignore\n"
    let run = try PolicyRun(withConfig)
    #expect(run.findings.map(\.code) == ["lint.placeholder"])
    #expect(run.findings.map(\.severity) == [.error])
    let defaults = try PolicyRun(files)
    #expect(defaults.findings.map(\.code) == ["lint.placeholder", "lint.invisible-character"])
    #expect(defaults.findings.map(\.severity) == [.warning, .warning])
  }

  @Test func invisibleCharactersNamedByCodePoint() throws {
    let prompt =
      "Hi\u{200B}there\nA\u{202E}B\n👨\u{200D}👩\u{200D}👧 family\nx\u{E0041}\u{E0042}\u{E0043}y\nsoft\u{00AD}hyphen \u{FEFF}\n"
    let ds = try lint(["presets/a.yaml": Self.filePreset, "presets/p.md": prompt], code: "lint.invisible-character")
    #expect(
      ds.map(\.at) == [
        "presets/p.md:1:3", "presets/p.md:2:2", "presets/p.md:4:2", "presets/p.md:5:5", "presets/p.md:5:13",
      ])
    let prefix = "invisible or bidirectional-control character in the system prompt: "
    #expect(
      ds.map { $0.message.replacingOccurrences(of: prefix, with: "") } == [
        "U+200B ZERO WIDTH SPACE", "U+202E RIGHT-TO-LEFT OVERRIDE", "3 characters, U+E0041 TAG LATIN CAPITAL LETTER A",
        "U+00AD SOFT HYPHEN", "U+FEFF ZERO WIDTH NO-BREAK SPACE",
      ])
  }

  @Test func secretsInThePromptAreErrorsByDefaultAndMasked() throws {
    let key = "sk-or-v1-0123456789abcdef0123456789abcdef"
    let prompt = """
      key: \(key)
      aws AKIAIOSFODNN7EXAMPLE ok
      gh ghp_abcdefghijklmnopqrstuvwxyz0123456789
      slack xoxb-1234-5678-abcdefgh
      -----BEGIN RSA PRIVATE KEY-----
      openai sk-proj-abc123def456ghi789jkl
      not secrets: task-management-and-scheduling-tool-2024 sk-learn-is-a-python-library AKIA1234 ghp_short

      """
    let ds = try lint(["presets/a.yaml": Self.filePreset, "presets/p.md": prompt], code: "lint.secret")
    #expect(
      ds.map(\.at) == [
        "presets/p.md:1:6", "presets/p.md:2:5", "presets/p.md:3:4", "presets/p.md:4:7", "presets/p.md:5:1",
        "presets/p.md:6:8",
      ])
    #expect(ds.allSatisfy { $0.severity == .error })
    #expect(ds[0].message == "likely secret in the system prompt: OpenRouter API key (`sk-or-v1-…`)")
    #expect(
      ds.map { $0.message.split(separator: ": ").last.map(String.init) ?? "" } == [
        "OpenRouter API key (`sk-or-v1-…`)", "AWS access key ID (`AKIA…`)", "GitHub token (`ghp_…`)",
        "Slack token (`xoxb-…`)", "PEM private key (`-----BEGIN …`)", "API key (`sk-…`)",
      ])
    #expect(!ds.contains { $0.message.contains(key) })
  }

  @Test func secretsAnywhereInTheRequest() throws {
    let ds = try lint(
      [
        "presets/a.yaml": """
        slug: a
        skin: responses
        request:
          instructions: use sk-or-v1-aaaaaaaaaaaaaaaaaaaa
          user: sk-or-v1-abcdefabcdefabcdef12
          metadata: {note: "token xoxp-1234567890-abc"}

        """
      ], code: "lint.secret")
    #expect(ds.map(\.at) == ["presets/a.yaml:4:21", "presets/a.yaml:5:9", "presets/a.yaml:6:27"])
    #expect(ds.map(\.path) == ["/request/instructions", "/request/user", "/request/metadata/note"])
    #expect(ds[1].message == "likely secret in the request: OpenRouter API key (`sk-or-v1-…`)")
  }

  @Test func jsonWithoutFormatPerSkin() throws {
    let ask = "Always respond in JSON with keys a and b."
    func chat(_ slug: String, _ extra: String = "") -> String {
      "slug: \(slug)\nskin: chat\nrequest:\n  messages: [{role: system, content: \"\(ask)\"}]\n\(extra)"
    }
    let ds = try lint(
      [
        "presets/a.yaml": chat("a"),
        "presets/b.yaml": chat("b", "  response_format: {type: json_object}\n"),
        "presets/c.yaml": chat("c", "  response_format: {type: text}\n"),
        "presets/d.yaml":
          "slug: d\nskin: responses\nrequest:\n  instructions: Return JSON only.\n  text: {format: {type: json_object}}\n",
        "presets/e.yaml": "slug: e\nskin: responses\nrequest:\n  instructions: Return JSON only.\n",
        "presets/f.yaml": "slug: f\nskin: messages\nrequest:\n  model: m\n  max_tokens: 5\n  system: Output JSON.\n",
        "presets/g.yaml":
          "slug: g\nskin: messages\nrequest:\n  model: m\n  max_tokens: 5\n  system: Output JSON.\n  output_config: {format: {type: json_schema, schema: {type: object}}}\n",
        "presets/h.yaml":
          "slug: h\nskin: responses\nrequest:\n  instructions: We keep notes as JSON internally; be polite.\n",
      ], code: "lint.json-without-format")
    #expect(
      ds.map(\.at) == ["presets/a.yaml:4:57", "presets/c.yaml:4:57", "presets/e.yaml:4:24", "presets/f.yaml:6:18"])
    #expect(ds.allSatisfy { $0.severity == .warning })
    #expect(ds[0].hint?.contains("`response_format`") == true)
    #expect(ds[2].hint?.contains("`text.format`") == true)
    #expect(ds[3].hint?.contains("`output_config.format`") == true)
  }

  @Test func promptLengthNeedsALimit() throws {
    let files = ["presets/a.yaml": Self.filePreset, "presets/p.md": String(repeating: "x", count: 41)]
    #expect(try PolicyRun(files).findings.isEmpty)
    var limited = files
    limited["presetctl.yaml"] = "lint:\n  max_prompt_tokens: {limit: 10, severity: error}\n"
    let ds = try PolicyRun(limited).findings("lint.prompt-length")
    #expect(ds.map(\.at) == ["presets/p.md:1:1"])
    #expect(ds.first?.severity == .error)
    #expect(ds.first?.message == "the system prompt is about 11 tokens (UTF-8 bytes / 4), over the limit of 10")
    limited["presets/p.md"] = String(repeating: "x", count: 40)
    #expect(try PolicyRun(limited).findings.isEmpty)
  }

  @Test func findingsPerLintAreCapped() throws {
    let prompt = (1...25).map { "{{p\($0)}}" }.joined(separator: " ")
    let ds = try lint(["presets/a.yaml": Self.filePreset, "presets/p.md": prompt], code: "lint.placeholder")
    #expect(ds.count == PromptLint.maxFindings)
    #expect(ds.last?.message.hasSuffix("(and 5 more)") == true)
  }

  @Test func cleanPromptsHaveNoFindings() throws {
    let run = try PolicyRun([
      "presets/a.yaml": Self.filePreset,
      "presets/p.md": "You are helpful. Use {curly} braces and $dollars freely. Emoji 👍🏽 are fine.\n",
    ])
    #expect(run.findings.isEmpty)
  }
}
