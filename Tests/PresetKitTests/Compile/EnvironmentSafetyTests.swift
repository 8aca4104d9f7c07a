import Foundation
import Testing

@testable import PresetCompiler
@testable import PresetCore
@testable import PresetKit
@testable import PresetModel

/// Environments are safe by construction: no environment can deploy to another one's slugs, whatever
/// `presetctl.yaml` says (README "Environments").
@Suite struct EnvironmentSafetyTests {
  static func preset(_ slug: String) -> String {
    "slug: \(slug)\nskin: chat\nrequest: {model: openai/gpt-5.4, messages: [{role: system, content: \"Hi.\"}]}\n"
  }

  /// A repository with presets `a` and `b` and this `presetctl.yaml`.
  static func repo(_ config: String, presets: [String] = ["a", "b"]) throws -> TempRepo {
    var files = ["presetctl.yaml": config]
    for slug in presets { files["presets/\(slug).yaml"] = preset(slug) }
    return try TempRepo(files)
  }

  static func compile(_ repo: TempRepo, env: String? = nil) -> CompileResult {
    var options = Compiler.Options()
    options.environment = env
    return Compiler(options: options).compile(path: repo.path("presets"))
  }

  static func compileAll(_ repo: TempRepo) -> CompileResult {
    Compiler().compileAllEnvironments(paths: [repo.path("presets")], layout: RepositoryLayout(root: repo.root)).result
  }

  // Class: an environment that silently deploys to the plain slugs (`staging: {}` overwrote production).
  @Test func environmentWithoutSlugIsAnErrorUnlessItIsTheDefault() throws {
    let repo = try Self.repo("environments:\n  production: {slug: \"{slug}\"}\n  staging: {}\n  dev:\n")
    defer { repo.remove() }
    for env in [nil, "staging", "production"] {
      let result = Self.compile(repo, env: env)
      #expect(result.presets.isEmpty, "nothing compiles for \(env ?? "no env")")
      let codes = result.diagnostics.map(\.code)
      #expect(codes.contains("config.slug-pattern") && codes.contains("config.environment"), "\(codes)")
    }
    let staging = try #require(Self.compile(repo).diagnostics.first { $0.code == "config.slug-pattern" })
    #expect(staging.location == SourceLocation(file: "presetctl.yaml", line: 3, column: 3))
    #expect(staging.hint?.contains("default: true") == true)
    // `dev:` (null) is not a mapping.
    #expect(Self.compile(repo).diagnostics.contains { $0.code == "config.environment" && $0.location?.line == 4 })
    let cli = try Binary.run(
      ["apply", "--yes", "--env", "staging"], in: repo.root, environment: ["OPENROUTER_API_KEY": "k"])
    #expect(cli.status == 1 && cli.stderr.contains("error[config.slug-pattern]"), "\(cli.stderr)")
  }

  @Test func oneDefaultMayOmitTheSlugAndIsUsedWithoutEnv() throws {
    let repo = try Self.repo(
      "environments:\n  production:\n    default: true\n    request: {temperature: 0.25}\n  staging: {slug: \"{slug}-staging\"}\n"
    )
    defer { repo.remove() }
    let plain = Self.compile(repo)
    #expect(!plain.hasErrors, "\(plain.diagnostics)")
    #expect(plain.environment == "production")
    #expect(plain.presets.map(\.slug) == ["a", "b"])
    #expect(plain.presets.allSatisfy { $0.model.config["temperature"] == 0.25 })
    #expect(Self.compile(repo, env: "production").presets.map(\.version) == plain.presets.map(\.version))
    #expect(Self.compile(repo, env: "staging").presets.map(\.slug) == ["a-staging", "b-staging"])

    try repo.write(
      "presetctl.yaml", "environments:\n  production: {default: true}\n  other: {default: true, slug: \"x-{slug}\"}\n")
    let two = Self.compile(repo)
    let problem = try #require(two.diagnostics.first)
    #expect(two.diagnostics.count == 1 && problem.code == "config.environment")
    #expect(problem.message.contains("both marked `default: true`"))
    #expect(problem.related.first?.location.line == 2)
  }

