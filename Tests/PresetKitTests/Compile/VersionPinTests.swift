import Foundation
import Testing

@testable import PresetCompiler
@testable import PresetCore
@testable import PresetKit
@testable import PresetModel

/// Pins the versions of a fixed corpus: the repository's example presets plus a generated one that exercises
/// every skin, prompt files (LF and CRLF), block scalars, anchors and merge keys, escapes, non-ASCII text and
/// prompt lengths around SHA-256's block and padding boundaries. Performance work on YAML loading, JSON
/// writing, hashing and the bundle must leave every version exactly as it was: the pinned value is the
/// SHA-256 of one `slug version` line per preset, in slug order, computed before that work began.
@Suite struct VersionPinTests {
  /// The example presets (`presets/` of this repository) and the generated corpus, hashed together.
  static let pinned = "sha256:d3955cec1d531843a3cb7fd0883acca724af32cc4a3410b094f2d1cfdc9ac860"

  /// The generated part: `count` presets in files of up to three documents, with their prompt files.
  static func corpus(count: Int = 240) -> [String: String] {
    var files: [String: String] = [:]
    let skins = ["chat", "messages", "responses"]
    let models = ["openai/gpt-5.4", "anthropic/claude-4.6-haiku", "google/gemini-3-flash", "mistral/large-3"]
    let words = ["Be brief.", "Answer in Deutsch — ü ß.", "日本語で答えて。", "Use \"quotes\" \\ and tabs\t.", "👩‍💻 🇪🇺"]
    var documents: [[String]] = []
    for i in 0..<count {
      let skin = skins[i % 3]
      // Prompt lengths walk across 0...300 bytes, crossing 55/56/64-byte and multi-block boundaries.
      var prompt = ""
      while prompt.utf8.count < (i * 37) % 301 { prompt += words[(i + prompt.utf8.count) % words.count] + " " }
      var lines = ["slug: pin-\(skin)-\(i)", "skin: \(skin)"]
      if i % 4 == 0 { lines.append("description: \"preset \(i) \\u00e9\\n\"") }
      let useFile = i % 5 == 1
      if useFile {
        let name = "prompts/p\(i).md"
        files["presets/pin/\(name)"] =
          i % 10 == 1 ? prompt.replacingOccurrences(of: " ", with: "\r\n") : prompt + "\nline two\n"
        lines.append("system_prompt_file: \(name)")
      }
      if i % 11 == 0 { lines.insert(contentsOf: ["x-routing: &routing", "  sort: price", "  zdr: true"], at: 0) }
      lines.append("request:")
      lines.append("  model: \(models[i % models.count])")
      lines.append("  temperature: \(["0.5", "0.50", "1", "1.0", "0"][i % 5])")
      if i % 3 == 0 { lines.append("  models: [\(models[i % 4]), \(models[(i + 1) % 4])]") }
      if i % 11 == 0 {
        lines.append("  provider:\n    <<: *routing\n    order: [a, b]")
      } else if i % 7 == 0 {
        lines.append("  provider: {data_collection: deny, only: [x]}")
      }
      let quoted = "'" + prompt.replacingOccurrences(of: "'", with: "''") + "'"
      if !useFile && !prompt.isEmpty {
        switch skin {
        case "chat":
          lines.append("  messages:")
          lines.append(
            i % 2 == 0
              ? "    - role: system\n      content: |\n        \(prompt)\n        second line"
              : "    - {role: system, content: \(quoted)}")
        case "messages":
          lines.append(i % 2 == 0 ? "  system: >-\n    \(prompt)\n    folded" : "  system: \(quoted)")
        default:
          lines.append("  instructions: \(quoted)")
        }
      } else if skin == "chat" && i % 2 == 0 {
        lines.append("  messages: [{role: user, content: hi}]")
      }
      lines.append("  max_\(skin == "responses" ? "output_" : "")tokens: \(256 + i)")
      documents.append(lines)
    }
    for start in stride(from: 0, to: documents.count, by: 3) {
      let group = documents[start..<min(start + 3, documents.count)]
      files["presets/pin/f\(start).yaml"] = group.map { $0.joined(separator: "\n") + "\n" }.joined(separator: "---\n")
    }
    return files
  }

  /// `slug version` lines in slug order.
  static func lines(_ presets: [Preset]) -> String {
    presets.sorted { $0.slug.utf8.lexicographicallyPrecedes($1.slug.utf8) }
      .map { "\($0.slug) \($0.version.rawValue)\n" }.joined()
  }

  @Test func versionsOfTheFixedCorpusAreUnchanged() throws {
    let examples = Compiler().compile(path: Shared.packageRoot.appendingPathComponent("presets").path)
    #expect(!examples.hasErrors, "\(examples.diagnostics.filter { $0.severity == .error }.map(\.message))")
    #expect(examples.presets.count >= 7)
    let repo = try TempRepo(Self.corpus())
    defer { repo.remove() }
    let generated = repo.compile()
    #expect(
      !generated.hasErrors,
      "\(generated.diagnostics.filter { $0.severity == .error }.prefix(3).map { "\($0.location.map(\.file) ?? ""): \($0.message)" })"
    )
    #expect(generated.presets.count == 240)
    #expect(Set(generated.presets.map(\.version)).count > 200)
    let text = Self.lines(examples.presets) + Self.lines(generated.presets)
    for implementation in SHA256Tests.implementations {
      #expect(
        "sha256:" + SHA256.hexDigest(Array(text.utf8), implementation: implementation) == Self.pinned,
        "versions changed (\(implementation)):\n\(text.prefix(2000))")
    }
    // Each version is the hash of the model's canonical JSON, whichever SHA-256 implementation runs.
    for preset in generated.presets.prefix(40) {
      #expect(
        "sha256:" + SHA256.hexDigest(preset.model.canonicalBytes, implementation: .portable) == preset.version.rawValue)
      #expect(preset.canonicalModel == preset.model.canonicalBytes)
    }
  }
}
