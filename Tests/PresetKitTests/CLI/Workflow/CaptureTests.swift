import Foundation
import OpenRouterFake
import Testing

@testable import PresetCore
@testable import PresetKit
@testable import PresetModel
@testable import PresetSchema

/// `presetctl capture`: the written file compiles to exactly the version the fake stores for the same body.
@Suite struct CaptureTests {
  /// Bodies per skin, each with turns, per-call members, a prompt in parts and values normalisation drops.
  static let bodies: [(skin: Skin, body: String)] = [
    (
      .chat,
      #"""
      {"model": "openai/gpt-5.4", "temperature": 0.7, "stream": true, "max_completion_tokens": 300,
       "provider": {"sort": "price", "allow_fallbacks": true, "order": []}, "stop": null,
       "messages": [
         {"role": "system", "content": "You write marketing emails.\n  Indented line.\n\n"},
         {"role": "user", "content": "hi"},
         {"role": "developer", "content": [{"type": "text", "text": "Part one"}, {"type": "text", "text": "two\r\n"}]},
         {"role": "assistant", "content": "hello"}],
       "response_format": {"type": "text"}}
      """#
    ),
    (
      .messages,
      #"""
      {"model": "anthropic/claude-4.6-sonnet", "max_tokens": 1500, "stop_sequences": ["END"],
       "system": [{"type": "text", "text": "You draft refunds."}, {"type": "text", "text": "\u001b[31m red \u202e"}],
       "messages": [{"role": "user", "content": "refund?"}, {"role": "assistant", "content": "no"}]}
      """#
    ),
    (
      .responses,
      #"""
      {"model": "openai/gpt-5.4-mini", "max_output_tokens": 400, "store": false,
       "instructions": "   Turn release notes into posts.\n", "input": [{"role": "user", "content": "v2 is out"}, {"role": "assistant", "content": "ok"}],
       "text": {"format": {"type": "text"}}}
      """#
    ),
  ]

  /// What POSTing `body` to the fake's preset endpoint stores, as a version.
  static func storedVersion(_ body: String, skin: Skin) async throws -> PresetVersion? {
    let fake = try RemoteTest.startFake()
    defer { fake.stop() }
    let client = try RemoteTest.client(for: fake)
    let value = try JSONParser.parse(Array(body.utf8))
    let live = try await client.createVersion(
      slug: "captured", skin: skin, body: value, isAlreadyApplied: { _ in false })
    return live.model?.version
  }

  @Test(arguments: [false, true])
  func roundTripEqualsTheStoredVersionForAllSkins(promptFile: Bool) async throws {
    for (skin, body) in Self.bodies {
      let repo = try TempRepo(["body.json": body])
      defer { repo.remove() }
      let args = ["capture", "body.json", "--slug", "captured"] + (promptFile ? ["--prompt-file"] : [])
      let run = try Binary.run(args, in: repo.root)
      #expect(run.status == 0, "\(skin): \(run.stderr)")
      #expect(run.stdout.contains("(\(skin.rawValue), "), "\(run.stdout)")
      #expect(run.stderr.contains("note[capture.dropped-turns]: 2 user/assistant turn(s) dropped"), "\(run.stderr)")
      let result = repo.compile()
      #expect(!result.hasErrors, "\(skin): \(result.diagnostics)")
      #expect(!result.diagnostics.contains { $0.code == "compile.ignored-messages" })
      let expected = try await Self.storedVersion(body, skin: skin)
      #expect(expected != nil)
      #expect(result.presets.count == 1)
      #expect(result.presets.first?.model.version == expected, "\(skin) prompt-file=\(promptFile)")
      let yaml = try repo.read("presets/captured.yaml")
      #expect(yaml.contains("skin: \"\(skin.rawValue)\""))
      #expect(!yaml.contains("stream") && !yaml.contains("hello") && !yaml.contains("v2 is out"))
      #expect(FileManager.default.fileExists(atPath: repo.path("presets/captured.md")) == promptFile)
    }
  }

  @Test func ambiguousBodyIsAnErrorAndWritesNothing() throws {
    let repo = try TempRepo(["body.json": #"{"model": "x/y", "messages": [{"role": "user", "content": "hi"}]}"#])
    defer { repo.remove() }
    let run = try Binary.run(["capture", "body.json", "--slug", "a"], in: repo.root)
    #expect(run.status == 1)
    #expect(run.stderr.contains("error[capture.ambiguous-skin]"), "\(run.stderr)")
    #expect(run.stderr.contains("--skin chat or --skin messages"))
    #expect(!FileManager.default.fileExists(atPath: repo.path("presets/a.yaml")))
    let chosen = try Binary.run(["capture", "body.json", "--slug", "a", "--skin", "messages"], in: repo.root)
    #expect(chosen.status == 0, "\(chosen.stderr)")
  }

  @Test func refusesToOverwriteWithoutForce() throws {
    let repo = try TempRepo(["body.json": Self.bodies[2].body, "presets/a.yaml": "keep me\n"])
    defer { repo.remove() }
    let run = try Binary.run(["capture", "body.json", "--slug", "a"], in: repo.root)
    #expect(run.status == 1)
    #expect(run.stderr.contains("exists (use --force to overwrite)"))
    #expect(try repo.read("presets/a.yaml") == "keep me\n")
    let forced = try Binary.run(["capture", "body.json", "--slug", "a", "--force"], in: repo.root)
    #expect(forced.status == 0, "\(forced.stderr)")
    #expect(try repo.read("presets/a.yaml") != "keep me\n")
  }

  @Test func badInputsAreErrors() throws {
    let repo = try TempRepo([
      "list.json": "[1]", "broken.json": "{",
      "image.json":
        #"{"model": "m", "messages": [{"role": "system", "content": [{"type": "image_url", "image_url": {"url": "x"}}]}]}"#,
      "typo.json": #"{"model": "m", "temprature": 1, "messages": [{"role": "user", "content": "x"}]}"#,
    ])
    defer { repo.remove() }
    let cases: [([String], String)] = [
      (["list.json", "--slug", "a"], "capture.body"),
      (["broken.json", "--slug", "a"], "capture.body"),
      (["image.json", "--slug", "a", "--skin", "chat"], "capture.system-prompt-part"),
      (["typo.json", "--slug", "a"], "capture.no-skin"),
      (["list.json", "--slug", "../x"], "capture.slug"),
      (["missing.json", "--slug", "a"], "input.not-found"),
    ]
    for (args, code) in cases {
      let run = try Binary.run(["capture"] + args, in: repo.root)
      #expect(run.status == 1, "\(args)")
      #expect(run.stderr.contains("[\(code)]"), "\(args): \(run.stderr)")
    }
    #expect(!FileManager.default.fileExists(atPath: repo.path("presets")))
  }

  @Test func aBodyHoldingTheKeyIsNotWritten() throws {
    let key = "sk-or-v1-capturekey0123456789abcdef"
    let repo = try TempRepo(["body.json": #"{"model": "m", "instructions": "use \#(key)"}"#])
    defer { repo.remove() }
    let run = try Binary.run(
      ["capture", "body.json", "--slug", "a"], in: repo.root, environment: ["OPENROUTER_API_KEY": key])
    #expect(run.status == 1)
    #expect(run.stderr.contains("capture.contains-key"), "\(run.stderr)")
    #expect(!run.stderr.contains(key))
    #expect(!FileManager.default.fileExists(atPath: repo.path("presets/a.yaml")))
  }
}