  // Class: two environments with the same template are one set of live presets.
  @Test func identicalTemplatesAreAnError() throws {
    for config in [
      "environments:\n  production: {default: true}\n  prod2: {slug: \"{slug}\"}\n",
      "environments:\n  staging: {slug: \"{slug}-s\"}\n  qa: {slug: \"{slug}-s\"}\n",
    ] {
      let repo = try Self.repo(config)
      defer { repo.remove() }
      let result = Self.compile(repo)
      let collision = try #require(result.diagnostics.first { $0.code == "config.environment-collision" }, "\(config)")
      #expect(collision.location?.file == "presetctl.yaml" && collision.location?.line == 3)
      #expect(collision.related.first?.location.line == 2)
      #expect(result.presets.isEmpty)
    }
  }

  @Test(arguments: ["fixed", "{slug}-{slug}", "{slug}_x", "-{slug}", "{slug}--x", "X{slug}", "{slug}-", "{slug} x"])
  func templatesThatCannotGiveValidSlugsAreErrors(template: String) throws {
    let repo = try Self.repo("environments:\n  staging:\n    slug: \"\(template)\"\n")
    defer { repo.remove() }
    let result = Self.compile(repo, env: "staging")
    #expect(result.diagnostics.map(\.code) == ["config.slug-pattern"], "\(result.diagnostics)")
    #expect(result.diagnostics.first?.location == SourceLocation(file: "presetctl.yaml", line: 3, column: 11))
  }

  // Class: templates that differ but produce the same live slug for different presets (`{slug}` and
  // `{slug}-staging` with presets `a-staging` and `a`).
  @Test func computedSlugCollisionsAcrossEnvironmentsAreErrors() throws {
    let repo = try Self.repo(
      "environments:\n  production:\n    slug: \"{slug}\"\n  staging:\n    slug: \"{slug}-staging\"\n",
      presets: ["a", "a-staging", "b"])
    defer { repo.remove() }
    for result in [Self.compileAll(repo), Self.compile(repo), Self.compile(repo, env: "staging")] {
      let collisions = result.diagnostics.filter { $0.code == "config.environment-collision" }
      #expect(collisions.count == 1, "\(result.diagnostics)")
      let collision = try #require(collisions.first)
      #expect(collision.location == SourceLocation(file: "presets/a.yaml", line: 1, column: 7))
      #expect(collision.message.contains("`a-staging`") && collision.message.contains("`staging`"))
      #expect(collision.message.contains("`production`"))
      let related = collision.related.map { "\($0.location.file):\($0.location.line)" }
      #expect(related == ["presets/a-staging.yaml:1", "presetctl.yaml:3", "presetctl.yaml:5"], "\(related)")
      #expect(result.hasErrors)
    }
    let cli = try Binary.run(["validate"], in: repo.root)
    #expect(cli.status == 1 && cli.stdout.contains("error[config.environment-collision]"))
    // Without a `{slug}` environment the presets compiled without --env still own the plain slugs.
    try repo.write("presetctl.yaml", "environments:\n  staging: {slug: \"{slug}-staging\"}\n")
    #expect(Self.compileAll(repo).diagnostics.map(\.code) == ["config.environment-collision"])
    // Distinct live slugs are fine.
    try repo.write("presetctl.yaml", "environments:\n  staging: {slug: \"staging-{slug}\"}\n")
    #expect(!Self.compileAll(repo).hasErrors)
  }

