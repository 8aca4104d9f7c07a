import Foundation
import Testing

@testable import PresetCompiler
@testable import PresetCore
@testable import PresetKit
@testable import PresetModel

/// Plain `validate` checks every environment, reports a finding written once only once, and finds
/// `presetctl.yaml` the same way for every PATH (README "Environments", "Policy and prompt lint").
@Suite struct ValidateAllEnvironmentsTests {
  static let policy = """
    policy:
      rules:
        - name: private
          require_provider: {data_collection: deny}

    """

  static func preset(_ slug: String, extra: String = "") -> String {
    "slug: \(slug)\nskin: chat\nrequest:\n  model: openai/gpt-5.4\n  messages: [{role: system, content: \"Hi.\"}]\n\(extra)"
  }

  /// Twelve presets `p01`…`p12` with `data_collection: deny` from the root defaults, plus `config`.
  static func files(_ config: String) -> [String: String] {
    var files = [
      "presetctl.yaml": config,
      "presets/_defaults.yaml": "request:\n  provider: {data_collection: deny}\n",
    ]
    for i in 1...12 {
      let slug = "p" + (i < 10 ? "0" : "") + String(i)
      files["presets/\(slug).yaml"] = preset(slug)
    }
    return files
  }

  // Class: an environment override that breaks policy passed plain `validate` (only `--env` compiled it).
  @Test func anOverrideThatOnlyProductionHasFailsPlainValidate() throws {
    let config =
      Self.policy
      + "environments:\n  production:\n    default: true\n    request: {provider: {data_collection: allow}}\n  staging: {slug: \"{slug}-staging\"}\n"
    let repo = try TempRepo(Self.files(config))
    defer { repo.remove() }
    let text = try Binary.run(["validate"], in: repo.root)
    #expect(text.status == 1)
    #expect(
      text.stdout.contains(
        "presetctl.yaml:8:43: error[policy.provider] [env production]: `provider.data_collection` is `allow`"),
      "\(text.stdout)")
    #expect(text.stdout.contains("(affects 12 presets in production: `p01`, `p02`, `p03`, … and 9 more)"))
    #expect(text.stdout.contains("1 error, 0 warnings"))
    let json = try JSONParser.parse(try Binary.run(["validate", "--format", "json"], in: repo.root).stdout)
    let diagnostics = try #require(json["diagnostics"]?.arrayValue)
    #expect(diagnostics.count == 1)
    #expect(diagnostics.first?["environment"] == "production")
    let github = try Binary.run(["validate", "--format", "github"], in: repo.root).stdout
    #expect(github.contains("title=policy.provider::[env production] `provider.data_collection`"))
    // Staging alone is clean, and says so.
    let staging = try Binary.run(["validate", "--env", "staging"], in: repo.root)
    #expect(staging.status == 0, "\(staging.stdout)")
    // The same override on a non-default environment fails too, next to the presets without an environment.
    try repo.write(
      "presetctl.yaml",
      Self.policy
        + "environments:\n  production:\n    slug: \"{slug}-prod\"\n    request: {provider: {data_collection: allow}}\n"
    )
    let other = try Binary.run(["validate"], in: repo.root)
    #expect(other.status == 1 && other.stdout.contains("[env production]"), "\(other.stdout)")
  }

  // Class: one mistake in a shared file was reported once per preset and environment (12 × 3 findings).
  @Test func aFindingWrittenOnceIsReportedOnceWithItsPresetsAndEnvironments() throws {
    var files = Self.files(
      Self.policy
        + "environments:\n  production: {default: true}\n  staging: {slug: \"{slug}-staging\"}\n  dev:\n    slug: \"{slug}-dev\"\n    request: {provider: {data_collection: deny}}\n"
    )
    files["presets/_defaults.yaml"] = "request:\n  provider: {data_collection: allow}\n"
    let repo = try TempRepo(files)
    defer { repo.remove() }
    let (result, environments) = Compiler().compileAllEnvironments(
      paths: [repo.path("presets")], layout: RepositoryLayout(root: repo.root))
    #expect(environments.map(\.name) == ["production", "staging", "dev"])
    #expect(result.diagnostics.count == 1, "\(result.diagnostics)")
    let finding = try #require(result.diagnostics.first)
    #expect(finding.location == SourceLocation(file: "presets/_defaults.yaml", line: 2, column: 31))
    #expect(finding.environment == "production, staging")
    #expect(finding.message.hasSuffix("(affects 12 presets in production, staging: `p01`, `p02`, `p03`, … and 9 more)"))
    // Present in every environment: no environment tag; three presets are all named.
    files["presetctl.yaml"] = Self.policy + "environments:\n  staging: {slug: \"{slug}-staging\"}\n"
    for i in 4...12 { files.removeValue(forKey: "presets/p" + (i < 10 ? "0" : "") + String(i) + ".yaml") }
    let small = try TempRepo(files)
    defer { small.remove() }
    let all = Compiler().compileAllEnvironments(
      paths: [small.path("presets")], layout: RepositoryLayout(root: small.root))
    #expect(all.result.diagnostics.count == 1)
    #expect(all.result.diagnostics.first?.environment == nil)
    #expect(all.result.diagnostics.first?.message.hasSuffix("(affects 3 presets: `p01`, `p02`, `p03`)") == true)
    // A finding in one preset file stays one finding, at the preset, however many environments compiled it.
    try small.write("presets/p01.yaml", Self.preset("p01", extra: "  temperature: 7\n"))
    let schema = Compiler().compileAllEnvironments(
      paths: [small.path("presets")], layout: RepositoryLayout(root: small.root)
    ).result.diagnostics.filter { $0.code == "schema.maximum" }
    #expect(schema.count == 1 && schema.first?.environment == nil && schema.first?.message.contains("affects") == false)
  }

  // Class: schema validation and prompt lint saw only the presets without an environment.
  @Test func schemaAndLintRunOnEveryEnvironmentsMergedRequest() throws {
    let config =
      "environments:\n  staging:\n    slug: \"{slug}-staging\"\n    request: {temperature: 9}\n  qa:\n    slug: \"{slug}-qa\"\n    request: {messages: [{role: system, content: \"Hello {{name}}\"}]}\n"
    var files = Self.files(config)
    files = files.filter { !$0.key.hasPrefix("presets/p") || $0.key == "presets/p01.yaml" }
    let repo = try TempRepo(files)
    defer { repo.remove() }
    let result = Compiler().compileAllEnvironments(
      paths: [repo.path("presets")], layout: RepositoryLayout(root: repo.root)
    )
    .result
    let schema = try #require(result.diagnostics.first { $0.code == "schema.maximum" }, "\(result.diagnostics)")
    #expect(schema.environment == "staging" && schema.location?.file == "presetctl.yaml" && schema.location?.line == 4)
    let lint = try #require(result.diagnostics.first { $0.code == "lint.placeholder" }, "\(result.diagnostics)")
    #expect(lint.environment == "qa" && lint.location?.file == "presetctl.yaml")
    #expect(result.hasErrors)
  }

  // Class: the all-environments pass must compile exactly what each `--env` compilation gives.
  @Test func everyEnvironmentMatchesItsOwnCompilation() throws {
    let repo = try TempRepo(try Golden.repository("compile/good"))
    defer { repo.remove() }
    try repo.write(
      "presets/presetctl.yaml",
      "environments:\n  staging:\n    slug: \"{slug}-staging\"\n    request:\n      provider: {sort: latency}\n  eu: {slug: \"eu-{slug}\", request: {temperature: 0.1}}\n"
    )
    let layout = RepositoryLayout(root: repo.root)
    let (result, environments) = Compiler().compileAllEnvironments(paths: [repo.path("presets")], layout: layout)
    #expect(!result.hasErrors, "\(result.diagnostics)")
    #expect(environments.map(\.name) == [nil, "staging", "eu"])
    for environment in environments {
      var options = Compiler.Options()
      options.environment = environment.name
      let alone = Compiler(options: options).compile(paths: [repo.path("presets")], layout: layout)
      #expect(environment.values == alone.presets, "\(environment.label)")
      #expect(!alone.presets.isEmpty)
    }
    #expect(environments[2].values.map(\.slug).allSatisfy { $0.hasPrefix("eu-") })
  }

  // Class: `validate presets/support` ignored `presets/presetctl.yaml` while ancestor defaults applied.
  @Test func presetctlYAMLIsFoundTheSameWayForEveryPath() throws {
    let config = Self.policy + "environments:\n  staging: {slug: \"{slug}-staging\"}\n"
    let repo = try TempRepo([
      "presets/presetctl.yaml": config,
      "presets/support/x.yaml": Self.preset("x"),
    ])
    defer { repo.remove() }
    for path in ["presets", "presets/support", "presets/support/x.yaml"] {
      let run = try Binary.run(["validate", path], in: repo.root)
      #expect(run.status == 1 && run.stdout.contains("error[policy.provider]"), "\(path): \(run.stdout)")
      let fromInside = try Binary.run(["validate", "x.yaml"], in: repo.root.appendingPathComponent("presets/support"))
      #expect(fromInside.status == 1 && fromInside.stdout.contains("error[policy.provider]"), "\(fromInside.stdout)")
    }
    // The nearest file wins: a team folder may have its own.
    try repo.write("presets/support/presetctl.yaml", "lint: {placeholders: warning}\n")
    #expect(try Binary.run(["validate", "presets/support"], in: repo.root).status == 0)
    #expect(try Binary.run(["validate", "presets"], in: repo.root).status == 1)
    // The repository root's file is found from any depth when nothing nearer exists.
    try FileManager.default.removeItem(at: repo.root.appendingPathComponent("presets/support/presetctl.yaml"))
    try FileManager.default.removeItem(at: repo.root.appendingPathComponent("presets/presetctl.yaml"))
    try repo.write("presetctl.yaml", config)
    for path in ["presets", "presets/support", "presets/support/x.yaml"] {
      #expect(try Binary.run(["validate", path], in: repo.root).stdout.contains("error[policy.provider]"), "\(path)")
    }
    #expect(
      RepositoryConfig.location(for: repo.path("presets/support/x.yaml"), layout: RepositoryLayout(root: repo.root))?
        .lastPathComponent == "presetctl.yaml")
    // A folder named presetctl.yaml is not a configuration.
    try FileManager.default.removeItem(at: repo.root.appendingPathComponent("presetctl.yaml"))
    try FileManager.default.createDirectory(
      at: repo.root.appendingPathComponent("presets/presetctl.yaml"), withIntermediateDirectories: true)
    #expect(try Binary.run(["validate", "presets/support"], in: repo.root).status == 0)
  }

  @Test func theExamplePresetsValidateInEveryEnvironment() throws {
    let run = try Binary.run(["validate", "presets"], in: Shared.packageRoot)
    #expect(run.status == 0, "\(run.stdout)")
    #expect(run.stdout.contains("are valid in environment(s) staging, production"))
  }
}
