import Foundation
import Testing

@testable import PresetCore
@testable import PresetKit
@testable import PresetReconcile
@testable import PresetRender

@Suite("ReviewFailureRenderer")
struct ReviewFailureRendererTests {
  /// A base side whose `presets/a.yaml` does not compile, its folder kept for snippets.
  static func failure(root: URL?, count: Int = 1) -> ReviewInput.Failure {
    let diagnostics = (0..<count).map { i in
      Diagnostic(
        code: "preset.type", message: "problem \(i)",
        location: SourceLocation(file: "presets/a.yaml", line: 2, column: 7))
    }
    return ReviewInput.Failure(
      role: .base, label: "main", message: "the presets at main do not compile", diagnostics: diagnostics, root: root)
  }

  @Test("text quotes the failing line from the side's folder; without a folder there is no snippet")
  func textSnippets() throws {
    let repo = try TempRepo(["presets/a.yaml": "slug: a\nskin: 42-is-the-line\n"])
    defer { repo.remove() }
    let with = ReviewFailureRenderer(failures: [Self.failure(root: repo.root)]).text(style: Style(enabled: false))
    #expect(with.hasPrefix("error: the presets at main do not compile\n"))
    #expect(with.contains("presets/a.yaml:2:7: error[preset.type]: problem 0"))
    #expect(with.contains("skin: 42-is-the-line"))
    let without = ReviewFailureRenderer(failures: [Self.failure(root: nil)]).text(style: Style(enabled: false))
    #expect(!without.contains("42-is-the-line"))
  }

  @Test("diagnostics beyond the limit are counted, not listed")
  func limit() {
    let count = ReviewFailureRenderer.diagnosticLimit + 5
    let out = ReviewFailureRenderer(failures: [Self.failure(root: nil, count: count)]).markdown()
    #expect(out.contains("… and 5 more diagnostic(s)"))
    #expect(!out.contains("problem \(count - 1)"))
    #expect(out.hasPrefix(ReviewRenderer.commentMarker + "\n### presetctl diff\n\n❌ **"))
  }

  @Test("json is one parseable document; github moves base locations into the message")
  func jsonAndGitHub() throws {
    let renderer = ReviewFailureRenderer(failures: [Self.failure(root: nil)])
    let json = try JSONParser.parse(renderer.render(.json, style: Style(enabled: false)))
    #expect(json["error"] == true)
    #expect(json["failures"]?.arrayValue?.first?["side"] == "base")
    #expect(json["failures"]?.arrayValue?.first?["diagnostics"]?.arrayValue?.count == 1)
    let github = renderer.github()
    #expect(github.hasPrefix("::error title=presetctl diff::the presets at main do not compile\n"))
    #expect(github.contains("at base (main): presets/a.yaml:2:7: problem 0"))
    #expect(!github.contains("file=presets/a.yaml"))
  }
}