  // The owner of a slug is its first copy that compiled, in file and document order: a broken copy before it
  // neither owns the slug nor is a duplicate; every later compiled copy is a duplicate and is dropped; no copy
  // but the owner takes part in the environment-slug checks (so the broken copy adds no collision).
  @Test func firstCompiledCopyOwnsTheSlugAndOnlyItTakesPartInEnvironmentChecks() throws {
    let broken = "slug: a\nskin: chat\nrequest: {model: 7}\n"
    let repo = try TempRepo([
      "presetctl.yaml": "environments:\n  production: {default: true}\n  staging: {slug: \"{slug}-staging\"}\n",
      "presets/1.yaml": broken, "presets/2.yaml": Self.preset("a"), "presets/3.yaml": "# 3\n" + Self.preset("a"),
      "presets/4.yaml": broken, "presets/5.yaml": Self.preset("b"),
    ])
    defer { repo.remove() }
    let (result, environments) = Compiler().compileAllEnvironments(
      paths: [repo.path("presets")], layout: RepositoryLayout(root: repo.root))
    let duplicates = result.diagnostics.filter { $0.code == "compile.duplicate-slug" }
    #expect(duplicates.map(\.location?.file) == ["presets/3.yaml"], "\(result.diagnostics)")
    #expect(duplicates.first?.message.contains("presets/2.yaml:1") == true)
    #expect(!result.diagnostics.contains { $0.code.hasPrefix("config.environment") }, "\(result.diagnostics)")
    #expect(
      result.diagnostics.filter { $0.location?.file == "presets/1.yaml" }.allSatisfy {
        $0.code != "compile.duplicate-slug"
      })
    for environment in environments {
      #expect(
        environment.values.map(\.slug).sorted()
          == (environment.name == "staging" ? ["a-staging", "b-staging"] : ["a", "b"]))
      #expect(environment.values.first { $0.slug.hasPrefix("a") }?.source.file == "presets/2.yaml")
    }
  }

  // Class: a template that makes a slug invalid (too long) only for some presets.
  @Test func templateThatMakesASlugTooLongIsAnErrorAtPlainValidate() throws {
    let long = String(repeating: "a", count: 62)
    let repo = try Self.repo(
      "environments:\n  production: {default: true}\n  staging:\n    slug: \"{slug}-staging\"\n", presets: [long, "b"])
    defer { repo.remove() }
    for result in [Self.compileAll(repo), Self.compile(repo)] {
      #expect(result.diagnostics.count == 1, "\(result.diagnostics)")
      let problem = try #require(result.diagnostics.first)
      #expect(problem.code == "config.environment-slug")
      #expect(
        problem.message.contains("`\(long)-staging`") && problem.message.contains("is 70 characters, more than 64"))
      #expect(problem.location == SourceLocation(file: "presets/\(long).yaml", line: 1, column: 7))
      #expect(problem.related.map(\.location) == [SourceLocation(file: "presetctl.yaml", line: 4, column: 11)])
    }
    let text = try Binary.run(["validate"], in: repo.root)
    #expect(text.status == 1 && text.stdout.contains("error[config.environment-slug]"))
    #expect(text.stdout.contains("note: the template is declared here: presetctl.yaml:4:11"))
  }

  // Class: malformed environment settings were ignored or mistyped silently.
  @Test(arguments: [
    ("  Staging: {slug: \"{slug}-s\"}\n", "environment name `Staging`", 2),
    ("  _x: {slug: \"{slug}-s\"}\n", "environment name `_x`", 2),
    ("  staging: {slug: \"{slug}-s\", description: 5}\n", "`description` of environment `staging` must be a string", 2),
    ("  staging: {slug: \"{slug}-s\", request: [1]}\n", "`request` of environment `staging` must be a mapping", 2),
    ("  staging: {slug: 5}\n", "`slug` of environment `staging` must be a string", 2),
    (
      "  staging: {slug: \"{slug}-s\", default: \"yes\"}\n", "`default` of environment `staging` must be true or false",
      2
    ),
    ("  staging: [1]\n", "environment `staging` must be a mapping", 2),
  ])
  func environmentSettingsAreTypeChecked(entry: String, message: String, line: Int) throws {
    let repo = try Self.repo("environments:\n" + entry)
    defer { repo.remove() }
    let result = Self.compile(repo)
    #expect(result.diagnostics.map(\.code) == ["config.environment"], "\(result.diagnostics)")
    #expect(result.diagnostics.first?.message.contains(message) == true, "\(result.diagnostics)")
    #expect(result.diagnostics.first?.location?.line == line)
  }

  @Test func unknownEnvironmentKeysGetDidYouMean() throws {
    let repo = try Self.repo(
      "environments:\n  staging:\n    slgu: \"{slug}-s\"\n    slug: \"{slug}-s\"\n    x-note: ok\n")
    defer { repo.remove() }
    let result = Self.compile(repo)
    #expect(result.diagnostics.map(\.code) == ["config.environment"])
    #expect(result.diagnostics.first?.hint == "did you mean `slug`?")
    #expect(result.diagnostics.first?.location == SourceLocation(file: "presetctl.yaml", line: 3, column: 5))
    try repo.write("presetctl.yaml", "environments: [staging]\n")
    #expect(Self.compile(repo).diagnostics.map(\.code) == ["config.environment"])
  }
}
