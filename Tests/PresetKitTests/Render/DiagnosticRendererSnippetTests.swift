import Foundation
import Testing

@testable import PresetCore
@testable import PresetKit
@testable import PresetRender

@Suite("DiagnosticRenderer.readingSnippets: the one snippet reader")
struct DiagnosticRendererSnippetTests {
  static let diagnostic = Diagnostic(
    code: "x.test", message: "here", location: SourceLocation(file: "presets/a.yaml", line: 1, column: 1))

  @Test("relative paths are read below the root; a refused path has no snippet")
  func readsAndRefuses() throws {
    let repo = try TempRepo(["presets/a.yaml": "slug: snippet-line\n"])
    defer { repo.remove() }
    let reading = DiagnosticRenderer.readingSnippets(under: repo.root.path, style: Style(enabled: false))
    #expect(reading.text(Self.diagnostic).contains("slug: snippet-line"))
    let refusing = DiagnosticRenderer.readingSnippets(under: repo.root.path, style: Style(enabled: false)) {
      _ in false
    }
    #expect(!refusing.text(Self.diagnostic).contains("snippet-line"))
    #expect(refusing.text(Self.diagnostic).contains("error[x.test]: here"))
  }

  @Test("the path the filter sees is the absolute one")
  func filterSeesAbsolutePath() throws {
    let repo = try TempRepo(["presets/a.yaml": "slug: a\n"])
    defer { repo.remove() }
    let seen = StringLog()
    let renderer = DiagnosticRenderer.readingSnippets(under: repo.root.path, style: Style(enabled: false)) {
      seen.add($0)
      return true
    }
    _ = renderer.text(Self.diagnostic)
    #expect(seen.values == [repo.root.path + "/presets/a.yaml"])
  }
}
