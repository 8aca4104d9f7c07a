import Foundation
import OpenRouterFake
import Testing

@testable import PresetCore
@testable import PresetKit
@testable import PresetReconcile
@testable import PresetRender

extension Hardening {
  /// Server and file text carrying terminal escapes, CR/LF, bidi controls, Markdown structure and the API key
  /// reaches no output raw: every command and format, in-process against the fake.
  @Suite struct HostileStringsTests {
    static let key = ReconcileFixture.key
    /// One of everything: clear-screen, CR/LF, right-to-left override, a table pipe, a fence, HTML.
    static let hostile = "x\u{1B}[2J|y\r\nz\u{202E}w```v<b>`"
    static let prompt = "Line one\n```\n\u{1B}]0;title\u{07}\u{202E}evil\r\n|a|b|\n````\n"

    struct Run {
      var status: Int32
      var output: String
    }

    /// Runs presetctl in-process with the key in the environment; stdout and stderr collected together.
    static func run(_ arguments: [String], fake: FakeOpenRouter) async -> Run {
      await offPool { runOnThisThread(arguments, fake: fake) }
    }

    /// `run`, blocking the calling thread.
    static func runOnThisThread(_ arguments: [String], fake: FakeOpenRouter) -> Run {
      let box = OutputBox()
      let console = Console(out: { box.append($0) }, err: { box.append($0) })
      let environment = [
        "OPENROUTER_API_URL": fake.baseURL.absoluteString, "OPENROUTER_API_KEY": key,
      ]
      let status = CommandLineTool.run(
        arguments + ["--retries", "1", "--timeout", "2"],
        context: CommandLineTool.Context(environment: environment, console: console))
      return Run(status: status, output: box.text)
    }

    /// No raw unsafe scalar (LF and tab aside), no key, no long piece of it.
    static func expectClean(_ text: String, _ label: String) {
      let raw = text.unicodeScalars.filter { SafeText.isUnsafe($0) && $0 != "\n" && $0 != "\t" }
      #expect(raw.isEmpty, "\(label): raw \(raw.map { String($0.value, radix: 16) })")
      #expect(!text.contains(key) && !text.contains(String(key.suffix(24))), "\(label): key in output")
    }

    static func expectMarkdown(_ text: String, _ label: String) {
      expectClean(text, label)
      #expect(MarkdownCheck.tablesKeepColumns(text), "\(label): a table lost its columns\n\(text)")
      #expect(MarkdownCheck.fencesAreBalanced(text), "\(label): a fence was closed from inside\n\(text)")
      #expect(!MarkdownCheck.outsideCode(text).contains("<b>"), "\(label): raw HTML")
    }

    static let files = [
      "presets/alpha.yaml": ReconcileFixture.preset("alpha"),
      "presets/presetctl.yaml": """
      environments:
        staging: {slug: "{slug}-staging"}
        production: {slug: "{slug}"}

      """,
    ]

    static func seedHostile(_ fake: FakeOpenRouter, slug: String, withKey: Bool) {
      let secret = withKey ? " \(key)" : ""
      fake.seed(
        slug: slug, systemPrompt: prompt + secret,
        config: [
          "model": "openai/gpt-5.4", "temperature": 0.9, "user": .string(hostile + secret),
          "metadata": .object(JSONObject([.init(key: "k\(hostile)", value: .string(hostile))])),
        ], name: hostile + secret)
    }

    @Test func planDriftPromoteAndApplyNeutraliseLiveText() async throws {
      let f = try ReconcileFixture(Self.files)
      defer { f.stop() }
      Self.seedHostile(f.fake, slug: "alpha", withKey: true)
      Self.seedHostile(f.fake, slug: "alpha-staging", withKey: true)
      Self.seedHostile(f.fake, slug: "unmanaged-one", withKey: true)
      let presets = f.repo.path("presets")
      for command in ["plan", "drift"] {
        for format in ["text", "json", "markdown"] {
          let result = await Self.run([command, presets, "--format", format], fake: f.fake)
          #expect(result.status == (command == "drift" ? 2 : 0), "\(command) \(format): \(result.output.prefix(600))")
          #expect(result.output.contains("Line one"), "\(command) \(format) shows the prompt diff")
          if format == "markdown" {
            Self.expectMarkdown(result.output, "\(command) markdown")
          } else {
            Self.expectClean(result.output, "\(command) \(format)")
          }
          if format == "json" {
            #expect((try? JSONParser.parse(Array(result.output.utf8))) != nil, "\(command) json parses")
          }
        }
      }
      let promote = await Self.run(
        ["promote", presets, "--from", "staging", "--to", "production", "--format", "text"], fake: f.fake)
      Self.expectClean(promote.output, "promote text")
      let promoteJSON = await Self.run(
        ["promote", presets, "--from", "staging", "--to", "production", "--format", "json"], fake: f.fake)
      Self.expectClean(promoteJSON.output, "promote json")
      let apply = await Self.run(["apply", "--yes", presets, "--format", "markdown"], fake: f.fake)
      #expect(apply.status == 0, "\(apply.output)")
      Self.expectMarkdown(apply.output, "apply markdown")
    }

    @Test func importRefusesKeysAndNeutralisesNames() async throws {
      let f = try ReconcileFixture(Self.files)
      defer { f.stop() }
      Self.seedHostile(f.fake, slug: "leaky", withKey: true)
      Self.seedHostile(f.fake, slug: "odd", withKey: false)
      let into = f.repo.path("imported")
      let result = await Self.run(["import", "--all", "--into", into], fake: f.fake)
      #expect(result.status == 1)
      #expect(result.output.contains("error[import.contains-key]"), "\(result.output)")
      #expect(result.output.contains("rotate the key"))
      Self.expectClean(result.output, "import")
      #expect(!FileManager.default.fileExists(atPath: into + "/leaky.yaml"))
      let written = try String(contentsOfFile: into + "/odd.yaml", encoding: .utf8)
      #expect(!written.contains(Self.key))
    }

