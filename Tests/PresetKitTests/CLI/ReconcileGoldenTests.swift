import Foundation
import Testing

@testable import PresetCore
@testable import PresetKit
@testable import PresetRender

/// `plan`, `drift`, `apply`, `promote` and `rollback` output, byte for byte, through the built binary against the
/// fake: the repository `Tests/Fixtures/golden/repo/`, the outputs `Tests/Fixtures/golden/<command>-<step>.<ext>`
/// (`PRESETCTL_UPDATE_GOLDENS=1` rewrites them). Each format runs the same story on a fresh fake, whose clock and
/// version numbers start over, so the outputs are deterministic; `GoldenNormaliser` covers what is not.
@Suite(.serialized) struct ReconcileGoldenTests {
  /// File endings by format.
  static let endings: [OutputFormat: String] = [.text: "txt", .json: "json", .markdown: "md"]

  /// The fixture on the golden repository; presets are edited in the temporary copy only.
  static func fixture() throws -> ReconcileFixture {
    try ReconcileFixture(try Golden.repository("golden/repo"))
  }

  /// Runs `arguments`, checks the exit status, and compares stdout (and stderr, when there is any) with
  /// `golden/<name>`.
  static func check(
    _ f: ReconcileFixture, _ arguments: [String], status: Int32, _ name: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let output = try f.run(arguments)
    #expect(output.status == status, "\(arguments): \(output.stderr)", sourceLocation: sourceLocation)
    var text = output.stdout
    if !output.stderr.isEmpty { text += "--- stderr\n" + output.stderr }
    let stable = GoldenNormaliser.normalise(text, api: f.fake.baseURL, folders: [f.repo.root])
    try Golden.check(stable, "golden/\(name)", sourceLocation: sourceLocation)
  }

  /// The edit between the first and the second apply: a config value and a prompt line change.
  static func editAlpha(_ f: ReconcileFixture) throws {
    let alpha = try #require(try Golden.repository("golden/repo")["presets/alpha.yaml"])
    try f.repo.write("presets/alpha.yaml", alpha.replacingOccurrences(of: "temperature: 0.5", with: "temperature: 0.9"))
    try f.repo.write("presets/prompts/alpha.md", "You answer support tickets.\nBe brief and kind.\n")
  }

  @Test("plan, apply and drift: create, in sync, update", arguments: [OutputFormat.text, .json, .markdown])
  func planApplyDrift(format: OutputFormat) throws {
    let f = try Self.fixture()
    defer { f.stop() }
    let ext = try #require(Self.endings[format])
    let flags = ["--format", format.rawValue]
    try Self.check(f, ["plan", "--detailed-exitcode"] + flags, status: 2, "plan-create.\(ext)")
    try Self.check(f, ["drift"] + flags, status: 2, "drift-missing.\(ext)")
    try Self.check(f, ["apply", "--yes"] + flags, status: 0, "apply-create.\(ext)")
    try Self.check(f, ["drift"] + flags, status: 0, "drift-in-sync.\(ext)")
    try Self.editAlpha(f)
    try Self.check(f, ["plan", "--detailed-exitcode"] + flags, status: 2, "plan-update.\(ext)")
    try Self.check(f, ["drift"] + flags, status: 2, "drift-drifted.\(ext)")
    try Self.check(f, ["apply", "--yes"] + flags, status: 0, "apply-update.\(ext)")
    try Self.check(f, ["apply", "--yes"] + flags, status: 0, "apply-unchanged.\(ext)")
  }

  @Test("promote (text and JSON) and rollback (text: its only format)")
  func promoteAndRollback() throws {
    let f = try Self.fixture()
    defer { f.stop() }
    #expect(try f.run(["apply", "--yes"]).status == 0)
    #expect(try f.run(["apply", "--yes", "--env", "staging"]).status == 0)
    try Self.check(f, ["promote", "--from", "production", "--to", "staging"], status: 0, "promote-same.txt")
    try Self.check(
      f, ["promote", "--from", "production", "--to", "staging", "--format", "json"], status: 0, "promote-same.json")
    try Self.editAlpha(f)
    #expect(try f.run(["apply", "--yes"]).status == 0)
    try Self.check(f, ["promote", "--from", "production", "--to", "staging"], status: 2, "promote-differs.txt")
    try Self.check(
      f, ["promote", "--from", "production", "--to", "staging", "--format", "json"], status: 2,
      "promote-differs.json")
    try Self.check(f, ["rollback", "alpha", "--to", "1", "--dry-run"], status: 0, "rollback-dry-run.txt")
    try Self.check(f, ["rollback", "alpha", "--to", "1", "--yes"], status: 0, "rollback.txt")
    try Self.check(f, ["rollback", "alpha", "--to", "1", "--yes"], status: 0, "rollback-nothing-to-do.txt")
  }
}
