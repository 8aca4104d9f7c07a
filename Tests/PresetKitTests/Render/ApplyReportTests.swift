import Testing

@testable import PresetCore
@testable import PresetKit
@testable import PresetReconcile
@testable import PresetRender
@testable import PresetSchema

@Suite("ApplyReport")
struct ApplyReportTests {
  static let outcomes: [Applier.Outcome] = [
    .init(slug: "zeta", action: .update, status: .applied, message: nil, versionNumber: 3, mismatch: []),
    .init(slug: "alpha", action: .create, status: .applied, message: nil, versionNumber: 1, mismatch: []),
    .init(slug: "beta", action: .unchanged, status: .unchanged, message: nil, versionNumber: nil, mismatch: []),
    .init(
      slug: "gamma", action: .update, status: .failed, message: "the server stored different content", versionNumber: 2,
      mismatch: [JSONDiff.Change(path: JSONPointer.root.appending("provider"), old: ["sort": "price"], new: nil)]),
    .init(slug: "delta", action: .update, status: .stale, message: "moved | since", versionNumber: nil, mismatch: []),
  ]

  @Test("text: sorted by slug, unchanged left out, mismatches listed, summary last")
  func text() {
    let report = ApplyReport(outcomes: Self.outcomes)
    #expect(report.failed.map(\.slug) == ["delta", "gamma"])
    #expect(
      report.text(style: Style(enabled: false)) == """
        ✓ created alpha (live v1)
        ✗ stale delta: moved | since
        ✗ failed gamma: the server stored different content
            provider: sent {"sort":"price"}, stored (none)
        ✓ updated zeta (live v3)
        apply: 2 applied, 1 unchanged, 1 failed, 1 stale

        """)
  }

  @Test("markdown: a table of what was not unchanged, cells escaped")
  func markdown() {
    let out = ApplyReport(outcomes: Self.outcomes).markdown()
    #expect(out.hasPrefix("### presetctl apply\n\napply: 2 applied, 1 unchanged, 1 failed, 1 stale\n\n"))
    #expect(out.contains("| `alpha` | applied | live v1 |"))
    #expect(!out.contains("`beta`"))
    #expect(out.contains("moved \\| since"))
  }

  @Test("json: every outcome, parseable, mismatch as pointers")
  func json() throws {
    let json = try JSONParser.parse(ApplyReport(outcomes: Self.outcomes).json())
    let results = try #require(json["results"]?.arrayValue)
    #expect(results.map { $0["slug"]?.stringValue } == ["alpha", "beta", "delta", "gamma", "zeta"])
    #expect(results[3]["mismatch"] == ["/provider"])
    #expect(results[1]["live_version_number"] == .null && results[0]["live_version_number"] == 1)
    #expect(json["summary"] == "apply: 2 applied, 1 unchanged, 1 failed, 1 stale")
  }
}
