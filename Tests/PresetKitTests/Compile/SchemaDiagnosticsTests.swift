import Foundation
import Testing

@testable import PresetCore
@testable import PresetKit

/// Wrong preset bodies: each yields exactly the expected code at the YAML line and column where it was written.
@Suite struct SchemaDiagnosticsTests {
  static let cases: [(name: String, yaml: String, code: String, line: Int, column: Int, hint: String?)] = [
    ("wrong type", "request:\n  model: m/a\n  temperature: \"hot\"\n", "schema.type", 5, 16, nil),
    (
      "unknown key", "request:\n  model: m/a\n  temprature: 0.5\n", "schema.unknown-key", 5, 3,
      "did you mean `temperature`?"
    ),
    ("out of range", "request:\n  model: m/a\n  temperature: 3\n", "schema.maximum", 5, 16, nil),
    ("negative top_p", "request:\n  model: m/a\n  top_p: -0.1\n", "schema.minimum", 5, 10, nil),
    ("bad enum", "request:\n  model: m/a\n  provider:\n    sort: cheapest\n", "schema.enum", 6, 11, nil),
    (
      "bad nested provider field", "request:\n  model: m/a\n  provider:\n    data_colection: deny\n",
      "schema.unknown-key",
      6, 5, "did you mean `data_collection`?"
    ),
    ("bad provider value", "request:\n  provider: {data_collection: never}\n", "schema.enum", 4, 31, nil),
    ("too many models", "request:\n  models: [a/b, c/d, e/f, g/h]\n", "schema.max-items", 4, 11, nil),
    ("models not a list", "request:\n  models: a/b\n", "schema.type", 4, 11, nil),
  ]

  @Test(arguments: 0..<cases.count)
  func wrongBodyYieldsOneDiagnosticAtItsPlace(index: Int) throws {
    let c = Self.cases[index]
    let repo = try TempRepo(["presets/p.yaml": "slug: p\nskin: chat\n" + c.yaml])
    defer { repo.remove() }
    let diagnostics = repo.compile().diagnostics
    #expect(diagnostics.count == 1, "\(c.name): \(diagnostics)")
    let d = try #require(diagnostics.first)
    #expect(d.code == c.code, "\(c.name)")
    #expect(d.location == SourceLocation(file: "presets/p.yaml", line: c.line, column: c.column), "\(c.name)")
    #expect(d.hint == c.hint, "\(c.name)")
  }

  @Test func messagesSkinFallbackRules() throws {
    let repo = try TempRepo([
      "presets/p.yaml": """
      slug: p
      skin: messages
      request:
        model: a/b
        models: [a/b]
        fallbacks: [{model: c/d}]
      ---
      slug: q
      skin: messages
      request:
        model: a/b
        fallbacks: [{model: c/d}, {model: e/f}, {model: g/h}, {model: i/j}]

      """
    ])
    defer { repo.remove() }
    let diagnostics = repo.compile().diagnostics
    #expect(diagnostics.map(\.code) == ["schema.not", "schema.max-items"])
    #expect(diagnostics.first?.message == "`fallbacks` and `models` cannot be used together")
    #expect(diagnostics.last?.location?.line == 12)
  }

  @Test func missingRequiredPointsAtParentMapping() throws {
    let repo = try TempRepo(["presets/p.yaml": "slug: p\nskin: messages\nrequest:\n  max_tokens: 10\n"])
    defer { repo.remove() }
    let diagnostics = repo.compile().diagnostics
    let d = try #require(diagnostics.first)
    #expect(diagnostics.count == 1 && d.code == "schema.required", "\(diagnostics)")
    #expect(d.message.contains("model"))
    #expect(d.location?.line == 4 && d.path == "/request")
  }

  @Test func allErrorsOfAllFilesAreReportedSorted() throws {
    let repo = try TempRepo([
      "presets/b.yaml": "slug: b\nskin: chat\nrequest: {model: m/a, temperature: 9, top_p: 7}\n",
      "presets/a.yaml": "slug: a\nskin: chat\nrequest: {model: m/a, stream: maybe, seed: x}\n",
    ])
    defer { repo.remove() }
    let diagnostics = repo.compile().diagnostics
    #expect(
      diagnostics.map { "\($0.location?.file ?? ""):\($0.location?.column ?? 0)" } == [
        "presets/a.yaml:31", "presets/a.yaml:44", "presets/b.yaml:36", "presets/b.yaml:46",
      ])
  }
}
