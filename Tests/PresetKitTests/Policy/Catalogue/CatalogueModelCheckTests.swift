import Foundation
import Testing

@testable import PresetKit

/// `catalogue.unknown-model`, variants and aliases, and `catalogue.expired` / `catalogue.expiring`.
@Suite struct CatalogueModelCheckTests {
  typealias T = CatalogueTest

  @Test func typoInModelGetsDidYouMeanAtItsPlace() throws {
    let result = try T.compile(["presets/a.yaml": T.chat("  model: openai/gpt-5.4-mnii\n")])
    let found = T.findings(result, "catalogue.unknown-model")
    #expect(found.count == 1)
    #expect(found.first?.severity == .error)
    #expect(found.first?.at == "presets/a.yaml:4:10")
    #expect(found.first?.path == "/request/model")
    #expect(found.first?.hint == "did you mean `openai/gpt-5.4`?")
  }

  @Test func everyPlaceAModelIsNamedIsChecked() throws {
    let chat = T.chat(
      """
        models: [openai/gpt-5.4, nope/one]
        plugins:
          - id: auto-router
            allowed_models: ["openai/*", "nope/two", "zzz/*"]

      """)
    let messages = """
      slug: m
      skin: messages
      request:
        model: openai/gpt-5.4
        max_tokens: 10
        fallbacks: [{model: nope/three}]

      """
    let result = try T.compile(["presets/a.yaml": chat, "presets/m.yaml": messages])
    let paths = T.findings(result, "catalogue.unknown-model").map { $0.path ?? "" }.sorted()
    #expect(
      paths == [
        "/request/fallbacks/0/model", "/request/models/1", "/request/plugins/0/allowed_models/1",
        "/request/plugins/0/allowed_models/2",
      ])
  }

  @Test func variantsAliasesCanonicalSlugsAndPresetReferencesResolve() throws {
    let ok = [
      "openai/gpt-5.4:nitro", "openai/gpt-5.4:floor", "openai/gpt-5.4:exacto", "openai/gpt-5.4:thinking",
      "openai/gpt-5.4:extended", "openai/gpt-oss-120b:free", "~anthropic/claude-sonnet-latest",
      "openai/gpt-5.4-20260301", "openai/gpt-5.4@preset/base", "@preset/base",
    ]
    var files: [String: String] = [:]
    for (i, model) in ok.enumerated() {
      files["presets/p\(i).yaml"] = T.chat("  model: \"\(model)\"\n", slug: "p\(i)")
    }
    // `:free` is its own listed id: a base without one is unknown, and an unknown suffix is not stripped.
    files["presets/bad1.yaml"] = T.chat("  model: anthropic/claude-4.6-sonnet:free\n", slug: "bad1")
    files["presets/bad2.yaml"] = T.chat("  model: openai/gpt-5.4:turbo\n", slug: "bad2")
    files["presets/bad3.yaml"] = T.chat("  model: ~openai/gpt-latest\n", slug: "bad3")
    let result = try T.compile(files)
    let unknown = T.findings(result, "catalogue.unknown-model").map { $0.location?.file ?? "" }.sorted()
    #expect(unknown == ["presets/bad1.yaml", "presets/bad2.yaml", "presets/bad3.yaml"])
  }

  @Test func aPresetWithoutAModelIsFine() throws {
    let result = try T.compile(["presets/a.yaml": T.chat("  temperature: 0.5\n  top_k: 3\n")])
    #expect(T.findings(result).isEmpty)
  }

  @Test func expiryIsJudgedAgainstTheInjectedNow() throws {
    var files: [String: String] = [:]
    for name in ["expired", "expiring", "later", "today"] {
      files["presets/\(name).yaml"] = T.chat("  model: old/model-\(name)\n", slug: name)
    }
    let result = try T.compile(files)
    let expired = T.findings(result, "catalogue.expired")
    let expiring = T.findings(result, "catalogue.expiring")
    #expect(expired.map(\.at) == ["presets/expired.yaml:4:10"])
    #expect(expired.first?.severity == .error)
    #expect(expiring.map { $0.location?.file ?? "" }.sorted() == ["presets/expiring.yaml", "presets/today.yaml"])
    #expect(expiring.allSatisfy { $0.severity == .warning })
    // Two months later the "later" model is gone as well.
    let later = try T.compile(files, now: T.now.addingTimeInterval(90 * 86_400))
    #expect(T.findings(later, "catalogue.expired").count == 4)
  }

  @Test func expiryIsReportedWhereverTheModelIsNamed() throws {
    let result = try T.compile([
      "presets/a.yaml": T.chat("  model: openai/gpt-5.4\n  models: [old/model-expiring, old/model-expired]\n")
    ])
    #expect(T.findings(result, "catalogue.expiring").map(\.path) == ["/request/models/0"])
    #expect(T.findings(result, "catalogue.expired").map(\.path) == ["/request/models/1"])
  }
}