    /// Hostile slugs and creator ids never come through the client (it rejects bad slugs), so the renderers are
    /// fed them directly.
    @Test func renderersNeutraliseHostileSlugsAndCreators() throws {
      let repo = try TempRepo(["presets/alpha.yaml": ReconcileFixture.preset("alpha")])
      defer { repo.remove() }
      let desired = try #require(repo.compile().presets.first)
      let version = LiveVersion(
        id: "v1", version: 3, systemPrompt: Self.prompt, config: ["model": .string(Self.hostile)],
        updatedAt: Self.hostile, creatorId: Self.hostile + Self.key)
      let live = LivePreset(
        summary: LivePresetSummary(id: "p", slug: "alpha", name: Self.hostile), designatedVersion: version)
      let plan = PresetPlan(
        entries: [PresetPlan.Entry(desired: desired, action: .update, live: live, liveVersion: live.model?.version)],
        unmanaged: [LivePresetSummary(id: "u", slug: Self.hostile, name: Self.hostile)])
      for mode in [PlanRenderer.Mode.plan, .drift(includeUnmanaged: true)] {
        let renderer = PlanRenderer(plan: plan, mode: mode)
        // The console scrubs the key; renderers alone are checked for escapes, structure and one-line rows.
        let scrubbed = { (text: String) in Console.Scrubber(secret: Self.key)?.scrub(text) ?? text }
        Self.expectClean(scrubbed(renderer.text(style: Style(enabled: false))), "plan text")
        Self.expectClean(scrubbed(renderer.json()), "plan json")
        Self.expectMarkdown(scrubbed(renderer.markdown()), "plan markdown")
      }
      let report = ApplyReport(outcomes: [
        Applier.Outcome(
          slug: Self.hostile, action: .update, status: .failed, message: "server said: \(Self.hostile)",
          versionNumber: nil, mismatch: [])
      ])
      Self.expectClean(report.text(style: Style(enabled: false)), "apply text")
      Self.expectMarkdown(report.markdown(), "apply markdown")
      Self.expectClean(report.json(), "apply json")
    }

    @Test func reviewOfHostilePromptsAndValuesInEveryFormat() throws {
      let config = "lint: {secrets: ignore, invisible_characters: ignore}\n"
      let preset = "slug: alpha\nskin: chat\nsystem_prompt_file: p.md\nrequest:\n  model: m\n  user: \"u\"\n"
      let base = try TempRepo([
        "presets/alpha.yaml": preset, "presets/p.md": "Hello\n", "presets/presetctl.yaml": config,
      ])
      defer { base.remove() }
      let hostileValue = "\\e[2J|\\r\\n\\u202E```"
      let head = try TempRepo([
        "presets/alpha.yaml": preset.replacingOccurrences(of: "\"u\"", with: "\"\(hostileValue)\""),
        "presets/p.md": Self.prompt, "presets/presetctl.yaml": config,
      ])
      defer { head.remove() }
      let old = base.compile()
      let new = head.compile()
      #expect(!old.hasErrors && !new.hasErrors, "\(new.diagnostics)")
      let review = Review(
        base: old.presets, head: new.presets, baseLabel: "main\u{1B}[2J", headLabel: "head\u{202E}|x")
      let renderer = ReviewRenderer(review: review)
      Self.expectClean(renderer.text(style: Style(enabled: false)), "diff text")
      Self.expectClean(renderer.json(), "diff json")
      Self.expectMarkdown(renderer.markdown(), "diff markdown")
      let github = renderer.github()
      Self.expectClean(github, "diff github")
      for line in github.split(separator: "\n") where line.hasPrefix("::") {
        #expect(!line.contains("\r"), "annotation on one line")
      }
      #expect(github.split(separator: "\n").filter { $0.hasPrefix("::") }.count >= 2)
    }

    /// `lint.secret` masks the secret in its message and in the snippet under it, in every format, for a secret
    /// in a prompt file, in an inline YAML prompt and in a metadata string.
    @Test func secretsAreMaskedInSnippets() throws {
      let secret = "sk-or-v1-0123456789abcdef0123456789abcdef"
      let repo = try TempRepo([
        "presets/file.yaml": "slug: file\nskin: chat\nsystem_prompt_file: p.md\nrequest:\n  model: m\n",
        "presets/p.md": "Intro\nUse \(secret) for calls\n",
        "presets/inline.yaml": ReconcileFixture.preset("inline", prompt: "key \(secret) here"),
        "presets/meta.yaml": """
        slug: meta
        skin: chat
        request:
          model: m
          metadata: {token: "\(secret)"}
          user: "pre \\x73k-or-v1-0123456789abcdef0123456789abcdef"

        """,
      ])
      defer { repo.remove() }
      for format in ["text", "json", "github", "markdown"] {
        let box = OutputBox()
        let console = Console(out: { box.append($0) }, err: { box.append($0) })
        let status = CommandLineTool.run(
          ["validate", repo.path("presets"), "--format", format],
          context: CommandLineTool.Context(environment: [:], console: console))
        let output = box.text
        #expect(status == 1)
        #expect(output.components(separatedBy: "lint.secret").count - 1 >= 3, "\(format): \(output)")
        #expect(!output.contains("0123456789abcdef0123"), "\(format): secret shown\n\(output)")
        if format == "text" { #expect(output.contains("sk-or-v1-…") && output.contains("***")) }
      }
    }
  }
}
