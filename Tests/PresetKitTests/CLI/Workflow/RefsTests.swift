import Foundation
import Testing

@testable import PresetCore
@testable import PresetKit
@testable import PresetReconcile

/// `presetctl refs`: the byte scanner's forms, the `.gitignore` subset, and the command on a fixture tree.
@Suite struct RefsTests {
  static func hits(_ text: String) -> [ReferenceScan.Hit] {
    Array(text.utf8).withUnsafeBufferPointer { ReferenceScan.hits(in: $0) }
  }

  @Test func scannerFindsTheThreeFormsWithPositions() {
    let text = """
      a = {"model": "@preset/alpha"}
      b = {"model": "openai/gpt-4o@preset/beta.v2."}
      é = {'model': 'x', 'preset': 'gamma'}
      d = {model: "m", preset: "delta"}
      f = "presets" and my_preset: "x" and @preset/ and "preset": 12
      """
    let found = Self.hits(text)
    #expect(found.map(\.slug) == ["alpha", "beta.v2", "gamma", "delta"])
    #expect(found.map(\.line) == [1, 2, 3, 4])
    #expect(found[0].column == 24)
    // Columns count Unicode scalars: `é` is two bytes, one column.
    #expect(found[2].column == 31)
    // A `preset` key counts only beside a model.
    #expect(Self.hits(#"{"preset": "lonely"}"#).isEmpty)
    let far = #"{"model": "x"}"# + String(repeating: " ", count: 300) + #"{"preset": "far"}"#
    #expect(Self.hits(far).isEmpty)
  }

  @Test func scannerSurvivesHostileBytes() {
    // Truncated forms at the very end, lone continuation bytes, and a long slug run stop cleanly.
    for text in [
      "@preset/", "\"preset\"", "\"preset\":", "\"preset\": \"abc", "model \"preset\": '", "\u{80}@preset/x",
    ] {
      _ = Self.hits(text)
    }
    let long = "@preset/" + String(repeating: "a", count: 10_000)
    #expect(Self.hits(long).first?.slug.count == 256)
  }

  @Test func gitIgnoreSubset() {
    let ignore = ReferenceScan.GitIgnore(
      """
      # comment
      node_modules/
      *.log
      !keep.log
      /build
      docs/**/*.gen.ts
      \\#literal
      trailing   \r
      """)
    #expect(ignore.verdict("node_modules", isFolder: true) == true)
    #expect(ignore.verdict("a/node_modules", isFolder: true) == true)
    #expect(ignore.verdict("node_modules", isFolder: false) == nil)  // folder-only
    #expect(ignore.verdict("x/y.log", isFolder: false) == true)
    #expect(ignore.verdict("x/keep.log", isFolder: false) == false)
    #expect(ignore.verdict("build", isFolder: true) == true)
    #expect(ignore.verdict("src/build", isFolder: true) == nil)  // anchored
    #expect(ignore.verdict("docs/a/b/c.gen.ts", isFolder: false) == true)
    #expect(ignore.verdict("docs/c.gen.ts", isFolder: false) == true)
    #expect(ignore.verdict("#literal", isFolder: false) == true)
    #expect(ignore.verdict("trailing", isFolder: false) == true)
    #expect(ignore.verdict("main.ts", isFolder: false) == nil)
  }

  static let presets = """
    slug: support-bot
    skin: responses
    request: {model: openai/gpt-5.4}
    ---
    slug: unused-one
    skin: responses
    request: {model: openai/gpt-5.4}

    """

  @Test func commandOnAFixtureTree() throws {
    let repo = try TempRepo([
      "presets/a.yaml": Self.presets,
      "presets/presetctl.yaml": "environments:\n  staging:\n    slug: \"{slug}-staging\"\n",
      ".gitignore": "node_modules/\n*.log\n!keep.log\n/build\n",
      "src/.gitignore": "generated/\n",
      "src/app/main.ts": "const r = {\n  model: \"@preset/support-bot-staging\",\n};\nx = \"m@preset/suport-bot\"\n",
      "src/app/x.py": "client.post(json={\"model\": \"openai/gpt-4o\", \"preset\": \"ghost\"})\n",
      "node_modules/x/a.js": "\"@preset/ignored-folder\"",
      "build/b.js": "\"@preset/ignored-anchored\"",
      "src/a.log": "\"@preset/ignored-glob\"",
      "src/keep.log": "\"@preset/support-bot\"",
      "src/generated/g.ts": "\"@preset/ignored-nested\"",
      ".git/HEAD": "\"@preset/in-git\"",
    ])
    defer { repo.remove() }
    try repo.write("src/bin.dat", bytes: Array("ab".utf8) + [0] + Array("\"@preset/in-binary\"".utf8))
    let run = try Binary.run(["refs"], in: repo.root)
    #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
    #expect(run.stdout.contains("src/app/main.ts:4:15: error[refs.unknown-preset]: `suport-bot`"), "\(run.stdout)")
    #expect(run.stdout.contains("did you mean `support-bot`?"))
    #expect(run.stdout.contains("src/app/x.py:1:"))
    #expect(run.stdout.contains("`ghost`"))
    #expect(run.stdout.contains("note[refs.unreferenced]: preset `unused-one`"))
    #expect(!run.stdout.contains("preset `support-bot` is not referenced"))
    for skipped in ["ignored-folder", "ignored-anchored", "ignored-glob", "ignored-nested", "in-git", "in-binary"] {
      #expect(!run.stdout.contains(skipped), "\(skipped) should be skipped")
    }
    #expect(run.stderr.contains("1 binary"), "\(run.stderr)")

    let json = try Binary.run(["refs", "src/app/main.ts", "--format", "json"], in: repo.root)
    let parsed = try JSONParser.parse(Array(json.stdout.utf8))
    let errors = parsed["diagnostics"]?.arrayValue?.filter { $0["severity"]?.stringValue == "error" } ?? []
    #expect(errors.count == 1)
    #expect(errors.first?["line"]?.numberValue == 4)

    try repo.write("src/app/x.py", "print('no refs')\n")
    try repo.write("src/app/main.ts", "\"@preset/support-bot\"\n")
    let clean = try Binary.run(["refs", "src"], in: repo.root)
    #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
  }
}
