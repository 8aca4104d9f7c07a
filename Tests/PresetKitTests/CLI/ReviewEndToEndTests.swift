import Foundation
import Testing

@testable import PresetCore
@testable import PresetKit
@testable import PresetRender

/// `presetctl diff` end to end: real git repositories in a temp folder, the built binary, golden outputs.
/// Serialized: each test starts dozens of git and presetctl processes, which would crowd timing-sensitive suites.
@Suite(.serialized) struct ReviewEndToEndTests {
  static let assistantBase = """
    slug: assistant
    skin: chat
    description: General helper.
    system_prompt_file: ../../prompts/assistant.md
    request:
      model: openai/gpt-5.4
      models: [openai/gpt-5.4]
      temperature: 0.2
      provider:
        sort: price

    """
  static let assistantHead = """
    slug: assistant
    skin: chat
    description: General helper.
    system_prompt_file: ../../prompts/assistant.md
    request:
      model: anthropic/claude-4.6-sonnet
      models: [anthropic/claude-4.6-sonnet, openai/gpt-5.4]
      temperature: 0.9
      provider:
        sort: latency

    """
  static let promptBase = "You help the team.\nAnswer briefly.\nCite sources.\nNever guess.\n"
  static let promptHead = "You help the team.\nAnswer briefly.\nCite sources with links.\nNever guess.\n"
  static let privateBase = """
    slug: private
    skin: chat
    request:
      model: openai/gpt-5.4
      max_tokens: 500
      provider:
        data_collection: deny
        zdr: true
      messages:
        - role: system
          content: Keep customer data private.

    """
  static let privateHead = """
    slug: private
    skin: chat
    request:
      model: openai/gpt-5.4
      max_tokens: 800
      provider:
        order: [openai]
      messages:
        - role: system
          content: Keep customer data private.

    """
  static func simple(_ slug: String, model: String = "openai/gpt-5.4", prompt: String = "Be kind.") -> String {
    "slug: \(slug)\nskin: chat\nrequest:\n  model: \(model)\n  messages: [{role: system, content: \(prompt)}]\n"
  }

  /// Base and head commits covering every status: changed (with risks and a prompt-file diff), added,
  /// removed, renamed, unchanged.
  static func standardRepository() throws -> GitFixture {
    let fixture = try GitFixture([
      "presets/team/assistant.yaml": assistantBase, "prompts/assistant.md": promptBase,
      "presets/private.yaml": privateBase, "presets/old-name.yaml": simple("old-name", prompt: "Same words."),
      "presets/gone.yaml": simple("gone"), "presets/steady.yaml": simple("steady"), "README.md": "not a preset\n",
    ])
    try fixture.commit("base")
    try fixture.write([
      "presets/team/assistant.yaml": assistantHead, "prompts/assistant.md": promptHead,
      "presets/private.yaml": privateHead, "presets/new-name.yaml": simple("new-name", prompt: "Same words."),
      "presets/fresh.yaml": simple("fresh", model: "mistralai/mistral-large"),
    ])
    try fixture.remove("presets/old-name.yaml")
    try fixture.remove("presets/gone.yaml")
    try fixture.commit("head")
    return fixture
  }

