import Foundation

/// Writes a deterministic preset repository of N presets: `DIR/.git` (a folder marker, so DIR is the root),
/// `DIR/presets/...` and `DIR/corpus.txt` (what was generated).
///
/// Files usually hold one preset; about one in seven holds two or three documents separated by `---`.
/// Prompt files sit in a `prompts/` folder beside the preset file, or team-wide under `presets/<team>/prompts/`.
struct CorpusGenerator {
  /// Presets to generate.
  var count: Int
  /// The seed; the same (count, seed) always gives byte-identical files.
  var seed: UInt64 = 1

  /// What was written.
  struct Summary {
    var presets = 0
    var presetFiles = 0
    var promptFiles = 0
    var yamlBytes = 0
    var promptBytes = 0

    /// All bytes written under `presets/`.
    var totalBytes: Int { yamlBytes + promptBytes }

    /// A few lines for people and for `corpus.txt`.
    func describe(count: Int, seed: UInt64) -> String {
      let perPreset = presets > 0 ? Double(totalBytes) / Double(presets) : 0
      return """
        corpus: \(presets) presets (requested \(count), seed \(seed))
          \(presetFiles) preset files, \(yamlBytes) bytes of YAML
          \(promptFiles) prompt files, \(promptBytes) bytes
          \(totalBytes) bytes in all, \(format(perPreset / 1024)) KB per preset

        """
    }
  }

  /// The marker file at the corpus root; its text says which corpus it is, for reuse checks.
  static let markerName = "corpus.txt"

  /// Writes the corpus under `root`, which must be missing, empty, or an earlier corpus (its `presets/` is
  /// replaced).
  func write(to root: URL) throws(BenchError) -> Summary {
    let fm = FileManager.default
    let presetsFolder = root.appendingPathComponent("presets")
    let marker = root.appendingPathComponent(Self.markerName)
    if let existing = try? fm.contentsOfDirectory(atPath: root.path), !existing.isEmpty {
      guard fm.fileExists(atPath: marker.path) else {
        throw BenchError.failed("\(root.path) is not empty and holds no \(Self.markerName); refusing to write there")
      }
      try? fm.removeItem(at: presetsFolder)
      try? fm.removeItem(at: marker)
    }
    do {
      try fm.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
      try fm.createDirectory(at: presetsFolder, withIntermediateDirectories: true)
    } catch {
      throw BenchError.failed("cannot create \(root.path): \(error)")
    }
    var summary = Summary()
    var fileRandom = CorpusRandom(seed: seed, stream: 0xF11E_0000)
    var createdFolders: Set<String> = []
    var sharedPrompts: Set<[Int]> = []
    var index = 0
    var fileIndex = 0
    while index < count {
      let roll = fileRandom.unit()
      let documents = min(count - index, roll < 0.86 ? 1 : roll < 0.96 ? 2 : 3)
      let folder = CorpusFolder(fileIndex: fileIndex)
      let folderURL = root.appendingPathComponent(folder.relativePath)
      var texts: [String] = []
      var firstSlug = ""
      for i in index..<(index + documents) {
        let preset = CorpusPreset(folder: folder, index: i, seed: seed).make()
        if texts.isEmpty { firstSlug = preset.slug }
        texts.append(preset.yaml)
        if let file = preset.promptFile {
          try ensureFolder(folderURL.appendingPathComponent("prompts"), &createdFolders)
          try Self.writeFile(file.bytes, to: folderURL.appendingPathComponent(file.path))
          summary.promptFiles += 1
          summary.promptBytes += file.bytes.count
        }
        if let number = preset.sharedPrompt { sharedPrompts.insert([folder.teamIndex, number]) }
      }
      let leadingMarker = documents > 1 && fileRandom.chance(0.5) ? "---\n" : ""
      let yaml = Array((leadingMarker + texts.joined(separator: "---\n")).utf8)
      let name = firstSlug + (fileRandom.chance(0.05) ? ".yml" : ".yaml")
      try ensureFolder(folderURL, &createdFolders)
      try Self.writeFile(yaml, to: folderURL.appendingPathComponent(name))
      summary.presets += documents
      summary.presetFiles += 1
      summary.yamlBytes += yaml.count
      index += documents
      fileIndex += 1
    }
    for key in sharedPrompts.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
      let team = CorpusText.teams[key[0]]
      var random = CorpusRandom(seed: seed, stream: 0x5AED_0000 &+ UInt64(key[0] * 100 + key[1]))
      let text = CorpusText.prompt(targetBytes: 2_000, team: team.folder, random: &random) + "\n"
      let folder = root.appendingPathComponent("presets/\(team.folder)/prompts")
      try ensureFolder(folder, &createdFolders)
      let bytes = Array(text.utf8)
      try Self.writeFile(bytes, to: folder.appendingPathComponent("shared-\(key[1]).md"))
      summary.promptFiles += 1
      summary.promptBytes += bytes.count
    }
    try Self.writeFile(Array(summary.describe(count: count, seed: seed).utf8), to: marker)
    return summary
  }

  /// The marker text a corpus of this (count, seed) starts with, to decide whether a folder can be reused.
  var markerPrefix: String { "corpus: \(count) presets (requested \(count), seed \(seed))" }

  private func ensureFolder(_ url: URL, _ created: inout Set<String>) throws(BenchError) {
    guard created.insert(url.path).inserted else { return }
    do {
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    } catch {
      throw BenchError.failed("cannot create \(url.path): \(error)")
    }
  }

  private static func writeFile(_ bytes: [UInt8], to url: URL) throws(BenchError) {
    guard FileManager.default.createFile(atPath: url.path, contents: Data(bytes)) else {
      throw BenchError.failed("cannot write \(url.path)")
    }
  }
}
