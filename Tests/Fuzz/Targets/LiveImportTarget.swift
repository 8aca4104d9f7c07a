/// Live presets as the API returns them (`PresetWithDesignatedVersion`), then `presetctl import`: decoding
/// never crashes; the file import writes loads as YAML, holds exactly the live request and slug, and — when it
/// compiles — compiles to exactly the live version (what `import` promises).
enum LiveImportTarget {
  static let validators = SkinValidators.embedded
  static let compiler = Compiler()

  static func run(_ bytes: [UInt8]) {
    guard let json = try? JSONParser.parse(bytes), let live = try? LivePreset(json: json),
      let model = live.model, let file = LiveImport.file(for: live, validators: validators)
    else { return }
    let documents: [LocatedDocument]
    do {
      documents = try YAMLLoader.load(Array(file.text.utf8), file: "presets/imported.yaml")
    } catch {
      fuzzFail("the imported file does not load: \(error.diagnostics.first?.message ?? "")\n\(file.text)")
    }
    guard documents.count == 1, case .object(let top) = documents[0].value else {
      fuzzFail("the imported file is not one mapping:\n\(file.text)")
    }
    if top["slug"] != .string(live.slug) { fuzzFail("the slug changed through YAML:\n\(file.text)") }
    if top["request"] != .object(LiveImport.request(for: model, skin: file.skin)) {
      fuzzFail("the request changed through YAML:\n\(file.text)")
    }
    var diagnostics: [Diagnostic] = []
    guard let source = PresetSource.parse(documents[0], diagnostics: &diagnostics) else { return }
    let layout = CompilerTarget.repository
    guard let preset = compiler.compilePreset(source, layout: layout, diagnostics: &diagnostics) else {
      return
    }
    if preset.version != file.version {
      fuzzFail("the imported file compiles to \(preset.version), live is \(file.version):\n\(file.text)")
    }
  }
}
