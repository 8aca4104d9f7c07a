import Foundation
import OpenRouterFake
import Testing

@testable import PresetKit

/// Messages that say what to do: each names the thing, the reason and the fix (issue 18's cases).
@Suite(.serialized) struct ErrorMessageTests {
  @Test func tooLongSlugSaysItsLengthAndTheLimit() throws {
    let slug = String(repeating: "a", count: 70)
    let repo = try TempRepo(["presets/a.yaml": "slug: \(slug)\nskin: chat\nrequest: {model: openai/gpt-5.4}\n"])
    defer { repo.remove() }
    let run = try Binary.run(["validate"], in: repo.root)
    #expect(run.status == 1)
    #expect(run.stdout.contains("is 70 characters long, over the limit of 64; shorten it"), "\(run.stdout)")
  }

  @Test func apiKeyFileThatIsAFolderSaysSo() throws {
    let f = try ReconcileFixture(ErrorPathTests.files)
    defer { f.stop() }
    try FileManager.default.createDirectory(
      at: f.repo.root.appendingPathComponent("keys"), withIntermediateDirectories: true)
    let run = try f.run(["plan", "--api-key-file", "keys"], key: nil)
    #expect(run.status == 1)
    #expect(run.stderr.contains("cannot read the API key file keys: it is a folder; name the file that holds the key"))
    #expect(!run.stderr.contains("NSCocoaErrorDomain") && !run.stderr.contains("Code="), "\(run.stderr)")
  }

  @Test func unauthorizedNamesTheKeyFileItCameFrom() throws {
    let f = try ReconcileFixture(ErrorPathTests.files)
    defer { f.stop() }
    try f.repo.write("wrong.txt", "sk-or-v1-not-the-right-key-000000\n")
    let fromFile = try f.run(["plan", "--api-key-file", "wrong.txt"], key: nil)
    #expect(fromFile.status == 1 && fromFile.stderr.contains("error[remote.http.401]"), "\(fromFile.stderr)")
    #expect(fromFile.stderr.contains("the file wrong.txt given by --api-key-file"), "\(fromFile.stderr)")
    #expect(!fromFile.stderr.contains("not-the-right-key"))
    let fromEnvironment = try f.run(["plan"], key: "sk-or-v1-not-the-right-key-000000")
    #expect(fromEnvironment.stderr.contains("check the API key (from OPENROUTER_API_KEY)"), "\(fromEnvironment.stderr)")
  }

  @Test func diffBaseInARepositoryWithoutCommitsSaysCommitFirst() throws {
    let fixture = try GitFixture(["presets/a.yaml": ReconcileFixture.preset("alpha")])
    defer { fixture.cleanUp() }
    let run = try fixture.presetctl(["diff", "--base", "HEAD"])
    #expect(run.status == 1)
    #expect(run.stderr.contains("error[git.revision]"), "\(run.stderr)")
    #expect(run.stderr.contains("has no commits yet") && run.stderr.contains("commit the presets first"))
    #expect(!run.stderr.contains("fetch-depth"), "\(run.stderr)")
    try fixture.commit("first")
    let unknown = try fixture.presetctl(["diff", "--base", "nosuch"])
    #expect(unknown.stderr.contains("unknown revision 'nosuch'") && unknown.stderr.contains("fetch-depth: 0"))
  }

  @Test func validateOfABundleSaysItIsABundleAndWhatToGive() throws {
    let repo = try TempRepo(ErrorPathTests.files)
    defer { repo.remove() }
    #expect(try Binary.run(["build"], in: repo.root).status == 0)
    let run = try Binary.run(["validate", "build/presets.bundle.json"], in: repo.root)
    #expect(run.status == 1)
    #expect(run.stderr.hasPrefix("error[input.compiled-file]: this is a presetctl bundle"), "\(run.stderr)")
    #expect(run.stderr.contains("give the preset folder or YAML file it was built from"))
    #expect(!run.stderr.contains("unknown key"))
  }

  @Test func oneLetterOptionsListCloseLongOptions() throws {
    let repo = try TempRepo(ErrorPathTests.files)
    defer { repo.remove() }
    let build = try Binary.run(["build", "-o", "x.json"], in: repo.root)
    #expect(build.status == 1)
    #expect(build.stderr.hasPrefix("error[cli.unknown-option]: unknown option '-o'"), "\(build.stderr)")
    #expect(build.stderr.contains("did you mean '--output'?"))
    #expect(!build.stderr.contains("two dashes"))
    let diff = try Binary.run(["diff", "-e", "x"], in: repo.root)
    #expect(diff.stderr.contains("did you mean '--env'?"), "\(diff.stderr)")
    let none = try Binary.run(["validate", "-q"], in: repo.root)
    #expect(none.stderr.contains("has no option like that; see 'presetctl validate --help'"), "\(none.stderr)")
  }

  @Test func badOptionValuesNameTheOptionTheRangeAndTheValue() throws {
    let f = try ReconcileFixture(ErrorPathTests.files)
    defer { f.stop() }
    let run = try Binary.run(["plan", "--retries", "many"], in: f.repo.root)
    #expect(run.status == 1)
    #expect(run.stderr.contains("error[cli.usage]: --retries must be a whole number from 0 to 100, got 'many'"))
    let rollback = try f.run(["rollback", "alpha", "--to", "zero"])
    #expect(rollback.stderr.contains("rollback needs --to N") && rollback.stderr.contains("got 'zero'"))
  }
}
