import Foundation
import Testing

@testable import PresetCore
@testable import PresetKit
@testable import PresetModel
@testable import PresetSchema

/// `presetctl init [DIR]`: a starter tree that validates at once, is deterministic, and never overwrites.
@Suite struct InitCommandTests {
  @Test func initThenValidateExitsZero() throws {
    let repo = try TempRepo()
    defer { repo.remove() }
    let initialised = try Binary.run(["init", "team"], in: repo.root)
    #expect(initialised.status == 0, "\(initialised.stderr)")
    #expect(initialised.stdout.contains("wrote team/.github/workflows/presets.yml"))
    let validate = try Binary.run(["validate", "team/presets"], in: repo.root)
    #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
    #expect(!validate.stdout.contains("warning") && !validate.stderr.contains("warning"), "\(validate.stdout)")
    // Every environment compiles too, and there is one preset per skin.
    let build = try Binary.run(["build", "team/presets", "--output", "-"], in: repo.root)
    let bundle = try PresetBundle(json: try JSONParser.parse(build.stdout))
    #expect(Set(bundle.presets.map(\.skin)) == Set(Skin.allCases))
    #expect(try Binary.run(["validate", "team/presets", "--env", "staging"], in: repo.root).status == 0)
  }

  @Test func deterministicAndTheWorkflowIsTheCIExample() throws {
    let repo = try TempRepo()
    defer { repo.remove() }
    #expect(try Binary.run(["init", "one"], in: repo.root).status == 0)
    #expect(try Binary.run(["init", "two"], in: repo.root).status == 0)
    for file in InitTemplate.files {
      #expect(try repo.read("one/" + file.path) == repo.read("two/" + file.path), "\(file.path)")
    }
    let example = try String(
      contentsOf: Shared.packageRoot.appendingPathComponent(".ci/github-workflow.yml"), encoding: .utf8)
    #expect(
      InitTemplate.workflow == example,
      "InitTemplate+Workflow.swift is out of date: run .ci/embed-workflow after editing .ci/github-workflow.yml")
    #expect(try repo.read("one/.github/workflows/presets.yml") == example)
  }

  /// One existing file (any node) refuses the whole init: nothing else is written.
  @Test func refusesToOverwriteAndWritesNothing() throws {
    let repo = try TempRepo(["team/presets/_defaults.yaml": "# mine\n"])
    defer { repo.remove() }
    let refused = try Binary.run(["init", "team"], in: repo.root)
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("error[init.exists]: team/presets/_defaults.yaml already exists"))
    #expect(try repo.read("team/presets/_defaults.yaml") == "# mine\n")
    #expect(!FileManager.default.fileExists(atPath: repo.path("team/presets/presetctl.yaml")))
    #expect(!FileManager.default.fileExists(atPath: repo.path("team/.github")))
    // A dangling symlink counts as existing (writing through it would create a file elsewhere).
    try FileManager.default.createDirectory(atPath: repo.path("other/presets"), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: repo.path("other/presets/example-chat.yaml"), withDestinationPath: repo.path("elsewhere.yaml"))
    let link = try Binary.run(["init", "other"], in: repo.root)
    #expect(link.status == 1 && link.stderr.contains("example-chat.yaml already exists"))
    #expect(!FileManager.default.fileExists(atPath: repo.path("elsewhere.yaml")))
  }
}
