import Foundation
import Testing

@testable import PresetCore
@testable import PresetKit

/// Runs the built `presetctl` binary like a user or CI job would.
@Suite struct CLIEndToEndTests {
  static let good =
    "slug: a\nskin: chat\nrequest:\n  model: openai/gpt-5.4\n  messages: [{role: system, content: hi}]\n"
  static let bad = "slug: b\nskin: chat\nrequest:\n  model: openai/gpt-5.4\n  stream: on\n"

  @Test func versionAndHelp() throws {
    let here = FileManager.default.temporaryDirectory
    let version = try Binary.run(["--version"], in: here)
    #expect(version.status == 0)
    #expect(version.stdout == "presetctl \(PresetKit.version)\n")
    #expect(try Binary.run(["version"], in: here).stdout == version.stdout)
    let help = try Binary.run(["--help"], in: here)
    #expect(help.status == 0 && help.stdout.contains("commands:") && help.stdout.contains("build"))
    for command in ["validate", "build", "version"] {
      let sub = try Binary.run([command, "--help"], in: here)
      #expect(sub.status == 0 && sub.stdout.contains("usage: presetctl \(command)"), "\(command)")
    }
  }

  @Test func unknownCommandAndFlagAreErrorsWithHints() throws {
    let here = FileManager.default.temporaryDirectory
    let command = try Binary.run(["biuld"], in: here)
    #expect(command.status == 1 && command.stderr.contains("did you mean 'build'?"))
    let flag = try Binary.run(["build", "--ouptut", "x"], in: here)
    #expect(flag.status == 1 && flag.stderr.contains("did you mean '--output'?"))
    let format = try Binary.run(["validate", "--format", "xml"], in: here)
    #expect(format.status == 1 && format.stderr.contains("unknown format 'xml'"))
  }

  @Test func validateFormatsAndExitCodes() throws {
    let repo = try TempRepo(["presets/good.yaml": Self.good, "presets/bad.yaml": Self.bad])
    defer { repo.remove() }
    let text = try Binary.run(["validate"], in: repo.root)
    #expect(text.status == 1)
    #expect(text.stdout.hasPrefix("presets/bad.yaml:5:11: error[yaml.ambiguous-scalar]: "))
    #expect(text.stdout.contains(" 5 |   stream: on\n   |           ^\n"))
    let json = try Binary.run(["validate", "--format", "json"], in: repo.root)
    let value = try JSONParser.parse(json.stdout)
    let first = try #require(value["diagnostics"]?.arrayValue?.first)
    #expect(first["code"] == "yaml.ambiguous-scalar")
    #expect(first["file"] == "presets/bad.yaml" && first["line"] == 5 && first["column"] == 11)
    #expect(first["path"] == "/request/stream")
    let github = try Binary.run(["validate", "--format", "github"], in: repo.root)
    #expect(github.stdout.hasPrefix("::error file=presets/bad.yaml,line=5,col=11,title=yaml.ambiguous-scalar::"))
    let clean = try Binary.run(["validate", "presets/good.yaml"], in: repo.root)
    #expect(clean.status == 0 && clean.stdout.contains("1 preset(s) in 1 file(s) are valid"))
  }

  @Test func buildWritesAtomicallyAndNotOnErrors() throws {
    let repo = try TempRepo(["presets/good.yaml": Self.good])
    defer { repo.remove() }
    let ok = try Binary.run(["build"], in: repo.root)
    #expect(ok.status == 0, "\(ok.stderr)")
    let bundle = try repo.read("build/presets.bundle.json")
    #expect(bundle.contains("\"format\": \"presetctl.bundle/v2\""))
    #expect(
      ok.stdout.contains("chat  openai/gpt-5.4")
        && ok.stdout.contains("1 preset(s) written to build/presets.bundle.json"))
    let json = try Binary.run(["build", "--format", "json", "--output", "out/b.json"], in: repo.root)
    #expect(try JSONParser.parse(json.stdout)["output"] == "out/b.json")
    #expect(try repo.read("out/b.json") == bundle)
    try repo.write("presets/bad.yaml", Self.bad)
    let failed = try Binary.run(["build"], in: repo.root)
    #expect(failed.status == 1 && failed.stderr.contains("was not written"))
    #expect(try repo.read("build/presets.bundle.json") == bundle)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: repo.path("build"))
    #expect(leftovers == ["presets.bundle.json"])
  }
}
