import Foundation
import Testing

@testable import PresetCore
@testable import PresetKit
@testable import PresetModel
@testable import PresetPolicy

/// The snapshot file: deterministic writing, strict reading, the location rule, and the one note.
@Suite struct CatalogueSnapshotTests {
  typealias T = CatalogueTest

  @Test func writingIsDeterministicAndReadingRoundTrips() throws {
    let shuffled = Catalogue(models: T.models.reversed(), providers: T.providers.reversed())
    #expect(CatalogueSnapshot.bytes(shuffled) == CatalogueSnapshot.bytes(T.catalogue))
    let text = T.snapshot()
    #expect(text.hasPrefix("{\n  \"format\": \"presetctl.catalogue/v1\",\n  \"models\": [\n    {\"id\":\"anthropic/"))
    #expect(text.hasSuffix("\n}\n"))
    // One model per line: a change to one model is a one-line diff.
    #expect(text.split(separator: "\n").filter { $0.hasPrefix("    {\"id\":") }.count == T.models.count)
    #expect(try CatalogueSnapshot.read(Array(text.utf8)) == T.catalogue)
    let empty = Catalogue(models: [], providers: [])
    #expect(try CatalogueSnapshot.read(CatalogueSnapshot.bytes(empty)) == empty)
  }

  static let bad: [(String, String, String)] = {
    let good = CatalogueTest.snapshot()
    let truncated = String(good.prefix(good.count / 2))
    return [
      ("truncated", truncated, "not valid JSON"),
      ("empty", "", "empty"),
      ("foreign", "{\"data\": []}", "no `format` marker"),
      ("newer", good.replacingOccurrences(of: "catalogue/v1", with: "catalogue/v9"), "is not `presetctl.catalogue/v1`"),
      (
        "unknown key", good.replacingOccurrences(of: "\"context_length\":400000", with: "\"context_lenght\":400000"),
        "unknown key `context_lenght`"
      ),
      (
        "wrong type", good.replacingOccurrences(of: "\"context_length\":400000", with: "\"context_length\":\"big\""),
        "context_length"
      ),
      (
        "negative", good.replacingOccurrences(of: "\"context_length\":400000", with: "\"context_length\":-4"),
        "non-negative"
      ),
      ("bad date", good.replacingOccurrences(of: "2026-06-01", with: "June 1st"), "YYYY-MM-DD"),
      (
        "duplicate", good.replacingOccurrences(of: "\"id\":\"old/model-later\"", with: "\"id\":\"old/model-expired\""),
        "appears twice"
      ),
      ("top level array", "[]", "not a JSON object"),
    ]
  }()

  @Test(arguments: bad.indices) func badSnapshotsAreOneClearErrorNamingTheFile(_ index: Int) throws {
    let (label, text, expected) = Self.bad[index]
    let result = try T.compile(["presets/a.yaml": T.chat("  model: nope/x\n")], snapshot: text)
    let errors = result.diagnostics.filter { $0.code == "catalogue.snapshot" }
    #expect(errors.count == 1, "\(label)")
    #expect(errors.first?.location?.file == "presets/presetctl.catalogue.json", "\(label)")
    #expect(errors.first?.message.contains(expected) == true, "\(label): \(errors.first?.message ?? "")")
    #expect(result.hasErrors)
    // The presets still compile and are checked for everything else; the catalogue checks are skipped.
    #expect(result.fileCount == 1)
    #expect(T.findings(result, "catalogue.unknown-model").isEmpty)
  }

  @Test func truncatedSnapshotErrorHasTheLine() throws {
    let good = T.snapshot()
    let lines = good.split(separator: "\n", omittingEmptySubsequences: false)
    let cut = lines.prefix(5).joined(separator: "\n")
    let result = try T.compile(["presets/a.yaml": T.chat("  model: nope/x\n")], snapshot: cut)
    #expect((result.diagnostics.first { $0.code == "catalogue.snapshot" }?.location?.line ?? 0) >= 5)
  }

