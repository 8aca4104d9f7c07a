import Foundation
import Testing

@testable import PresetCore
@testable import PresetKit
@testable import PresetReconcile
@testable import PresetRender

/// Text output consolidates repeated diagnostics (a few in full, then one summary line per group); errors stay
/// listed one per line; JSON and GitHub output keep every diagnostic.
@Suite struct DiagnosticGroupingTests {
  private static func warning(_ n: Int, code: String = "lint.placeholder", file: String? = nil) -> Diagnostic {
    .warning(
      code, "unresolved template placeholder `{{v\(n)}}` in the system prompt",
      at: SourceLocation(file: file ?? "presets/p\(n).yaml", line: n + 1, column: 3))
  }

  private static func kinds(_ items: [DiagnosticGrouping.Item]) -> [String] {
    items.map {
      switch $0 {
      case .full: "full"
      case .compact: "compact"
      case .summary(let s): "summary \(s.code) \(s.hidden) in \(s.files)"
      }
    }
  }

  @Test func repeatedWarningsShowAFewThenOneSummary() {
    let items = DiagnosticGrouping.consolidate((0..<10).map { Self.warning($0) })
    #expect(Self.kinds(items) == ["full", "full", "full", "summary lint.placeholder 7 in 7"])
  }

  @Test func oneExtraIsShownNotSummarised() {
    let items = DiagnosticGrouping.consolidate((0..<4).map { Self.warning($0) })
    #expect(Self.kinds(items) == ["full", "full", "full", "full"])
  }

  @Test func summaryCountsDistinctFilesAndFollowsTheLastShown() {
    var diagnostics = (0..<6).map { Self.warning($0, file: "presets/same.yaml") }
    diagnostics.insert(.warning("lint.secret-ish", "other `x`", at: nil), at: 1)
    let items = DiagnosticGrouping.consolidate(diagnostics)
    #expect(Self.kinds(items) == ["full", "full", "full", "full", "summary lint.placeholder 3 in 1"])
  }

  @Test func errorsAreNeverHiddenOnlyShortened() {
    let errors = (0..<10).map { n in
      Diagnostic.error(
        "schema.unknown-key", "unknown key `k\(n)`", at: SourceLocation(file: "presets/e\(n).yaml", line: 2, column: 1)
      )
    }
    let items = DiagnosticGrouping.consolidate(errors)
    #expect(Self.kinds(items) == ["full", "full", "full"] + Array(repeating: "compact", count: 7))
    let text = DiagnosticRenderer().render(errors, format: .text)
    for n in 0..<10 { #expect(text.contains("presets/e\(n).yaml:2:1: error[schema.unknown-key]: unknown key `k\(n)`")) }
    #expect(text.hasSuffix("10 errors, 0 warnings\n"))
  }

  @Test func groupsByCodeSeverityAndMessageShape() {
    #expect(DiagnosticGrouping.shape(of: "`a` is 12 but `b` wants 3") == "`…` is N but `…` wants N")
    var diagnostics = (0..<5).map { Self.warning($0) }
    diagnostics += (0..<5).map { Self.warning($0, code: "lint.invisible-character") }
    diagnostics += (0..<5).map { n in
      .warning("lint.placeholder", "another shape \(n)", at: SourceLocation(file: "presets/q.yaml", line: n, column: 1))
    }
    let summaries = Self.kinds(DiagnosticGrouping.consolidate(diagnostics)).filter { $0.hasPrefix("summary") }
    #expect(
      summaries == [
        "summary lint.placeholder 2 in 2", "summary lint.invisible-character 2 in 2", "summary lint.placeholder 2 in 1",
      ])
  }

  @Test func summaryLineReadsLikeTerraform() {
    let text = DiagnosticRenderer().render((0..<42).map { Self.warning($0) }, format: .text)
    #expect(
      text.contains("warning[lint.placeholder]: … and 39 more like this in 39 files (--format json lists every one)\n"))
    #expect(text.hasSuffix("0 errors, 42 warnings\n"))
  }

  /// The class: output that grows with the repository. 2,000 presets that each raise the same four warnings
  /// print a few dozen lines of text, not 8,000 diagnostics with snippets; JSON and GitHub keep all 8,000.
  @Test func twoThousandPresetsWithTheSameWarningsStaySmall() throws {
    // Turns are reported per preset here (their default is one summary note per run), so each preset raises four.
    var files: [String: String] = ["presets/presetctl.yaml": "lint:\n  ignored_messages: warning\n"]
    for n in 0..<2000 {
      files["presets/team\(n % 20)/p\(n).yaml"] = """
        slug: p\(n)
        skin: chat
        request:
          model: openai/gpt-5.4
          messages:
            - {role: system, content: "Hello {{name\(n)}}, reply in JSON.\\u200B"}
            - {role: user, content: "example"}

        """
    }
    let repo = try TempRepo(files)
    defer { repo.remove() }
    // One compilation, rendered as `validate` renders it in each format (a CLI run per format would compile the
    // 2,000 files three times).
    let result = repo.compile()
    #expect(!result.hasErrors)
    let renderer = DiagnosticRenderer.forResult(result, style: Style(enabled: false))
    let text = renderer.render(result.diagnostics, format: .text)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
    #expect(lines < 80, "\(lines) lines:\n\(text.prefix(4000))")
    #expect(text.hasSuffix("0 errors, 8000 warnings\n"))
    for code in [
      "lint.placeholder", "lint.invisible-character", "lint.json-without-format", "compile.ignored-messages",
    ] {
      #expect(text.contains("warning[\(code)]: … and 1997 more like this in 1997 files"), "\(code)")
    }
    let parsed = try JSONParser.parse(Array(renderer.render(result.diagnostics, format: .json).utf8))
    #expect(parsed["diagnostics"]?.arrayValue?.count == 8000)
    let github = renderer.render(result.diagnostics, format: .github)
    #expect(github.split(separator: "\n").filter { $0.hasPrefix("::warning ") }.count == 8000)
  }
}
