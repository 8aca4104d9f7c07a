import Foundation
import Testing

@testable import PresetCore
@testable import PresetKit

/// Each bad preset input yields its code at the right place, and nothing compiles half-way.
@Suite struct CompilerErrorTests {
  private func diagnostics(_ files: [String: String]) throws -> [Diagnostic] {
    let repo = try TempRepo(files)
    defer { repo.remove() }
    return repo.compile().diagnostics
  }

  private func only(_ diagnostics: [Diagnostic]) -> (String, String, Int, Int)? {
    guard diagnostics.count == 1, let d = diagnostics.first, let l = d.location else { return nil }
    return (d.code, l.file, l.line, l.column)
  }

  @Test func unknownTopLevelKeySuggests() throws {
    let ds = try diagnostics(["presets/a.yaml": "slug: a\nskin: chat\nrequst: {}\nrequest: {model: m}\n"])
    #expect(only(ds)! == ("preset.unknown-key", "presets/a.yaml", 3, 1))
    #expect(ds.first?.hint == "did you mean `request`?")
  }

  @Test func xKeysAreIgnored() throws {
    let ds = try diagnostics(["presets/a.yaml": "x-any: {a: 1}\nslug: a\nskin: responses\nrequest: {model: m}\n"])
    #expect(ds.isEmpty)
  }

  @Test func missingKeysAndBadSlugAndSkin() throws {
    let ds = try diagnostics(["presets/a.yaml": "slug: Bad_Slug\nskin: chatt\n"])
    #expect(ds.map(\.code).sorted() == ["preset.missing-key", "preset.skin", "preset.slug"])
    #expect(ds.first { $0.code == "preset.skin" }?.hint == "did you mean `chat`?")
    #expect(ds.first { $0.code == "preset.slug" }?.location?.line == 1)
  }

  @Test func duplicateSlugAcrossFilesNamesBoth() throws {
    let doc = "slug: same\nskin: responses\nrequest: {model: m}\n"
    let ds = try diagnostics(["presets/a.yaml": doc, "presets/b/c.yaml": "# c\n" + doc])
    #expect(only(ds)! == ("compile.duplicate-slug", "presets/b/c.yaml", 2, 1))
    #expect(ds.first?.related.first?.location == SourceLocation(file: "presets/a.yaml", line: 1, column: 1))
  }

  @Test func duplicateSlugInsideOneFile() throws {
    let doc = "slug: same\nskin: responses\nrequest: {model: m}\n"
    let ds = try diagnostics(["presets/a.yaml": doc + "---\n" + doc])
    #expect(only(ds)! == ("compile.duplicate-slug", "presets/a.yaml", 5, 1))
  }

  @Test func promptFileProblems() throws {
    let ds = try diagnostics([
      "presets/a.yaml": """
      slug: missing
      skin: chat
      system_prompt_file: nope.md
      request: {model: m}
      ---
      slug: outside
      skin: chat
      system_prompt_file: ../../etc/passwd
      request: {model: m}
      ---
      slug: conflict
      skin: chat
      system_prompt_file: ok.md
      request: {model: m, messages: [{role: system, content: x}]}
      ---
      slug: folder
      skin: chat
      system_prompt_file: dir
      request: {model: m}

      """,
      "presets/ok.md": "fine",
      "presets/dir/x.md": "",
    ])
    #expect(
      ds.map(\.code) == [
        "compile.prompt-file", "compile.prompt-file-outside", "compile.prompt-conflict", "compile.prompt-file",
      ])
    #expect(ds.map { $0.location?.line ?? 0 } == [3, 8, 13, 18])
    #expect(ds.map { $0.location?.column ?? 0 } == [21, 21, 21, 21])
  }

  @Test func promptFileWithInvalidUTF8() throws {
    let repo = try TempRepo(["presets/a.yaml": "slug: a\nskin: chat\nsystem_prompt_file: p.md\nrequest: {model: m}\n"])
    defer { repo.remove() }
    try repo.write("presets/p.md", bytes: Array("ok\nbad ".utf8) + [0xC3, 0x28])
    let ds = repo.compile().diagnostics
    #expect(ds.map(\.code) == ["compile.prompt-file-utf8"])
    #expect(ds.first?.message.contains("2:5") == true)
  }

  @Test func multipleSystemMessagesAndBadParts() throws {
    let ds = try diagnostics([
      "presets/a.yaml": """
      slug: a
      skin: chat
      request:
        model: m
        messages:
          - {role: system, content: one}
          - {role: developer, content: two}
      ---
      slug: b
      skin: chat
      request:
        model: m
        messages:
          - role: system
            content: [{type: image_url, image_url: {url: "http://x"}}]

      """
    ])
    let compileCodes = ds.filter { $0.code.hasPrefix("compile.") }
    #expect(compileCodes.map(\.code) == ["compile.multiple-system-messages", "compile.system-prompt-part"])
    #expect(compileCodes.map { $0.location?.line ?? 0 } == [7, 15])
    // The schema agrees that a system message carries only text parts.
    #expect(ds.contains { $0.code.hasPrefix("schema.") && $0.location?.line == 15 })
  }

  @Test func yamlErrorsSurfaceWithPositions() throws {
    let ds = try diagnostics(["presets/a.yaml": "slug: a\nslug: b\nskin: chat\nrequest: {model: m, stream: yes}\n"])
    #expect(ds.map(\.code).sorted() == ["yaml.ambiguous-scalar", "yaml.duplicate-key"])
    #expect(ds.first { $0.code == "yaml.duplicate-key" }?.location?.line == 2)
  }

  @Test func notAMappingAndEmptyDocuments() throws {
    let ds = try diagnostics(["presets/a.yaml": "---\n---\n- 1\n- 2\n---\n", "presets/empty.yml": ""])
    #expect(only(ds)!.0 == "preset.not-a-mapping")
  }

  @Test func hiddenFoldersAndDefaultsFilesAreNotPresets() throws {
    let ds = try diagnostics([
      "presets/.hidden/a.yaml": "bad", "presets/_defaults.yaml": "bad: 1", "presets/notes.txt": "x",
    ])
    #expect(ds.isEmpty)
  }
}