  @Test func noSnapshotIsExactlyOneNotePerRun() throws {
    var files: [String: String] = [
      "presets/presetctl.yaml": "environments:\n  staging: {slug: \"{slug}-s\"}\n  production: {default: true}\n"
    ]
    for i in 0..<5 { files["presets/p\(i).yaml"] = T.chat("  model: nope/\(i)\n", slug: "p\(i)") }
    let result = try T.compile(files, snapshot: nil)
    // The note is kept apart from the findings (nothing that counts them changes without a snapshot) …
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.code))")
    #expect(result.catalogueNote?.severity == .note)
    #expect(result.catalogueNote?.message.contains("presets/presetctl.catalogue.json") == true)
    // … and `validate` shows it once for the whole run, whatever the number of files and environments.
    let repo = try TempRepo(files)
    defer { repo.remove() }
    for format in ["text", "json", "github"] {
      let out = try Binary.run(["validate", "--format", format, "presets"], in: repo.root)
      #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
      #expect(out.stderr.components(separatedBy: "catalogue.missing").count == 2, "\(format): \(out.stderr)")
      #expect(!out.stdout.contains("catalogue.missing"))
    }
  }

  @Test func catalogueOffSilencesTheNote() throws {
    for setting in ["false", "\"off\""] {
      let result = try T.compile(
        ["presets/presetctl.yaml": "catalogue: \(setting)\n", "presets/a.yaml": T.chat("  model: nope/x\n")],
        snapshot: nil)
      #expect(result.diagnostics.isEmpty, "\(setting): \(result.diagnostics.map(\.code))")
      #expect(result.catalogueNote == nil)
    }
  }

  @Test func theSnapshotIsNeverAPresetFile() throws {
    let result = try T.compile(["presets/a.yaml": T.chat("  model: openai/gpt-5.4\n")])
    #expect(result.fileCount == 1)
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.code))")
  }

  @Test func locationRule() throws {
    let repo = try TempRepo([
      "presets/presetctl.yaml": "lint: {}\n", "presets/team/a.yaml": T.chat("  model: x/y\n"),
      "loose/b.yaml": T.chat("  model: x/y\n", slug: "b"),
      "custom/presetctl.yaml": "catalogue: ../shared/models.json\n",
      "custom/c.yaml": T.chat("  model: x/y\n", slug: "c"),
      "escape/presetctl.yaml": "catalogue: ../../models.json\n",
      "bad/presetctl.yaml": "catalogue: 42\n",
    ])
    defer { repo.remove() }
    func place(_ path: String) -> (CatalogueSnapshot.Place?, [Diagnostic]) {
      let layout = RepositoryLayout(containing: repo.path(path))
      let config = RepositoryConfig.load(path: repo.path(path), layout: layout).config
      return CatalogueSnapshot.place(for: repo.path(path), layout: layout, config: config)
    }
    func relative(_ path: String) -> String? {
      if case .file(_, let relative)? = place(path).0 { return relative }
      return nil
    }
    // Beside the presetctl.yaml that governs PATH, however deep PATH is.
    #expect(relative("presets") == "presets/presetctl.catalogue.json")
    #expect(relative("presets/team") == "presets/presetctl.catalogue.json")
    #expect(relative("presets/team/a.yaml") == "presets/presetctl.catalogue.json")
    // No presetctl.yaml: in PATH (a file's folder), never the repository's top level.
    #expect(relative("loose") == "loose/presetctl.catalogue.json")
    #expect(relative("loose/b.yaml") == "loose/presetctl.catalogue.json")
    // `catalogue:` relative to presetctl.yaml.
    #expect(relative("custom") == "shared/models.json")
    #expect(place("escape").1.map(\.code) == ["config.catalogue"])
    #expect(place("bad").1.first?.at == "bad/presetctl.yaml:1:12")
  }
}
