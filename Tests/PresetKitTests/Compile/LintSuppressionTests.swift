import Foundation
import Testing

@testable import PresetCore
@testable import PresetKit
@testable import PresetReconcile
@testable import PresetRender

/// `suppress` in preset files and `_defaults.yaml`: silences named prompt lints with a reason, inherits down
/// the tree, never reaches the version, refuses what must not be silenced, and shows in explain and diff.
@Suite struct LintSuppressionTests {
  private static func preset(_ slug: String, suppress: String = "") -> String {
    "slug: \(slug)\nskin: chat\n\(suppress)request:\n  model: m\n  messages: [{role: system, content: \"Hi {{name}}\"}]\n"
  }

  private static let placeholder = "suppress:\n  - {code: lint.placeholder, reason: the model fills it in}\n"

  @Test func suppressedLintIsSilentAndTheVersionDoesNotMove() throws {
    let repo = try TempRepo([
      "presets/a.yaml": Self.preset("a", suppress: Self.placeholder),
      "presets/b.yaml": Self.preset("b"),
    ])
    defer { repo.remove() }
    let result = repo.compile()
    #expect(!result.hasErrors, "\(result.diagnostics)")
    #expect(result.diagnostics.filter { $0.code == "lint.placeholder" }.map { $0.location?.file } == ["presets/b.yaml"])
    let a = try #require(result.presets.first { $0.slug == "a" })
    let b = try #require(result.presets.first { $0.slug == "b" })
    #expect(a.version == b.version)
    #expect(a.suppressions.map(\.code) == ["lint.placeholder"])
    #expect(a.suppressions.first?.location.line == 4)
  }

  @Test func defaultsInheritAndTheDeeperReasonWins() throws {
    let repo = try TempRepo([
      "presets/_defaults.yaml":
        "suppress:\n  - {code: lint.placeholder, reason: root}\n  - {code: lint.json-without-format, reason: root json}\n",
      "presets/team/_defaults.yaml": "suppress:\n  - {code: lint.placeholder, reason: team}\n",
      "presets/team/a.yaml": Self.preset("a"),
      "presets/team/b.yaml": Self.preset(
        "b", suppress: "suppress: [{code: lint.placeholder, reason: own}]\n"),
      "presets/c.yaml": Self.preset("c"),
    ])
    defer { repo.remove() }
    let result = repo.compile()
    #expect(!result.hasErrors, "\(result.diagnostics)")
    #expect(!result.diagnostics.contains { $0.code == "lint.placeholder" })
    func reasons(_ slug: String) -> [String] {
      result.presets.first { $0.slug == slug }?.suppressions.map { "\($0.code)=\($0.reason)" } ?? []
    }
    #expect(reasons("a") == ["lint.json-without-format=root json", "lint.placeholder=team"])
    #expect(reasons("b") == ["lint.json-without-format=root json", "lint.placeholder=own"])
    #expect(reasons("c") == ["lint.json-without-format=root json", "lint.placeholder=root"])
    let a = try #require(result.presets.first { $0.slug == "a" })
    let text = ExplainRenderer(preset: a).text(style: Style(enabled: false))
    #expect(text.contains("lint.placeholder suppressed: team  # presets/team/_defaults.yaml:2\n"), "\(text)")
    #expect(text.contains("lint.json-without-format suppressed: root json  # presets/_defaults.yaml:3\n"))
  }