  @Test func diffBetweenRevisionsInEveryFormat() throws {
    let fixture = try Self.standardRepository()
    defer { fixture.cleanUp() }
    let goldens: [(String, String)] = [
      ("text", "revisions.txt"), ("json", "revisions.json"), ("markdown", "revisions.md"),
      ("github", "revisions.github"),
    ]
    for (format, golden) in goldens {
      let run = try fixture.presetctl(["diff", "--base", "HEAD~1", "--head", "HEAD", "--format", format, "presets"])
      #expect(run.status == 0, "\(format): \(run.stderr)")
      #expect(run.stderr.isEmpty, "\(format)")
      try Golden.check(run.stdout, "review/" + golden)
    }
    let detailed = try fixture.presetctl(["diff", "--base", "HEAD~1", "--head", "HEAD", "--detailed-exitcode"])
    #expect(detailed.status == 2)
    // Positions: the risky keys' own lines in the head YAML, the changed line of the prompt file.
    let github = try fixture.presetctl(["diff", "--base", "HEAD~1", "--head", "HEAD", "--format", "github"])
    #expect(
      github.stdout.contains(
        "::warning file=presets/team/assistant.yaml,line=6,title=risky change%3A assistant::model changes"))
    #expect(github.stdout.contains("::warning file=presets/team/assistant.yaml,line=8,"))
    #expect(
      github.stdout.contains(
        "::warning file=presets/private.yaml,line=6,title=risky change%3A private::data collection"))
    #expect(
      github.stdout.contains("::notice file=prompts/assistant.md,line=3,title=system prompt changed%3A assistant::"))
  }

  @Test func renameIsOneEntryWithTheArchiveNote() throws {
    let fixture = try Self.standardRepository()
    defer { fixture.cleanUp() }
    let run = try fixture.presetctl(["diff", "--base", "HEAD~1", "--head", "HEAD", "--format", "json"])
    let value = try JSONParser.parse(run.stdout)
    let presets = try #require(value["presets"]?.arrayValue)
    let renamed = presets.filter { $0["status"] == "renamed" }
    #expect(renamed.count == 1)
    #expect(renamed.first?["slug"] == "new-name")
    #expect(renamed.first?["old_slug"] == "old-name")
    #expect(renamed.first?["old_version"] == renamed.first?["new_version"])
    #expect(renamed.first?["note"]?.stringValue?.contains("archive it by hand") == true)
    #expect(!presets.contains { $0["slug"] == "old-name" })
    #expect(value["counts"]?["renamed"] == 1 && value["counts"]?["added"] == 1 && value["counts"]?["removed"] == 1)
    #expect(value["counts"]?["unchanged"] == 1 && value["counts"]?["changed"] == 2)
  }

  @Test func workingTreeIsTheDefaultHeadAndStaysUntouched() throws {
    let fixture = try GitFixture(["presets/a.yaml": Self.simple("a"), "notes.txt": "x\n"])
    defer { fixture.cleanUp() }
    try fixture.commit("one")
    try fixture.write(["presets/a.yaml": Self.simple("a", model: "openai/gpt-5.4-mini")])
    let statusBefore = try fixture.git("status", "--porcelain", "--untracked-files=all")
    let run = try fixture.presetctl(["diff", "--base", "HEAD", "--detailed-exitcode"])
    #expect(run.status == 2, "\(run.stderr)")
    #expect(run.stdout.hasPrefix("presetctl diff: HEAD → working tree\n"))
    #expect(run.stdout.contains("model: \"openai/gpt-5.4\" → \"openai/gpt-5.4-mini\"  (line 4)"))
    #expect(try fixture.git("status", "--porcelain", "--untracked-files=all") == statusBefore)
    #expect(try fixture.repo.read("presets/a.yaml") == Self.simple("a", model: "openai/gpt-5.4-mini"))
  }

  @Test func nonCompilingBaseReportsItsDiagnostics() throws {
    let fixture = try GitFixture([
      "presets/a.yaml": "slug: a\nskin: chat\nrequest:\n  model: openai/gpt-5.4\n  stream: on\n"
    ])
    defer { fixture.cleanUp() }
    try fixture.commit("broken")
    try fixture.write(["presets/a.yaml": Self.simple("a")])
    try fixture.commit("fixed")
    let text = try fixture.presetctl(["diff", "--base", "HEAD~1", "--head", "HEAD", "--detailed-exitcode"])
    #expect(text.status == 1)
    #expect(text.stderr == "error[diff.does-not-compile]: the presets at base (HEAD~1) do not compile\n")
    try Golden.check(text.stdout, "review/base-does-not-compile.txt")
    let markdown = try fixture.presetctl(["diff", "--base", "HEAD~1", "--format", "markdown"])
    #expect(markdown.status == 1)
    try Golden.check(markdown.stdout, "review/base-does-not-compile.md")
    let github = try fixture.presetctl(["diff", "--base", "HEAD~1", "--format", "github"])
    #expect(github.status == 1)
    // Base lines are not in the pull request's files: the position goes into the message.
    #expect(github.stdout.contains("::error title=yaml.ambiguous-scalar::at base (HEAD~1): presets/a.yaml:5:11: "))
    let json = try JSONParser.parse(try fixture.presetctl(["diff", "--base", "HEAD~1", "--format", "json"]).stdout)
    #expect(json["failures"]?.arrayValue?.first?["side"] == "base")
    #expect(json["failures"]?.arrayValue?.first?["diagnostics"]?.arrayValue?.first?["line"] == 5)
    // The head side failing is reported as head, with positions in the working tree.
    let reversed = try fixture.presetctl(["diff", "--base", "HEAD", "--head", "HEAD~1", "--format", "github"])
    #expect(reversed.status == 1)
    #expect(reversed.stdout.contains("::error file=presets/a.yaml,line=5,col=11,title=yaml.ambiguous-scalar::"))
  }

  @Test func hugePromptDiffIsTruncatedUnderTheCommentLimit() throws {
    let old = (1...4_000).map { "Rule \($0): answer in English." }.joined(separator: "\n") + "\n"
    let new = (1...4_000).map { "Rule \($0): answer in French, with `code` kept." }.joined(separator: "\n") + "\n"
    let fixture = try GitFixture([
      "presets/big.yaml": "slug: big\nskin: chat\nsystem_prompt_file: big.md\nrequest:\n  model: openai/gpt-5.4\n",
      "presets/big.md": old, "presets/small.yaml": Self.simple("small"),
    ])
    defer { fixture.cleanUp() }
    try fixture.commit("one")
    try fixture.write(["presets/big.md": new, "presets/small.yaml": Self.simple("small", prompt: "Be brief.")])
    try fixture.commit("two")
    let run = try fixture.presetctl(["diff", "--base", "HEAD~1", "--head", "HEAD", "--format", "markdown"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.utf8.count < ReviewRenderer.commentLimit)
    #expect(run.stdout.hasPrefix("<!-- presetctl-diff -->\n"))
    #expect(run.stdout.contains("Prompt diffs were truncated to stay under GitHub's 65536-character comment limit"))
    #expect(run.stdout.contains("Prompt diff truncated: "))
    #expect(run.stdout.contains("<code>small</code>"))
    // Every fence and details block is closed.
    #expect(
      run.stdout.components(separatedBy: "<details>").count == run.stdout.components(separatedBy: "</details>").count)
    let fences = run.stdout.split(separator: "\n").filter { $0.hasPrefix("```") }
    #expect(fences.count % 2 == 0)
    // The other formats keep the whole diff.
    let text = try fixture.presetctl(["diff", "--base", "HEAD~1", "--head", "HEAD"])
    #expect(text.stdout.contains("+Rule 4000: answer in French, with `code` kept."))
  }

  @Test func exitCodes() throws {
    let fixture = try GitFixture(["presets/a.yaml": Self.simple("a")])
    defer { fixture.cleanUp() }
    try fixture.commit("one")
    let same = try fixture.presetctl(["diff", "--base", "HEAD", "--detailed-exitcode"])
    #expect(same.status == 0 && same.stdout.contains("no preset changes (1 unchanged)"))
    try fixture.write(["presets/a.yaml": Self.simple("a", prompt: "Be bold.")])
    #expect(try fixture.presetctl(["diff", "--base", "HEAD"]).status == 0)
    #expect(try fixture.presetctl(["diff", "--base", "HEAD", "--detailed-exitcode"]).status == 2)
    let unknown = try fixture.presetctl(["diff", "--base", "no-such-branch"])
    #expect(unknown.status == 1 && unknown.stderr.contains("unknown revision 'no-such-branch'"))
    let headOnly = try fixture.presetctl(["diff", "--head", "HEAD"])
    #expect(headOnly.status == 1 && headOnly.stderr.contains("--head needs --base"))
    let nothing = try fixture.presetctl(["diff"])
    #expect(nothing.status == 1 && nothing.stderr.contains("give --base REV"))
    let missing = try fixture.presetctl(["diff", "--base", "HEAD", "no-such-folder"])
    #expect(missing.status == 1 && missing.stderr.contains("exists neither at base (HEAD) nor at head (working tree)"))
    let notGit = try TempRepo(["presets/a.yaml": Self.simple("a")], git: false)
    defer { notGit.remove() }
    let outside = try Binary.run(["diff", "--base", "HEAD"], in: notGit.root)
    #expect(outside.status == 1 && outside.stderr.contains("--base needs a git repository"))
  }

  @Test func pathAddedSinceBaseCountsEveryPresetAsAdded() throws {
    let fixture = try GitFixture(["README.md": "hello\n"])
    defer { fixture.cleanUp() }
    try fixture.commit("empty")
    try fixture.write(["presets/a.yaml": Self.simple("a"), "presets/b.yaml": Self.simple("b")])
    let run = try fixture.presetctl(["diff", "--base", "HEAD", "--detailed-exitcode"])
    #expect(run.status == 2, "\(run.stderr)")
    #expect(run.stdout.contains("note: `presets` does not exist at base (HEAD): every preset counts as added"))
    #expect(run.stdout.contains("2 added, 0 removed, 0 changed, 0 renamed, 0 unchanged"))
  }

  @Test func bundleDiff() throws {
    let fixture = try GitFixture(["presets/a.yaml": Self.simple("a"), "presets/b.yaml": Self.simple("b")])
    defer { fixture.cleanUp() }
    #expect(try fixture.presetctl(["build", "--output", "old.json"]).status == 0)
    try fixture.write([
      "presets/a.yaml": "slug: a\nskin: chat\nrequest:\n  model: openai/gpt-5.4\n  temperature: 0\n"
        + "  messages: [{role: system, content: Be kind.}]\n",
      "presets/b.yaml": Self.simple("c"),
    ])
    #expect(try fixture.presetctl(["build", "--output", "new.json"]).status == 0)
    let run = try fixture.presetctl(["diff", "old.json", "new.json", "--detailed-exitcode"])
    #expect(run.status == 2, "\(run.stderr)")
    try Golden.check(run.stdout, "review/bundles.txt")
    let broken = try fixture.presetctl(["diff", "old.json", "presets/a.yaml"])
    #expect(broken.status == 1 && broken.stderr.contains("presets/a.yaml is not a usable bundle"))
  }
}
