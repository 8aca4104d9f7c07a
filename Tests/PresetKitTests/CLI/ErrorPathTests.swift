import Foundation
import OpenRouterFake
import Testing

@testable import PresetCore
@testable import PresetKit

/// One error path: every operational error has a stable code and comes out in the command's `--format`.
@Suite(.serialized) struct ErrorPathTests {
  static let files = ["presets/a.yaml": ReconcileFixture.preset("alpha")]

  /// The codes of the `{"diagnostics": [...]}` document on stdout; nil when stdout is not that document.
  static func codes(_ stdout: String) -> [String]? {
    guard let json = try? JSONParser.parse(Array(stdout.utf8)), case .array(let items)? = json["diagnostics"] else {
      return nil
    }
    return items.compactMap { $0["code"]?.stringValue }
  }

  @Test func everyCommandFailingInJSONPrintsOneParseableDocumentWithTheCode() throws {
    let f = try ReconcileFixture(Self.files)
    defer { f.stop() }
    try FileManager.default.createDirectory(
      at: f.repo.root.appendingPathComponent("keydir"), withIntermediateDirectories: true)
    let cases: [(arguments: [String], key: String?, code: String)] = [
      (["validate", "--format", "json", "--frob"], ReconcileFixture.key, "cli.unknown-option"),
      (["build", "--format", "json", "-o", "x.json"], ReconcileFixture.key, "cli.unknown-option"),
      (["plan", "--format", "json"], nil, "remote.missing-key"),
      (["apply", "--format", "json", "--api-key-file", "keydir"], nil, "remote.missing-key"),
      (["drift", "--format", "json", "--parallelism", "0"], ReconcileFixture.key, "cli.usage"),
      (["explain", "nosuch", "--format", "json"], ReconcileFixture.key, "input.unknown-preset"),
      (["promote", "--format", "json", "--from", "staging"], ReconcileFixture.key, "cli.usage"),
      (["diff", "--format", "json"], ReconcileFixture.key, "cli.usage"),
      (["import", "--format", "json", "--all", "--into", "x"], ReconcileFixture.key, "cli.unknown-option"),
      (["rollback", "alpha", "--format=json"], ReconcileFixture.key, "cli.unknown-option"),
      (["frob", "--format", "json"], ReconcileFixture.key, "cli.unknown-command"),
      (["explain", "alpha", "--format=json", "--format", "json"], ReconcileFixture.key, "cli.usage"),
      (
        ["promote", "--format", "json", "--from", "a", "--to", "b"], ReconcileFixture.key, "config.unknown-environment"
      ),
    ]
    for (arguments, key, code) in cases {
      var environment = ["OPENROUTER_API_URL": f.fake.baseURL.absoluteString]
      environment["OPENROUTER_API_KEY"] = key
      let run = try Binary.run(arguments, in: f.repo.root, environment: environment)
      #expect(!run.stdout.contains(ReconcileFixture.key) && !run.stderr.contains(ReconcileFixture.key))
      #expect(run.status == 1, "\(arguments)")
      let found = Self.codes(run.stdout)
      #expect(found?.contains(code) == true, "\(arguments): \(run.stdout) \(run.stderr)")
      // The document is the whole of stdout; nothing is left as plain text on stderr.
      #expect(!run.stderr.contains("error"), "\(arguments): \(run.stderr)")
    }
    // A --format value that names no format cannot be followed: that error is text, naming the formats.
    let yaml = try f.run(["plan", "--format", "yaml"])
    #expect(yaml.status == 1 && yaml.stdout.isEmpty)
    #expect(yaml.stderr.hasPrefix("error[cli.format]: unknown format 'yaml'") && yaml.stderr.contains("text, json"))
  }

  @Test func compileErrorsOfPlanAreInTheJSONDocument() throws {
    let f = try ReconcileFixture(["presets/a.yaml": "slug: a\nskin: chat\nrequest: {model: x, stream: on}\n"])
    defer { f.stop() }
    let run = try f.run(["plan", "--format", "json"])
    #expect(run.status == 1)
    let codes = try #require(Self.codes(run.stdout), "\(run.stdout)")
    #expect(codes.contains("yaml.ambiguous-scalar") && codes.last == "input.does-not-compile", "\(codes)")
    #expect(f.fake.requests.isEmpty)
  }

  @Test func networkFailuresAreAnnotationsInGitHubFormat() throws {
    let f = try ReconcileFixture(Self.files)
    defer { f.stop() }
    f.fake.inject(.reset, method: "GET", times: 100)
    for command in ["plan", "drift"] {
      let run = try f.run([command, "--format", "github"])
      #expect(run.status == 1, "\(command)")
      #expect(run.stdout.contains("::error title=remote.transport::"), "\(command): \(run.stdout) \(run.stderr)")
      #expect(run.stdout.contains("the run can be repeated safely"))
    }
    let json = try f.run(["drift", "--format", "json"])
    #expect(Self.codes(json.stdout) == ["remote.transport"], "\(json.stdout)")
  }

  @Test func textKeepsErrorCodeMessageAndHint() throws {
    let f = try ReconcileFixture(Self.files)
    defer { f.stop() }
    let run = try f.run(["plan"], key: nil)
    #expect(run.status == 1 && run.stdout.isEmpty)
    #expect(run.stderr.hasPrefix("error[remote.missing-key]: no OpenRouter API key"), "\(run.stderr)")
    #expect(run.stderr.contains("  hint: set OPENROUTER_API_KEY, or pass --api-key-file FILE"))
  }

  @Test func withStdoutTakenByThePlanErrorsGoToStderrInTheFormat() throws {
    let f = try ReconcileFixture(Self.files)
    defer { f.stop() }
    let run = try f.run(["plan", "--out", "-", "--format", "json"], key: nil)
    #expect(run.status == 1 && run.stdout.isEmpty, "\(run.stdout)")
    #expect(Self.codes(run.stderr) == ["remote.missing-key"], "\(run.stderr)")
  }

  @Test func helpSaysWhereErrorsGo() throws {
    let help = try Binary.run(["--help"], in: FileManager.default.temporaryDirectory)
    #expect(help.stdout.contains("Errors come out in the command's --format"))
    let plan = try Binary.run(["plan", "--help"], in: FileManager.default.temporaryDirectory)
    #expect(plan.stdout.contains("github (the text report, errors as annotations"))
  }

  @Test func requestedFormatIsReadBeforeOptionsParse() {
    #expect(CommandLineTool.requestedFormat(["plan", "--format", "json", "-o"]) == .json)
    #expect(CommandLineTool.requestedFormat(["plan", "--format=github"]) == .github)
    #expect(CommandLineTool.requestedFormat(["plan", "--format", "xml"]) == nil)
    #expect(CommandLineTool.requestedFormat(["plan", "--", "--format", "json"]) == nil)
  }
}
