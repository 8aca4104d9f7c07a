import Foundation
import OpenRouterFake
import Testing

@testable import PresetCore
@testable import PresetKit

/// `apply` asks on a terminal, skips the question with `--yes` or a saved plan, and refuses without a terminal.
@Suite(.serialized) struct ApplyConfirmationTests {
  /// Without a TTY (stdin is /dev/null in `Binary.run`) and without --yes: refused before any request.
  @Test func refusesWithoutATerminalThroughTheBinary() throws {
    let f = try ReconcileFixture(["presets/a.yaml": ReconcileFixture.preset("alpha")])
    defer { f.stop() }
    let refused = try f.run(["apply"])
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("error[apply.needs-confirmation]") && refused.stderr.contains("--yes"))
    #expect(refused.stderr.contains("presetctl apply plan.json"))
    #expect(f.fake.requests.isEmpty)
    #expect(try f.run(["apply", "--yes"]).status == 0)
  }

  @Test func dryRunPrintsThePlanInApplysFormatAndSendsNothing() throws {
    let f = try ReconcileFixture(["presets/a.yaml": ReconcileFixture.preset("alpha")])
    defer { f.stop() }
    let text = try f.run(["apply", "--dry-run"])
    #expect(text.status == 0, "\(text.stderr)")
    #expect(text.stdout.contains("plan: 1 to create, 0 to update, 0 unchanged, 0 unmanaged"))
    let json = try JSONParser.parse(try f.run(["apply", "--dry-run", "--format", "json", "--target", "alpha"]).stdout)
    #expect(json["has_changes"] == true && json["target"] == ["alpha"] as JSONValue)
    #expect(f.posts().isEmpty)
    #expect(try f.run(["plan", "--out", "plan.json"]).status == 0)
    let withPlan = try f.run(["apply", "plan.json", "--dry-run"])
    #expect(withPlan.status == 1 && withPlan.stderr.contains("apply.dry-run-plan"))
    #expect(f.posts().isEmpty)
  }

  struct Run {
    var status: Int32
    var out: String
    var err: String
  }

  /// Runs apply in-process with an injected terminal answering `answer` (nil: end of input).
  static func apply(_ f: ReconcileFixture, answer: String?, _ extra: [String] = []) async -> Run {
    await offPool { applyOnThisThread(f, answer: answer, extra) }
  }

  /// `apply`, blocking the calling thread.
  static func applyOnThisThread(_ f: ReconcileFixture, answer: String?, _ extra: [String]) -> Run {
    let out = OutputBox()
    let err = OutputBox()
    let console = Console(out: { out.append($0) }, err: { err.append($0) })
    let environment = ["OPENROUTER_API_URL": f.fake.baseURL.absoluteString, "OPENROUTER_API_KEY": ReconcileFixture.key]
    let status = CommandLineTool.run(
      ["apply", f.repo.path("presets"), "--retries", "1"] + extra,
      context: CommandLineTool.Context(
        environment: environment, console: console,
        confirmation: Confirmation(isInteractive: true, readAnswer: { answer })))
    return Run(status: status, out: out.text, err: err.text)
  }

  @Test func onATerminalOnlyYesProceeds() async throws {
    let f = try ReconcileFixture(["presets/a.yaml": ReconcileFixture.preset("alpha")])
    defer { f.stop() }
    for answer in ["no", "y", "YES", "", nil] as [String?] {
      let run = await Self.apply(f, answer: answer)
      #expect(run.status == 1, "\(String(describing: answer))")
      #expect(run.err.contains("+ create alpha") && run.err.contains("Only 'yes' will be accepted"))
      #expect(run.err.contains("apply cancelled: nothing was sent"))
      #expect(f.posts().isEmpty)
    }
    let yes = await Self.apply(f, answer: " yes ")
    #expect(yes.status == 0 && yes.out.contains("apply: 1 applied"), "\(yes.err)")
    #expect(f.posts().count == 1)
    // Nothing to change: nothing to ask.
    let again = await Self.apply(f, answer: nil)
    #expect(again.status == 0 && !again.err.contains("Only 'yes'"))
    // --yes never reads the answer.
    try f.repo.write("presets/a.yaml", ReconcileFixture.preset("alpha", temperature: 0.9))
    let skipped = await Self.apply(f, answer: "no", ["--yes"])
    #expect(skipped.status == 0 && !skipped.err.contains("Only 'yes'"))
  }
}
