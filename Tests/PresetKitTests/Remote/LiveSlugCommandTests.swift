import Foundation
import OpenRouterFake
import Testing

@testable import PresetCore
@testable import PresetKit

/// Bad live slugs through the commands: skipped and reported once, the rest still works.
@Suite("Commands with hostile live slugs")
struct LiveSlugCommandTests {
  static let files = ["presets/alpha.yaml": ReconcileFixture.preset("alpha")]

  /// A fixture whose account holds `alpha`, an unmanaged good preset and every bad slug.
  static func fixture() throws -> ReconcileFixture {
    let f = try ReconcileFixture(files)
    f.fake.seed(slug: "stray", systemPrompt: "s", config: ["model": "a/b"])
    for slug in HostileServerTests.badSlugs { f.fake.seed(slug: slug, systemPrompt: "s", config: ["model": "a/b"]) }
    return f
  }

  static func expectReported(_ stderr: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let count = stderr.components(separatedBy: "[remote.bad-slug]").count - 1
    #expect(count == HostileServerTests.badSlugs.count, "\(stderr)", sourceLocation: sourceLocation)
    #expect(stderr.contains("\"../../x\""), sourceLocation: sourceLocation)
    #expect(!stderr.contains("\u{1B}"), "a raw escape reached the terminal", sourceLocation: sourceLocation)
  }

  @Test("plan lists the good unmanaged preset and warns about each bad slug once")
  func plan() throws {
    let f = try Self.fixture()
    defer { f.stop() }
    let output = try f.run(["plan", "presets", "--format", "json"])
    #expect(output.status == 0, "\(output.stderr)")
    Self.expectReported(output.stderr)
    let plan = try JSONParser.parse(Array(output.stdout.utf8))
    let unmanaged = plan["unmanaged"]?.arrayValue?.compactMap { $0["slug"]?.stringValue }
    #expect(unmanaged == ["stray"])
  }

  @Test("drift --include-unmanaged counts the good unmanaged preset only")
  func drift() throws {
    let f = try Self.fixture()
    defer { f.stop() }
    #expect(try f.run(["apply", "--yes", "presets"]).status == 0)
    let output = try f.run(["drift", "presets", "--include-unmanaged"])
    #expect(output.status == 2, "\(output.stdout)\(output.stderr)")
    #expect(output.stdout.contains("stray"))
    #expect(!output.stdout.contains("../../x"))
    Self.expectReported(output.stderr)
  }

  @Test("import --all writes the good presets, skips and reports the bad ones, exits 1")
  func importAll() throws {
    let f = try Self.fixture()
    defer { f.stop() }
    let into = f.repo.root.appendingPathComponent("out/nested")
    let output = try f.run(["import", "--all", "--into", into.path])
    #expect(output.status == 1, "\(output.stderr)")
    Self.expectReported(output.stderr)
    #expect(output.stderr.contains("\(HostileServerTests.badSlugs.count) preset(s) skipped for invalid slugs"))
    let written = try FileManager.default.contentsOfDirectory(atPath: into.path).sorted()
    #expect(written == ["stray.yaml"])
    #expect(!FileManager.default.fileExists(atPath: f.repo.root.appendingPathComponent("x.yaml").path))
    #expect(!FileManager.default.fileExists(atPath: f.repo.root.appendingPathComponent("out/x.yaml").path))
  }

  @Test("import of a named bad slug is refused before any request")
  func importNamed() throws {
    let f = try Self.fixture()
    defer { f.stop() }
    let into = f.repo.root.appendingPathComponent("out")
    let output = try f.run(["import", "../../x", "stray", "--into", into.path])
    #expect(output.status == 1)
    #expect(output.stderr.contains("error[remote.bad-slug]"), "\(output.stderr)")
    #expect(f.fake.requests(path: "/presets/..*").isEmpty)
    #expect(FileManager.default.fileExists(atPath: into.appendingPathComponent("stray.yaml").path))
  }
}
