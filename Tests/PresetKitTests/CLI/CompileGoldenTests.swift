import Foundation
import Testing

@testable import PresetKit

/// The built binary on fixture repositories (`Tests/Fixtures/compile/`), compared with golden outputs.
@Suite(.serialized) struct CompileGoldenTests {
  @Test func goodRepositoryBundleAndSummaries() throws {
    let repo = try TempRepo(try Golden.repository("compile/good"))
    defer { repo.remove() }
    let text = try Binary.run(["build"], in: repo.root)
    #expect(text.status == 0, "\(text.stderr)")
    #expect(text.stderr.contains("note[compile.ignored-messages]"))
    try Golden.check(text.stdout, "compile/good.build.txt")
    try Golden.check(try repo.read("build/presets.bundle.json"), "compile/good.bundle.json")
    let json = try Binary.run(["build", "--format", "json", "--output", "out/b.json"], in: repo.root)
    try Golden.check(json.stdout, "compile/good.build.json")
    let staging = try Binary.run(["build", "--env", "staging", "--output", "out/staging.json"], in: repo.root)
    try Golden.check(staging.stdout, "compile/good.build-staging.txt")
    let validate = try Binary.run(["validate", "--format", "json"], in: repo.root)
    #expect(validate.status == 0)
    try Golden.check(validate.stdout, "compile/good.validate.json")
  }

  @Test(arguments: ["text", "json", "github", "markdown"])
  func badRepositoryDiagnostics(format: String) throws {
    let repo = try TempRepo(try Golden.repository("compile/bad"))
    defer { repo.remove() }
    let run = try Binary.run(["validate", "--format", format], in: repo.root)
    #expect(run.status == 1)
    try Golden.check(run.stdout, "compile/bad.validate.\(format == "markdown" ? "md" : format)")
    let build = try Binary.run(["build", "--format", format], in: repo.root)
    #expect(build.status == 1)
    #expect(!FileManager.default.fileExists(atPath: repo.path("build/presets.bundle.json")))
  }
}
