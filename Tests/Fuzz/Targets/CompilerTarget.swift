import Foundation

/// The preset compiler on arbitrary preset files: YAML loading, `presetctl.yaml` environments, preset
/// document checks, layering, prompt files, schema validation, normalisation and the bundle. Runs in memory
/// (no file per input) against a small repository made once, so prompt-file paths resolve for real.
enum CompilerTarget {
  /// A repository with a prompt file, a prompt folder and a file outside the root.
  static let repository: RepositoryLayout = {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("presetkit-fuzz-\(getpid())")
    let prompts = root.appendingPathComponent("presets/prompts")
    try? FileManager.default.createDirectory(at: prompts, withIntermediateDirectories: true)
    try? FileManager.default.createDirectory(
      at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
    try? Data("You are terse.\n".utf8).write(to: prompts.appendingPathComponent("a.md"))
    try? Data([0xEF, 0xBB, 0xBF, 0x41, 0x0A]).write(to: prompts.appendingPathComponent("bom.md"))
    try? Data([0x41, 0xFF]).write(to: prompts.appendingPathComponent("bad.md"))
    return RepositoryLayout(root: root)
  }()

  static let compiler = Compiler()

  static func run(_ bytes: [UInt8]) {
    let layout = repository
    guard let documents = try? YAMLLoader.load(bytes, file: "presets/fuzz.yaml") else { return }
    var diagnostics: [Diagnostic] = []
    var environment: RepositoryConfig.Environment?
    if let first = documents.first {
      let (config, configDiagnostics) = RepositoryConfig.parse(first)
      environment = config.environments.first
      if configDiagnostics.isEmpty, let environment, environment.slugPattern.isEmpty {
        fuzzFail("an environment without a slug pattern was accepted")
      }
    }
    // Odd-sized inputs get a folder-default skin, so presets that rely on `_defaults.yaml` compile too.
    let defaultSkin: Skin? = bytes.count % 2 == 1 ? .chat : nil
    var presets: [Preset] = []
    for document in documents where !document.value.isNull {
      guard var source = PresetSource.parse(document, defaultSkin: defaultSkin, diagnostics: &diagnostics) else {
        continue
      }
      source.applyLayers(defaults: .empty, environment: environment)
      if let preset = compiler.compilePreset(source, layout: layout, diagnostics: &diagnostics) {
        presets.append(preset)
      }
    }
    for diagnostic in diagnostics where diagnostic.message.isEmpty { fuzzFail("empty diagnostic \(diagnostic.code)") }
    // Slugs may repeat here (the compiler proper rejects that); keep the first of each for the bundle.
    var seen: Set<String> = []
    presets = presets.filter { seen.insert($0.slug).inserted }
    let bundle = PresetBundle(presets: presets)
    let bytes = bundle.fileBytes
    let reread: PresetBundle
    do {
      reread = try PresetBundle(bytes: bytes)
    } catch {
      fuzzFail("a compiled bundle does not read back: \(error)")
    }
    if reread.json != bundle.json { fuzzFail("bundle JSON changed on read-back") }
  }
}
