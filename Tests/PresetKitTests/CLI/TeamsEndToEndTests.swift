import Foundation
import OpenRouterFake
import Testing

@testable import PresetCompiler
@testable import PresetCore
@testable import PresetKit

/// Folder defaults, environments, explain and promote.
@Suite struct TeamsEndToEndTests {
  static let files: [String: String] = [
    "presets/_defaults.yaml":
      "skin: chat\nrequest:\n  temperature: 0.3\n  provider: {data_collection: deny, order: [aa, bb]}\n",
    "presets/support/_defaults.yaml": "request:\n  provider: {sort: price}\n  models: [m/one, m/two]\n",
    "presets/support/emea/_defaults.yaml": "request:\n  provider: {order: [cc]}\n",
    "presets/support/emea/triage.yaml": """
    slug: triage
    request:
      temperature: 0.5
      messages: [{role: system, content: "Triage."}]
      provider: {zdr: true}

    """,
    "presets/other.yaml": "slug: other\nskin: responses\nrequest: {model: m/x, instructions: Hi}\n",
    "presetctl.yaml": """
    environments:
      staging:
        slug: "{slug}-staging"
        request:
          models: [m/cheap]
      production: {default: true}
      prod-copy:
        slug: "{slug}-copy"

    """,
  ]

  @Test func threeLevelDefaultsMergeWithPresetWinning() throws {
    let repo = try TempRepo(Self.files)
    defer { repo.remove() }
    let result = repo.compile()
    #expect(!result.hasErrors, "\(result.diagnostics)")
    let triage = try #require(result.presets.first { $0.slug == "triage" })
    #expect(triage.skin == .chat)
    #expect(
      JSONWriter.canonicalString(.object(triage.model.config))
        == #"{"models":["m/one","m/two"],"provider":{"data_collection":"deny","order":["cc"],"sort":"price","zdr":true},"temperature":0.5}"#
    )
    // Every value points at the file that wrote it.
    let map = try #require(triage.request).sourceMap
    #expect(map.location(of: JSONPointer("/provider/order")!).file == "presets/support/emea/_defaults.yaml")
    #expect(map.location(of: JSONPointer("/provider/sort")!).file == "presets/support/_defaults.yaml")
    #expect(
      map.location(of: JSONPointer("/provider/data_collection")!)
        == SourceLocation(file: "presets/_defaults.yaml", line: 4, column: 31))
    #expect(map.location(of: JSONPointer("/temperature")!).file == "presets/support/emea/triage.yaml")
    // Defaults do not leak into presets outside their folder (other.yaml is at the root: root defaults only).
    let other = try #require(result.presets.first { $0.slug == "other" })
    #expect(other.model.config["models"] == nil && other.model.config["temperature"] == 0.3)
  }

  @Test func schemaErrorsInDefaultsPointAtTheDefaultsFile() throws {
    var files = Self.files
    files["presets/support/_defaults.yaml"] = "request:\n  provider: {sort: cheapest}\n"
    let repo = try TempRepo(files)
    defer { repo.remove() }
    let diagnostics = repo.compile().diagnostics
    #expect(diagnostics.map(\.code) == ["schema.enum"])
    #expect(diagnostics.first?.location == SourceLocation(file: "presets/support/_defaults.yaml", line: 2, column: 20))
  }

  @Test func environmentsHaveTheirOwnSlugsAndSameContentSameVersion() throws {
    let repo = try TempRepo(Self.files)
    defer { repo.remove() }
    func compile(_ env: String?) -> CompileResult {
      var options = Compiler.Options()
      options.environment = env
      return Compiler(options: options).compile(path: repo.path("presets"))
    }
    let base = compile(nil)
    let staging = compile("staging")
    let production = compile("production")
    let copy = compile("prod-copy")
    #expect(staging.presets.map(\.slug) == ["other-staging", "triage-staging"])
    #expect(production.presets.map(\.slug) == ["other", "triage"])
    #expect(copy.presets.map(\.slug) == ["other-copy", "triage-copy"])
    // Same content, different slug: same version. Overrides change content and so the version.
    #expect(copy.presets.map(\.version) == production.presets.map(\.version))
    #expect(production.presets.map(\.version) == base.presets.map(\.version))
    #expect(staging.presets[1].version != production.presets[1].version)
    #expect(staging.presets[1].model.config["models"] == ["m/cheap"])
    let unknown = compile("prod")
    #expect(unknown.diagnostics.map(\.code) == ["config.unknown-environment"])
  }

  @Test func cliEnvExplainAndBadConfig() throws {
    let repo = try TempRepo(Self.files)
    defer { repo.remove() }
    let build = try Binary.run(["build", "--env", "staging", "--format", "json"], in: repo.root)
    #expect(build.status == 0, "\(build.stderr)")
    #expect(try JSONParser.parse(build.stdout)["presets"]?.arrayValue?.count == 2)
    let explain = try Binary.run(["explain", "triage-staging", "--env", "staging"], in: repo.root)
    #expect(explain.status == 0, "\(explain.stderr)")
    #expect(
      explain.stdout.contains("order: [\"cc\"]") && explain.stdout.contains("# presets/support/emea/_defaults.yaml:2"))
    #expect(explain.stdout.contains("# presetctl.yaml:5"))
    let json = try JSONParser.parse(try Binary.run(["explain", "triage", "--format", "json"], in: repo.root).stdout)
    let origins = try #require(json["origins"]?.arrayValue)
    #expect(origins.contains { $0["path"] == "/provider/sort" && $0["file"] == "presets/support/_defaults.yaml" })
    #expect(try Binary.run(["explain", "nope"], in: repo.root).status == 1)
    try repo.write("presetctl.yaml", "environments:\n  staging: {slug: fixed}\nenvironmnets: {}\n")
    let bad = try Binary.run(["validate"], in: repo.root)
    #expect(bad.status == 1)
    #expect(bad.stdout.contains("error[config.slug-pattern]") && bad.stdout.contains("did you mean `environments`?"))
  }

  @Test func promoteComparesLiveEnvironments() throws {
    let f = try ReconcileFixture(Self.files)
    defer { f.stop() }
    #expect(try f.run(["apply", "--yes", "--env", "staging"]).status == 0)
    #expect(try f.run(["apply", "--yes", "--env", "prod-copy"]).status == 0)
    // staging differs from prod-copy only by its declared override (models): in sync.
    let promote = try f.run(["promote", "--from", "prod-copy", "--to", "staging"])
    #expect(promote.status == 0, "\(promote.stdout)")
    #expect(promote.stdout.contains("staging runs exactly what prod-copy runs (apart from the overrides"))
    #expect(try f.run(["apply", "--yes", "--env", "production"]).status == 0)
    let same = try f.run(["promote", "--from", "prod-copy", "--to", "production"])
    #expect(same.status == 0 && same.stdout.contains("production runs exactly what prod-copy runs"))
  }
}
