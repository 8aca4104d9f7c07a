import Foundation
import OpenRouterFake
import Testing

@testable import PresetCore
@testable import PresetKit
@testable import PresetPolicy
@testable import PresetReconcile

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `presetctl catalogue pull [--check]` through the binary, against the fake's catalogue endpoints.
@Suite struct CataloguePullTests {
  /// A repository whose presets use two sample models, one of them with `top_k`.
  static let files: [String: String] = [
    "presets/presetctl.yaml": "lint: {}\n",
    "presets/a.yaml": "slug: a\nskin: chat\nrequest:\n  model: anthropic/claude-4.6-sonnet\n  top_k: 5\n",
    "presets/b.yaml": "slug: b\nskin: chat\nrequest:\n  model: openai/gpt-5.4-mini\n  temperature: 0.3\n",
  ]

  struct Fixture {
    let fake: FakeOpenRouter
    let repo: TempRepo

    init() throws {
      fake = try RemoteTest.startFake()
      repo = try TempRepo(CataloguePullTests.files)
    }

    func run(_ arguments: [String]) throws -> Binary.Output {
      try Binary.run(
        ["catalogue", "pull"] + arguments + ["presets", "--retries", "0", "--timeout", "5"], in: repo.root,
        environment: ["OPENROUTER_API_URL": fake.baseURL.absoluteString])
    }

    var snapshot: String? { try? repo.read("presets/presetctl.catalogue.json") }

    /// Changes the served model `id` (nil: removes it).
    func edit(_ id: String, _ change: ((inout JSONObject) -> Void)?) {
      var data = fake.catalogue
      data.models = data.models.compactMap { model in
        guard case .object(var object) = model, object["id"] == .string(id) else { return model }
        guard let change else { return nil }
        change(&object)
        return .object(object)
      }
      fake.catalogue = data
    }

    func stop() {
      fake.stop()
      repo.remove()
    }
  }

  @Test func pullWritesTheWholeCatalogueWithoutAKey() throws {
    let f = try Fixture()
    defer { f.stop() }
    let out = try f.run([])
    #expect(out.status == 0, "\(out.stderr)")
    let text = try #require(f.snapshot)
    let catalogue = try CatalogueSnapshot.read(Array(text.utf8))
    #expect(catalogue.models.count == FakeCatalogueSample.models().count)
    // Image and audio models come only with output_modalities=all.
    #expect(catalogue.model(id: "black-forest-labs/flux.2-pro") != nil)
    #expect(catalogue.model(id: "openai/gpt-4o-mini-tts") != nil)
    #expect(catalogue.providers.count == FakeCatalogueSample.providers().count)
    let models = f.fake.requests(method: "GET", path: "/models")
    #expect(models.count == 1)
    #expect(models.first?.query["output_modalities"] == "all")
    #expect(f.fake.requests.allSatisfy { !$0.hadAuthorization })
    #expect(out.stdout.contains("written"))
    // A second pull of the same catalogue writes the same bytes.
    let again = try f.run([])
    #expect(again.status == 0)
    #expect(again.stdout.contains("unchanged"))
    #expect(f.snapshot == text)
    // And the presets validate against it: the example's models exist, top_k is supported by Sonnet.
    let validate = try Binary.run(["validate", "presets"], in: f.repo.root)
    #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
    #expect(!validate.stdout.contains("catalogue."))
  }

  @Test func unreachableOrBrokenCatalogueLeavesTheSnapshotUntouched() throws {
    let f = try Fixture()
    defer { f.stop() }
    #expect(try f.run([]).status == 0)
    let before = try #require(f.snapshot)
    f.fake.inject(.status(503), path: "/models", times: 5)
    let failed = try f.run([])
    #expect(failed.status == 1)
    #expect(failed.stderr.contains("the snapshot was not changed"))
    #expect(f.snapshot == before)
    f.fake.clearFaults()
    f.fake.inject(.truncatedJSON, path: "/providers")
    #expect(try f.run([]).status == 1)
    #expect(f.snapshot == before)
    f.fake.stop()
    let gone = try f.run([])
    #expect(gone.status == 1)
    #expect(f.snapshot == before)
  }

