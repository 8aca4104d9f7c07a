import Foundation
import Testing

@testable import PresetCore
@testable import PresetKit
@testable import PresetModel

/// Formatting, ordering and line endings must not change versions or bundle bytes.
@Suite struct CompilerInvarianceTests {
  static let plain = """
    slug: a
    skin: chat
    description: d
    request:
      model: openai/gpt-5.4
      temperature: 0.5
      provider: {sort: price, order: [xa, yb]}
      messages:
        - {role: system, content: "Be brief.\\nAlways."}

    """

  static let restyled = """
    # comments and another key order
    request:
      provider:
        order:
          - xa
          - "yb"
        sort: 'price'
      temperature: 5.0e-1
      messages:
        - content: |-
            Be brief.
            Always.
          role: system
      model: "openai/gpt-5.4"
    description: d
    skin: chat
    slug: a

    """

  @Test func reformattedYAMLGivesIdenticalBundles() throws {
    let one = try TempRepo(["presets/a.yaml": Self.plain])
    let two = try TempRepo(["presets/a.yaml": Self.restyled])
    defer {
      one.remove()
      two.remove()
    }
    let r1 = one.compile()
    let r2 = two.compile()
    #expect(!r1.hasErrors && !r2.hasErrors)
    #expect(r1.presets.first?.version == r2.presets.first?.version)
    // source.line differs (first key line), so compare models and versions, and the bundle minus sources.
    #expect(r1.presets.first?.model == r2.presets.first?.model)
  }

  @Test func fileOrderDoesNotMatter() throws {
    let a = "slug: a\nskin: responses\nrequest: {model: m}\n"
    let b = "slug: b\nskin: responses\nrequest: {model: mm}\n"
    let one = try TempRepo(["presets/z/1.yaml": a, "presets/a/2.yaml": b])
    let two = try TempRepo(["presets/z/1.yaml": a, "presets/a/2.yaml": b])
    defer {
      one.remove()
      two.remove()
    }
    let bytes1 = PresetBundle(presets: one.compile().presets).fileBytes
    let bytes2 = PresetBundle(presets: two.compile().presets).fileBytes
    #expect(bytes1 == bytes2)
    #expect(one.compile().presets.map(\.slug) == ["a", "b"])
  }

  @Test func crlfPromptFileEqualsLF() throws {
    let repo = try TempRepo([
      "presets/p.yaml": """
      slug: lf
      skin: chat
      system_prompt_file: lf.md
      request: {model: m}
      ---
      slug: crlf
      skin: chat
      system_prompt_file: crlf.md
      request: {model: m}

      """,
      "presets/lf.md": "line one\nline two\n",
    ])
    defer { repo.remove() }
    try repo.write("presets/crlf.md", bytes: [0xEF, 0xBB, 0xBF] + Array("line one\r\nline two\r\n".utf8))
    let result = repo.compile()
    #expect(!result.hasErrors, "\(result.diagnostics)")
    #expect(result.presets.count == 2)
    #expect(result.presets[0].version == result.presets[1].version)
    #expect(result.presets[0].model.systemPrompt == "line one\nline two\n")
  }

  @Test func skinSwapWithEqualContentGivesEqualVersions() throws {
    let repo = try TempRepo([
      "presets/s.yaml": """
      slug: c
      skin: chat
      request: {model: m, temperature: 1, messages: [{role: developer, content: [{type: text, text: A}, {type: text, text: B}]}]}
      ---
      slug: m
      skin: messages
      request: {model: m, temperature: 1, system: "A\\n\\nB"}
      ---
      slug: r
      skin: responses
      request: {model: m, temperature: 1, instructions: "A\\n\\nB", input: "hi"}

      """
    ])
    defer { repo.remove() }
    let result = repo.compile()
    #expect(!result.hasErrors, "\(result.diagnostics)")
    #expect(Set(result.presets.map(\.version)).count == 1)
    #expect(result.diagnostics.map(\.code) == ["compile.ignored-messages"])  // the default summary note
  }

  @Test func bundleIsByteIdenticalAcrossRunsAndReadable() throws {
    let repo = try TempRepo(["presets/a.yaml": Self.plain])
    defer { repo.remove() }
    let first = PresetBundle(presets: repo.compile().presets)
    let second = PresetBundle(presets: repo.compile().presets)
    #expect(first.fileBytes == second.fileBytes)
    let reread = try PresetBundle(bytes: first.fileBytes)
    #expect(reread.presets.map(\.version) == first.presets.map(\.version))
    #expect(reread.digest == first.digest)
    var tampered = String(decoding: first.fileBytes, as: UTF8.self)
    tampered = tampered.replacingOccurrences(of: "\"temperature\": 0.5", with: "\"temperature\": 0.6")
    #expect(throws: PresetBundle.ReadError.self) { try PresetBundle(bytes: Array(tampered.utf8)) }
  }
}

@Suite struct StreamedBundleTests {
  @Test func streamedBundleEqualsTheWholeDocumentWriter() throws {
    let repo = try TempRepo([
      "presets/a.yaml": CompilerInvarianceTests.plain,
      "presets/b.yaml":
        "slug: b\nskin: responses\ndescription: \"q\\\" \\\\ sp ace\\t\\u0001 é\"\nrequest: {model: m/x, instructions: \"x\\n  y \"}\n",
    ])
    defer { repo.remove() }
    let presets = repo.compile().presets
    let spool = try SpoolFile(directory: repo.path("out"))
    let entries = presets.map { SpooledEntry($0, spool: spool) }
    let path = repo.path("out/bundle.json")
    let digest = try PresetBundle.write(entries, spool: spool, to: path)
    let bundle = PresetBundle(presets: presets)
    #expect(digest == bundle.digest)
    #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == bundle.fileBytes)
    #expect(try PresetBundle.write(presets.reversed(), to: path, parallelism: 2) == digest)
    #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == bundle.fileBytes)
    _ = try PresetBundle.write([], spool: spool, to: path)
    #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == PresetBundle(presets: []).fileBytes)
    // The spool is anonymous: nothing but the bundle is left in the folder.
    #expect(try FileManager.default.contentsOfDirectory(atPath: repo.path("out")) == ["bundle.json"])
  }
}
