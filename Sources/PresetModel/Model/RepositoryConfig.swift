import Foundation
import PresetCore

/// `presetctl.yaml`: environments, organisation policy and prompt-lint settings.
///
/// The file is optional. Its `policy` and `lint` sections are interpreted by `PolicyConfig`; this type owns
/// finding and loading the file and the `environments` section (`RepositoryConfig+Environments.swift`), which
/// changes how presets compile.
package struct RepositoryConfig: Sendable {
  /// The file name.
  package static let fileName = "presetctl.yaml"
  /// Top-level keys the file may have (besides `x-*`).
  package static let knownKeys = ["environments", "policy", "lint", "catalogue"]

  /// One deployment environment.
  package struct Environment: Sendable {
    /// Its name (`staging`).
    package var name: String
    /// The slug template, containing `{slug}` once (`{slug}-staging`); `{slug}` for a default environment
    /// that omits it.
    package var slugPattern: String
    /// True for the one environment marked `default: true`: commands without `--env` compile for it.
    package var isDefault = false
    /// Optional free text.
    package var description: String?
    /// Request overrides deep-merged over every preset's request (the environment wins).
    package var request: JSONObject
    /// Where the overrides were written.
    package var requestNode: SourceNode
    /// Where the environment is declared (its name key).
    package var location: SourceLocation
    /// Where the slug template was written (the `slug` value, or the name key when it is omitted).
    package var slugLocation: SourceLocation

    /// The slug a preset gets in this environment.
    package func slug(for base: String) -> String {
      slugPattern.replacingOccurrences(of: "{slug}", with: base)
    }
  }

  /// Declared environments, in file order.
  package var environments: [Environment] = []
  /// The loaded file, when there is one (policy and lint read their sections from it).
  package var document: LocatedDocument?

  /// An empty configuration (no file).
  package init() {}

  /// The environment with this name.
  package func environment(named name: String) -> Environment? { environments.first { $0.name == name } }

  /// The environment marked `default: true`, if any.
  package var defaultEnvironment: Environment? { environments.first { $0.isDefault } }

  /// Where the configuration is read from, the same way for every PATH: from PATH (a file's folder) upward to
  /// the repository root, the nearest folder holding `presetctl.yaml` wins. So `presets/presetctl.yaml`
  /// governs `validate presets`, `validate presets/support` and `validate presets/support/x.yaml`, and a file
  /// at the root governs every tree that has none of its own. A PATH outside the root looks in its own
  /// folder, then at the root.
  package static func location(for path: String, layout: RepositoryLayout) -> URL? {
    let fm = FileManager.default
    var isDirectory: ObjCBool = false
    let input = URL(fileURLWithPath: path).standardizedFileURL
    var folder =
      fm.fileExists(atPath: input.path, isDirectory: &isDirectory) && !isDirectory.boolValue
      ? input.deletingLastPathComponent() : input
    let root = layout.root.standardizedFileURL
    func found(_ candidate: URL) -> URL? {
      let file = candidate.appendingPathComponent(fileName)
      var isFolder: ObjCBool = false
      return fm.fileExists(atPath: file.path, isDirectory: &isFolder) && !isFolder.boolValue ? file : nil
    }
    guard PathContainment.isInside(folder.path, folder: root.path) else {
      return found(folder) ?? found(root)
    }
    while true {
      if let file = found(folder) { return file }
      if folder.path.hasSameCodeUnits(as: root.path) { return nil }
      let parent = folder.deletingLastPathComponent()
      if parent.path == folder.path { return nil }
      folder = parent
    }
  }

  /// Loads `presetctl.yaml` (see `location(for:layout:)`); no file gives the empty configuration.
  package static func load(path: String, layout: RepositoryLayout) -> (
    config: RepositoryConfig, diagnostics: [Diagnostic]
  ) {
    guard let url = location(for: path, layout: layout) else { return (RepositoryConfig(), []) }
    let path = url.path
    let fileName = layout.relativePath(url)
    let bytes: [UInt8]
    do {
      bytes = try FileReader.read(path, limit: YAMLLoader.Limits().maxFileBytes)
    } catch {
      return (
        RepositoryConfig(),
        [.error(error.code, error.message(for: fileName), at: SourceLocation(file: fileName, line: 1, column: 1))]
      )
    }
    let documents: [LocatedDocument]
    do {
      documents = try YAMLLoader.load(bytes, file: fileName)
    } catch {
      return (RepositoryConfig(), error.diagnostics)
    }
    guard let document = documents.first(where: { !$0.value.isNull }) else { return (RepositoryConfig(), []) }
    return parse(document)
  }

  /// Reads the environments from a loaded document and checks the top-level keys.
  package static func parse(_ document: LocatedDocument) -> (config: RepositoryConfig, diagnostics: [Diagnostic]) {
    var config = RepositoryConfig()
    config.document = document
    var diagnostics: [Diagnostic] = []
    let map = document.sourceMap
    guard case .object(let top) = document.value else {
      return (config, [.error("config.not-a-mapping", "\(fileName) must be a mapping", at: map.location(of: .root))])
    }
    for member in top.members where !member.key.hasPrefix("x-") && !knownKeys.contains(member.key) {
      let pointer = JSONPointer.root.appending(member.key)
      diagnostics.append(
        .error(
          "config.unknown-key", "unknown key `\(member.key)` in \(fileName)", at: map.keyLocation(of: pointer),
          path: pointer.description,
          hint: DidYouMean.suggestion(for: member.key, among: knownKeys).map { "did you mean `\($0)`?" }))
    }
    if let environments = top["environments"] {
      var parser = EnvironmentParser(map: map)
      config.environments = parser.environments(environments)
      diagnostics += parser.diagnostics
    }
    return (config, diagnostics)
  }
}