  /// The class: a suppression that would hide what must stay visible, or that a reviewer cannot judge.
  @Test func whatCannotBeSuppressedIsAnError() throws {
    let cases: [(String, String)] = [
      ("suppress: [{code: lint.placholder, reason: r}]", "did you mean `lint.placeholder`?"),
      ("suppress: [{code: policy.model, reason: r}]", "policy rules are the organisation's"),
      ("suppress: [{code: lint.secret, reason: r}]", "reaches git and OpenRouter"),
      ("suppress: [{code: schema.type, reason: r}]", "not a lint a preset can suppress"),
      ("suppress: [{code: lint.placeholder}]", "needs a non-empty `reason`"),
      ("suppress: [{code: lint.placeholder, reason: \"  \"}]", "needs a non-empty `reason`"),
      ("suppress: [{code: lint.placeholder, reason: a}, {code: lint.placeholder, reason: b}]", "suppressed twice"),
      ("suppress: lint.placeholder", "must be a list"),
      ("suppress: [{code: lint.placeholder, reason: r, until: 2027}]", "unknown key `until`"),
      ("suppress: [{reason: r}]", "needs `code`"),
    ]
    for (line, expected) in cases {
      let repo = try TempRepo(["presets/a.yaml": Self.preset("a", suppress: line + "\n")])
      defer { repo.remove() }
      let result = repo.compile()
      let found = result.diagnostics.filter { $0.code == "preset.suppress" }
      #expect(found.count == 1, "\(line): \(result.diagnostics)")
      #expect(found.first?.severity == .error)
      #expect(
        found.contains { ($0.message + " " + ($0.hint ?? "")).contains(expected) && $0.location?.line == 3 },
        "\(line): \(found)")
      #expect(result.presets.isEmpty, "\(line): a preset with a bad suppression must not compile")
    }
    let repo = try TempRepo([
      "presets/_defaults.yaml": "suppress: [{code: policy.provider, reason: r}]\n", "presets/a.yaml": Self.preset("a"),
    ])
    defer { repo.remove() }
    let result = repo.compile()
    #expect(
      result.diagnostics.contains { $0.code == "defaults.suppress" && $0.location?.file == "presets/_defaults.yaml" })
    #expect(result.hasErrors)
  }

  @Test func policyViolationsStayWhateverIsSuppressed() throws {
    let repo = try TempRepo([
      "presets/presetctl.yaml": "policy:\n  rules:\n    - name: r\n      max_temperature: 0.5\n",
      "presets/a.yaml": """
      slug: a
      skin: chat
      suppress: [{code: lint.placeholder, reason: r}]
      request: {model: m, temperature: 1.5, messages: [{role: system, content: "Hi {{x}}"}]}

      """,
    ])
    defer { repo.remove() }
    let result = repo.compile()
    #expect(result.diagnostics.map(\.code) == ["policy.temperature"])
  }

  @Test func diffShowsSuppressionChangesThatLeaveVersionsAlone() throws {
    let base = try TempRepo([
      "presets/a.yaml": Self.preset("a", suppress: "suppress: [{code: lint.placeholder, reason: old}]\n"),
      "presets/b.yaml": Self.preset("b", suppress: "suppress: [{code: lint.json-without-format, reason: gone}]\n"),
      "presets/c.yaml": Self.preset("c"),
    ])
    let head = try TempRepo([
      "presets/a.yaml": Self.preset("a", suppress: "suppress: [{code: lint.placeholder, reason: new}]\n"),
      "presets/b.yaml": Self.preset("b"),
      "presets/c.yaml": Self.preset("c", suppress: Self.placeholder),
    ])
    defer {
      base.remove()
      head.remove()
    }
    let review = Review(
      base: base.compile().presets, head: head.compile().presets, baseLabel: "main", headLabel: "working tree")
    #expect(!review.hasChanges)
    #expect(review.unchangedCount == 3)
    #expect(
      review.suppressionChanges.map { "\($0.slug) \($0.code) \($0.kind)" } == [
        "a lint.placeholder changed", "b lint.json-without-format removed", "c lint.placeholder added",
      ])
    let renderer = ReviewRenderer(review: review)
    let text = renderer.text(style: Style(enabled: false))
    #expect(text.contains("lint suppressions changed"))
    #expect(text.contains("a: lint.placeholder suppression reason \"old\" → \"new\"  (presets/a.yaml:3)"), "\(text)")
    #expect(text.contains("b: lint.json-without-format no longer suppressed (was \"gone\")  (presets/b.yaml:1)"))
    #expect(text.contains("c: lint.placeholder suppressed: \"the model fills it in\"  (presets/c.yaml:4)"))
    let markdown = renderer.markdown()
    #expect(markdown.contains("> [!IMPORTANT]\n> **3 lint suppression changes**"), "\(markdown)")
    let github = renderer.github()
    #expect(github.contains("::notice file=presets/c.yaml,line=4,title=lint suppression added%3A c::"), "\(github)")
    let json = try JSONParser.parse(Array(renderer.json().utf8))
    #expect(json["suppression_changes"]?.arrayValue?.count == 3)
    #expect(json["suppression_changes"]?.arrayValue?.first?["new_reason"]?.stringValue == "new")
    // No change, no section, no key.
    let same = Review(
      base: head.compile().presets, head: head.compile().presets, baseLabel: "a", headLabel: "b")
    #expect(same.suppressionChanges.isEmpty)
    #expect(try JSONParser.parse(Array(ReviewRenderer(review: same).json().utf8))["suppression_changes"] == nil)
  }
}
