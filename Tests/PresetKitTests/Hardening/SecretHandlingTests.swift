import Foundation
import OpenRouterFake
import Testing

@testable import PresetKit
@testable import PresetModel

extension Hardening {
  /// The API key never reaches stdout, stderr, files or error messages: for every command that takes a key, with
  /// the key from the environment or a file, against a healthy fake and one that echoes the key back.
  @Suite struct SecretHandlingTests {
    static let files = [
      "presets/alpha.yaml": ReconcileFixture.preset("alpha"),
      "presets/beta.yaml": ReconcileFixture.preset("beta", temperature: 0.7),
      "presets/presetctl.yaml": """
      environments:
        staging: {slug: "{slug}-staging"}
        production: {slug: "{slug}"}

      """,
    ]

    /// Every command that talks to the API, in an order where each has something to do.
    static let commands: [[String]] = [
      ["plan", "presets", "--out", "saved-plan.json", "--format", "json"],
      ["apply", "saved-plan.json"],
      ["apply", "--yes", "presets", "--format", "markdown"],
      ["drift", "presets", "--include-unmanaged", "--format", "json"],
      ["import", "--all", "--into", "imported", "--force"],
      ["rollback", "alpha", "--to", "1", "--yes"],
      ["promote", "presets", "--from", "staging", "--to", "production", "--format", "json"],
    ]

    /// Every byte under `folder` (the repository, including files the commands wrote).
    static func allFileContents(_ folder: URL) -> [(String, Data)] {
      guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else {
        return []
      }
      var out: [(String, Data)] = []
      for case let url as URL in enumerator {
        if let data = try? Data(contentsOf: url) { out.append((url.path, data)) }
      }
      return out
    }

    static func expectNoKey(in fixture: ReconcileFixture, _ outputs: [MeasuredProcess.Result]) {
      let key = ReconcileFixture.key
      for output in outputs {
        #expect(!output.output.contains(key), "key in the output of a command")
        // A long piece of the key is as bad as all of it.
        #expect(!output.output.contains(String(key.suffix(24))), "a piece of the key in an output")
      }
      for (path, data) in allFileContents(fixture.repo.root) {
        #expect(data.range(of: Data(key.utf8)) == nil, "key written into \(path)")
      }
    }

    func runAll(_ fixture: ReconcileFixture, keyFile: String?) async throws -> [MeasuredProcess.Result] {
      var environment = ["OPENROUTER_API_URL": fixture.fake.baseURL.absoluteString]
      var keyArguments: [String] = []
      if let keyFile {
        keyArguments = ["--api-key-file", keyFile]
      } else {
        environment["OPENROUTER_API_KEY"] = ReconcileFixture.key
      }
      var results: [MeasuredProcess.Result] = []
      for command in Self.commands {
        // promote takes no key file option in every version; keep it on the environment then.
        let arguments = command + (command[0] == "promote" && keyFile != nil ? [] : keyArguments)
        var env = environment
        if command[0] == "promote", keyFile != nil { env["OPENROUTER_API_KEY"] = ReconcileFixture.key }
        results.append(
          try await MeasuredProcess.run(
            arguments + ["--retries", "1", "--timeout", "2"], in: fixture.repo.root, environment: env))
      }
      return results
    }

    @Test func healthyServerKeyFromEnvironment() async throws {
      let f = try ReconcileFixture(Self.files)
      defer { f.stop() }
      let results = try await runAll(f, keyFile: nil)
      #expect(results[0].exitStatus == 0, "plan: \(results[0].output.prefix(400))")
      #expect(results[1].exitStatus == 0, "apply: \(results[1].output.prefix(400))")
      #expect(f.fake.presetCount == 2)
      for (command, result) in zip(Self.commands, results) {
        // 0 or 2 (drift/promote: differences found); never a usage or transport error.
        #expect(result.exitStatus == 0 || result.exitStatus == 2, "\(command): \(result.output.prefix(400))")
      }
      Self.expectNoKey(in: f, results)
    }

    @Test func healthyServerKeyFromFile() async throws {
      let f = try ReconcileFixture(Self.files)
      defer { f.stop() }
      let keyFile = FileManager.default.temporaryDirectory.appendingPathComponent("key-\(UUID().uuidString)")
      try Data((ReconcileFixture.key + "\n").utf8).write(to: keyFile)
      defer { try? FileManager.default.removeItem(at: keyFile) }
      let results = try await runAll(f, keyFile: keyFile.path)
      #expect(results[0].exitStatus == 0, "plan: \(results[0].output.prefix(400))")
      Self.expectNoKey(in: f, results)
    }

    /// The server answers every request with a 401 whose message repeats the Authorization header.
    @Test func serverEchoingTheKey() async throws {
      let f = try ReconcileFixture(Self.files)
      defer { f.stop() }
      f.fake.inject(.echoKey, times: 1000)
      let results = try await runAll(f, keyFile: nil)
      for (command, result) in zip(Self.commands, results) {
        #expect(result.exitStatus != 0, "\(command[0]) succeeded against a server refusing everything")
      }
      // `plan --format json` reports the failure in its JSON document on stdout.
      #expect(results[0].stdout.contains("\"code\": \"remote.http.401\""), "\(results[0].output)")
      Self.expectNoKey(in: f, results)
    }

    /// Keys written into preset files (prompts, headers) are flagged by prompt lint (`lint.secret`, an error by
    /// default), so a build refuses to bundle them.
    @Test func keyInAPromptIsFlagged() async throws {
      let repo = try TempRepo([
        "presets/a.yaml": ReconcileFixture.preset("alpha", prompt: "Use key sk-or-v1-0123456789abcdef0123456789abcdef")
      ])
      defer { repo.remove() }
      let result = try await MeasuredProcess.run(["validate", "presets"], in: repo.root)
      #expect(result.output.contains("error[lint.secret]"), "\(result.output)")
    }
  }
}