  @Test func checkIsQuietWhenNothingThatMattersChanged() throws {
    let f = try Fixture()
    defer { f.stop() }
    #expect(try f.run([]).status == 0)
    let before = f.snapshot
    // A model no preset uses disappears: not this repository's problem.
    f.edit("x-ai/grok-4", nil)
    let out = try f.run(["--check"])
    #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
    #expect(f.snapshot == before)
  }

  @Test func checkNamesEachChangeThatAffectsThePresets() throws {
    let f = try Fixture()
    defer { f.stop() }
    #expect(try f.run([]).status == 0)
    let before = f.snapshot
    f.edit("openai/gpt-5.4-mini", nil)
    f.edit("anthropic/claude-4.6-sonnet") { object in
      object.members = object.members.map { member in
        guard member.key == "supported_parameters" else { return member }
        return .init(key: member.key, value: ["max_tokens", "temperature"])
      }
      object.members.append(.init(key: "expiration_date", value: "2000-01-01"))
      object.members.removeAll { $0.key == "expiration_date" && $0.value.isNull }
    }
    let out = try f.run(["--check"])
    #expect(out.status == 2, "\(out.stdout)\(out.stderr)")
    #expect(out.stdout.contains("presets/b.yaml:4:10"))
    #expect(out.stdout.contains("catalogue.unknown-model"))
    #expect(out.stdout.contains("`top_k`"))
    #expect(out.stdout.contains("catalogue.expired"))
    #expect(out.stdout.contains("3 change(s)"))
    // --check writes nothing.
    #expect(f.snapshot == before)
    let json = try f.run(["--check", "--format", "json"])
    #expect(json.status == 2)
    let parsed = try JSONParser.parse(json.stdout)
    #expect(parsed["diagnostics"]?.arrayValue?.count == 3)
  }

  @Test func checkWithoutASnapshotReportsExpiringModelsInUse() throws {
    let f = try Fixture()
    defer { f.stop() }
    try f.repo.write("presets/c.yaml", "slug: c\nskin: chat\nrequest:\n  model: \(FakeCatalogueSample.expiringModel)\n")
    let out = try f.run(["--check"])
    #expect(out.status == 2, "\(out.stdout)\(out.stderr)")
    #expect(out.stdout.contains("catalogue.expiring"))
    #expect(f.snapshot == nil)
  }

  @Test func serverStringsAreNeutralised() throws {
    let f = try Fixture()
    defer { f.stop() }
    var data = f.fake.catalogue
    data.models.append(["id": "evil/\u{1B}[31mred\u{202E}", "name": "x", "context_length": 10])
    f.fake.catalogue = data
    let out = try f.run([])
    #expect(out.status == 0, "\(out.stderr)")
    #expect(!out.stdout.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" })
  }

  @Test func fakeServesTextModelsOnlyByDefault() async throws {
    let fake = try RemoteTest.startFake()
    defer { fake.stop() }
    let (data, _) = try await URLSession.shared.data(from: fake.baseURL.appendingPathComponent("models"))
    let ids = try JSONParser.parse(Array(data))["data"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
    #expect(ids.contains("openai/gpt-5.4"))
    #expect(!ids.contains("black-forest-labs/flux.2-pro"))
    #expect(!ids.contains("openai/gpt-4o-mini-tts"))
    #expect(ids.contains("openai/gpt-5-image"))  // text and image out
  }

  @Test func subcommandAndFormatAreChecked() throws {
    let repo = try TempRepo(Self.files)
    defer { repo.remove() }
    #expect(try Binary.run(["catalogue"], in: repo.root).status == 1)
    #expect(try Binary.run(["catalogue", "push"], in: repo.root).status == 1)
    #expect(try Binary.run(["catalogue", "pull", "--format", "github"], in: repo.root).status == 1)
    let help = try Binary.run(["catalogue", "--help"], in: repo.root)
    #expect(help.status == 0)
    #expect(help.stdout.contains("--check"))
    #expect(try Binary.run(["--help"], in: repo.root).stdout.contains("catalogue"))
  }
}
