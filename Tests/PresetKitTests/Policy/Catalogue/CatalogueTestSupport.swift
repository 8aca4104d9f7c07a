import Foundation

@testable import PresetCompiler
@testable import PresetCore
@testable import PresetKit
@testable import PresetModel
@testable import PresetPolicy

/// A small catalogue and a way to compile a throw-away repository against it.
enum CatalogueTest {
  /// 2026-06-15T12:00:00Z: the "now" of the expiry tests.
  static let now = Date(timeIntervalSince1970: 1_781_524_800)

  static let models: [Catalogue.Model] = [
    .init(
      id: "openai/gpt-5.4", canonicalSlug: "openai/gpt-5.4-20260301", name: "GPT-5.4", contextLength: 400_000,
      supportedParameters: ["max_tokens", "reasoning", "response_format", "temperature", "tools", "tool_choice"],
      maxCompletionTokens: 128_000, reasoning: .init(supportedEfforts: ["low", "medium", "high"]),
      pricing: [.init(key: "prompt", value: "0.00000125"), .init(key: "completion", value: "0.00001")]),
    .init(
      id: "openai/gpt-oss-120b:free", name: "gpt-oss free", contextLength: 131_072,
      supportedParameters: ["max_tokens", "temperature"], maxCompletionTokens: 4_096),
    .init(
      id: "openai/gpt-oss-120b", name: "gpt-oss", contextLength: 131_072,
      supportedParameters: ["max_tokens", "temperature", "top_k"], maxCompletionTokens: 32_768),
    .init(
      id: "anthropic/claude-4.6-sonnet", name: "Sonnet", contextLength: 1_000,
      supportedParameters: ["max_tokens", "stop", "temperature", "top_k", "top_p", "tools"],
      maxCompletionTokens: 64_000),
    .init(
      id: "~anthropic/claude-sonnet-latest", name: "Sonnet latest", contextLength: 1_000_000,
      supportedParameters: ["max_tokens", "temperature"], maxCompletionTokens: 64_000),
    .init(
      id: "old/model-expired", name: "gone soon", supportedParameters: ["temperature"], expirationDate: "2026-06-01"),
    .init(id: "old/model-expiring", name: "going", supportedParameters: ["temperature"], expirationDate: "2026-07-10"),
    .init(id: "old/model-later", name: "later", supportedParameters: ["temperature"], expirationDate: "2026-08-30"),
    .init(id: "old/model-today", name: "today", supportedParameters: ["temperature"], expirationDate: "2026-06-15"),
  ]

  static let providers: [Catalogue.Provider] = [
    .init(slug: "openai", name: "OpenAI"), .init(slug: "anthropic", name: "Anthropic"),
    .init(slug: "amazon-bedrock", name: "Amazon Bedrock"), .init(slug: "deepinfra", name: "DeepInfra"),
  ]

  static let catalogue = Catalogue(models: models, providers: providers)

  /// The snapshot file's text for `catalogue`.
  static func snapshot(_ catalogue: Catalogue = catalogue) -> String {
    String(decoding: CatalogueSnapshot.bytes(catalogue), as: UTF8.self)
  }

  /// Compiles `files` (with the snapshot at `presets/presetctl.catalogue.json` unless `snapshot` is nil) at
  /// `now`; returns every diagnostic.
  static func compile(
    _ files: [String: String], snapshot: String? = CatalogueTest.snapshot(), now: Date = CatalogueTest.now,
    path: String = "presets"
  ) throws -> CompileResult {
    var all = files
    if let snapshot { all["presets/presetctl.catalogue.json"] = snapshot }
    let repo = try TempRepo(all)
    defer { repo.remove() }
    var options = Compiler.Options()
    options.now = now
    options.requirePresets = false
    let layout = RepositoryLayout(containing: repo.path(path))
    return Compiler(options: options).compileAllEnvironments(paths: [repo.path(path)], layout: layout) { _ in () }
      .result
  }

  /// The diagnostics with a `catalogue.` code.
  static func findings(_ result: CompileResult, _ code: String? = nil) -> [Diagnostic] {
    result.diagnostics.filter { diagnostic in
      code.map { diagnostic.code == $0 } ?? diagnostic.code.hasPrefix("catalogue.")
    }
  }

  /// A one-preset chat file with `request` as the YAML body of `request:`.
  static func chat(_ request: String, slug: String = "p") -> String {
    "slug: \(slug)\nskin: chat\nrequest:\n" + request
  }
}
