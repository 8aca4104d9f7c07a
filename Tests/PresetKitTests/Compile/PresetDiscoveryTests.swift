import Foundation
import Testing

@testable import PresetCompiler
@testable import PresetCore
@testable import PresetKit
@testable import PresetModel

/// Which files a PATH holds: a PATH without presets is an error (unless `--allow-empty`), and files with a
/// miscased `.YAML`/`.YML` extension are reported, never skipped silently.
@Suite struct PresetDiscoveryTests {
  static let good =
    "slug: a\nskin: chat\nrequest:\n  model: openai/gpt-5.4\n  messages: [{role: system, content: hi}]\n"

  static func compile(_ repo: TempRepo, _ paths: [String] = ["presets"], require: Bool = true) -> CompileResult {
    var options = Compiler.Options()
    options.requirePresets = require
    return Compiler(options: options).compile(paths: paths.map { repo.path($0) })
  }

  static func codes(_ result: CompileResult, _ severity: Diagnostic.Severity) -> [String] {
    result.diagnostics.filter { $0.severity == severity }.map(\.code)
  }

  @Test func miscasedExtensionsAreListedAndWarnedAboutNotRead() throws {
    let repo = try TempRepo([
      "presets/a.yaml": Self.good, "presets/b.YAML": "x: 1\n", "presets/c.Yml": "x: 1\n",
      "presets/sub/d.yAmL": "x: 1\n", "presets/_defaults.YAML": "skin: chat\n", "presets/e.txt": "x\n",
      "presets/.hidden/f.YAML": "x: 1\n", "presets/g.yaml.bak": "x\n",
    ])
    defer { repo.remove() }
    let listing = try RepositoryLayout(containing: repo.path("presets")).listing(under: repo.path("presets"))
    #expect(listing.files.map(\.relativePath) == ["presets/a.yaml"])
    #expect(
      listing.miscased == ["presets/_defaults.YAML", "presets/b.YAML", "presets/c.Yml", "presets/sub/d.yAmL"])
    let result = Self.compile(repo)
    #expect(!result.hasErrors, "\(result.diagnostics)")
    #expect(result.presets.map(\.slug) == ["a"])
    let warnings = result.diagnostics.filter { $0.code == "input.extension-case" }
    #expect(
      warnings.map(\.message) == [
        "presets/_defaults.YAML is not read: rename to .yaml", "presets/b.YAML is not read: rename to .yaml",
        "presets/c.Yml is not read: rename to .yml", "presets/sub/d.yAmL is not read: rename to .yaml",
      ])
    #expect(warnings.allSatisfy { $0.severity == .warning && $0.location?.file.hasPrefix("presets/") == true })
  }

  @Test func anEmptyFolderIsAnErrorNamingThePathUnlessAllowed() throws {
    let repo = try TempRepo(["presets/README.md": "nothing here\n"])
    defer { repo.remove() }
    let result = Self.compile(repo)
    #expect(Self.codes(result, .error) == ["input.no-presets"])
    let message = try #require(result.diagnostics.first?.message)
    #expect(message.contains(repo.path("presets")) && message.contains("*.yaml and *.yml"), "\(message)")
    #expect(result.diagnostics.first?.hint?.contains("--allow-empty") == true)
    // Allowed (`--allow-empty`), and for library callers by default.
    #expect(!Self.compile(repo, require: false).hasErrors)
    #expect(!Compiler().compile(path: repo.path("presets")).hasErrors)
  }

  @Test func onlyMiscasedFilesGiveTheErrorAndTheRenameHint() throws {
    let repo = try TempRepo(["presets/a.YAML": Self.good])
    defer { repo.remove() }
    let result = Self.compile(repo)
    #expect(Self.codes(result, .error) == ["input.no-presets"])
    #expect(Self.codes(result, .warning) == ["input.extension-case"])
    #expect(result.diagnostics.contains { $0.hint?.contains("rename") == true && $0.code == "input.no-presets" })
  }

  @Test func filesWithOnlyEmptyDocumentsAreNoPresets() throws {
    let repo = try TempRepo(["presets/a.yaml": "---\n# nothing yet\n---\n"])
    defer { repo.remove() }
    let result = Self.compile(repo)
    #expect(Self.codes(result, .error) == ["input.no-presets"])
    #expect(result.diagnostics.first?.message.contains("only empty documents") == true)
    #expect(!Self.compile(repo, require: false).hasErrors)
  }

  /// With several PATHs each must hold preset files: one mistyped folder among good ones is still caught.
  @Test func everyPathMustHoldPresetFiles() throws {
    let repo = try TempRepo(["presets/a.yaml": Self.good, "other/notes.md": "x\n"])
    defer { repo.remove() }
    let result = Self.compile(repo, ["presets", "other"])
    #expect(Self.codes(result, .error) == ["input.no-presets"])
    #expect(result.diagnostics.first?.message.contains("other") == true)
    #expect(Self.compile(repo, ["presets"]).presets.count == 1)
  }

  @Test func aMissingPathIsAnErrorNamingIt() throws {
    let repo = try TempRepo()
    defer { repo.remove() }
    let result = Self.compile(repo, ["presest"], require: false)
    #expect(Self.codes(result, .error) == ["input.not-found"])
    #expect(result.diagnostics.first?.message.contains("presest") == true)
  }

  /// Every command that compiles a PATH refuses an empty one with exit 1, and accepts it with `--allow-empty`.
  @Test func commandsRefuseAnEmptyPathUnlessAllowed() throws {
    let repo = try TempRepo([
      "presets/a.YAML": Self.good,
      "presetctl.yaml": "environments:\n  prod:\n    slug: \"{slug}\"\n  canary:\n    slug: \"{slug}-canary\"\n",
    ])
    defer { repo.remove() }
    let env = ["OPENROUTER_API_URL": "http://127.0.0.1:9/api/v1", "OPENROUTER_API_KEY": "test-key"]
    for command in [
      ["validate"], ["build", "--output", "out.json"], ["plan"], ["apply", "--yes"], ["drift"],
      ["explain", "a", "presets"],
      ["promote", "--from", "canary", "--to", "prod"],
    ] {
      let run = try Binary.run(command, in: repo.root, environment: env)
      #expect(run.status == 1, "\(command)")
      #expect((run.stdout + run.stderr).contains("input.no-presets"), "\(command): \(run.stdout) \(run.stderr)")
      #expect((run.stdout + run.stderr).contains("presets/a.YAML is not read: rename to .yaml"), "\(command)")
      guard command[0] != "explain" else { continue }
      // Past the PATH check the remote commands fail on the closed port, at once without retries.
      let remote = ["plan", "apply", "drift", "promote"].contains(command[0]) ? ["--retries", "0"] : []
      let allowed = try Binary.run(command + ["--allow-empty"] + remote, in: repo.root, environment: env)
      #expect(!(allowed.stdout + allowed.stderr).contains("input.no-presets"), "\(command) --allow-empty")
    }
    let validate = try Binary.run(["validate", "--allow-empty"], in: repo.root)
    #expect(validate.status == 0 && validate.stdout.contains("0 preset(s) in 0 file(s) are valid"))
    #expect(try Binary.run(["build", "--allow-empty", "--output", "out.json"], in: repo.root).status == 0)
    let typo = try Binary.run(["validate", "presest"], in: repo.root)
    #expect(typo.status == 1 && (typo.stdout + typo.stderr).contains("no such file or folder: presest"))
  }

  /// `diff --base`: one empty side is a folder added or removed (allowed); both empty is the mistyped-PATH error.
  @Test func diffRefusesTwoEmptySidesButNotOne() throws {
    let fixture = try GitFixture(["presets/README.md": "later\n"])
    defer { fixture.cleanUp() }
    try fixture.commit("empty presets folder")
    let both = try fixture.presetctl(["diff", "--base", "HEAD"])
    #expect(both.status == 1 && both.stderr.contains("input.no-presets"), "\(both.stdout) \(both.stderr)")
    #expect(try fixture.presetctl(["diff", "--base", "HEAD", "--allow-empty"]).status == 0)
    try fixture.write(["presets/a.yaml": Self.good, "presets/b.YML": Self.good])
    let added = try fixture.presetctl(["diff", "--base", "HEAD"])
    #expect(added.status == 0 && added.stdout.contains("a"), "\(added.stdout) \(added.stderr)")
    #expect(added.stderr.contains("presets/b.YML is not read: rename to .yml"), "\(added.stderr)")
  }
}
