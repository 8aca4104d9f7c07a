import Foundation
import Testing

@testable import PresetCompiler
@testable import PresetCore
@testable import PresetKit
@testable import PresetModel

/// Names that differ only in Unicode normalisation (`café` as NFC `caf\u{E9}` and NFD `cafe\u{301}`) are
/// different files and folders on disk, and different YAML anchors; Swift's `String` equality calls them
/// equal. Every table the compiler keys by a path or a name must keep them apart, or one file's prompt, one
/// folder's defaults or one anchor's value is silently used for the other.
@Suite struct NormalisationTwinTests {
  static let nfc = "caf\u{E9}"
  static let nfd = "cafe\u{301}"

  static func preset(_ slug: String, prompt: String? = nil) -> String {
    "slug: \(slug)\nskin: chat\n" + (prompt.map { "system_prompt_file: \($0)\n" } ?? "")
      + "request: {model: openai/gpt-5.4}\n"
  }

  @Test func promptFilesOfOneYAMLFileAreReadByTheirOwnBytes() throws {
    let repo = try TempRepo()
    defer { repo.remove() }
    try repo.write("presets/\(Self.nfc).md", "the NFC prompt\n")
    try repo.write("presets/\(Self.nfd).md", "the NFD prompt\n")
    try repo.write(
      "presets/a.yaml",
      Self.preset("a", prompt: "\(Self.nfc).md") + "---\n" + Self.preset("b", prompt: "\(Self.nfd).md"))
    let result = repo.compile()
    #expect(!result.hasErrors, "\(result.diagnostics)")
    let prompts = Dictionary(uniqueKeysWithValues: result.presets.map { ($0.slug, $0.model.systemPrompt) })
    #expect(prompts["a"] == "the NFC prompt\n")
    #expect(prompts["b"] == "the NFD prompt\n")
    let sources = result.presets.sorted { $0.slug < $1.slug }.compactMap { $0.promptSource.map { Array($0.file.utf8) } }
    #expect(sources == [Array("presets/\(Self.nfc).md".utf8), Array("presets/\(Self.nfd).md".utf8)])
  }

  @Test func folderDefaultsApplyToTheirOwnFolderOnly() throws {
    let repo = try TempRepo()
    defer { repo.remove() }
    try repo.write("presets/\(Self.nfc)/_defaults.yaml", "request: {temperature: 0.25}\n")
    try repo.write("presets/\(Self.nfd)/_defaults.yaml", "request: {temperature: 0.75}\n")
    try repo.write("presets/\(Self.nfc)/a.yaml", Self.preset("a"))
    try repo.write("presets/\(Self.nfd)/b.yaml", Self.preset("b"))
    let result = repo.compile()
    #expect(!result.hasErrors, "\(result.diagnostics)")
    let temperatures = Dictionary(
      uniqueKeysWithValues: result.presets.map { ($0.slug, $0.model.config["temperature"]) })
    #expect(temperatures["a"] == .number(0.25))
    #expect(temperatures["b"] == .number(0.75))
  }

  @Test func twoPathsNamingTwinFilesCompileBoth() throws {
    let repo = try TempRepo()
    defer { repo.remove() }
    try repo.write("presets/\(Self.nfc).yaml", Self.preset("a"))
    try repo.write("presets/\(Self.nfd).yaml", Self.preset("b"))
    let result = Compiler().compile(
      paths: [repo.path("presets/\(Self.nfc).yaml"), repo.path("presets/\(Self.nfd).yaml")],
      layout: RepositoryLayout(root: repo.root))
    #expect(result.presets.map(\.slug).sorted() == ["a", "b"], "\(result.diagnostics)")
    #expect(result.fileCount == 2)
  }

  /// Anchor twins cannot arise: libyaml accepts only ASCII letters, digits, `_` and `-` in anchor names, so a
  /// non-ASCII anchor is a syntax error with its place (the anchor table is keyed by bytes all the same).
  @Test func nonASCIIAnchorsAreSyntaxErrors() throws {
    let yaml = "a: &\(Self.nfc) 1\nb: *\(Self.nfd)\n"
    let error = try #require(throws: DiagnosticError.self) { try YAMLLoader.load(Array(yaml.utf8), file: "t.yaml") }
    #expect(error.diagnostics.first?.code == "yaml.syntax")
    #expect(error.diagnostics.first?.location?.line == 1)
  }

  /// A JSON pointer is split on the byte `/`: a key starting with a combining mark is its own component.
  @Test func pointersSplitOnTheSlashByte() throws {
    let pointer = try #require(JSONPointer("/a/\u{301}b/~1c"))
    #expect(pointer.components == [.key("a"), .key("\u{301}b"), .key("/c")])
    #expect(pointer.description == "/a/\u{301}b/~1c")
  }
}
