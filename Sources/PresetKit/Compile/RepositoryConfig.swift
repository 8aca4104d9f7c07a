import Foundation

/// `presetctl.yaml` at the repository root: environments, organisation policy and prompt-lint settings.
///
/// The file is optional. Its `policy` and `lint` sections are interpreted by `PolicyConfig`; this type owns
/// loading the file and the `environments` section, which changes how presets compile.
public struct RepositoryConfig: Sendable {
  /// The file name, at the repository root.
  public static let fileName = "presetctl.yaml"
  /// Top-level keys the file may have (besides `x-*`).
  public static let knownKeys = ["environments", "policy", "lint"]

  /// One deployment environment.
  public struct Environment: Sendable {
    /// Its name (`staging`).
    public var name: String
    /// The slug pattern, containing `{slug}` once (`{slug}-staging`).
    public var slugPattern: String
    /// Request overrides deep-merged over every preset's request (the environment wins).
    public var request: JSONObject
    /// Where the overrides were written.
    public var requestNode: SourceNode
    /// Where the environment is declared.
    public var location: SourceLocation

    /// The slug a preset gets in this environment.
    public func slug(for base: String) -> String {
      slugPattern.replacingOccurrences(of: "{slug}", with: base)
    }
  }

  /// Declared environments, in file order.
  public var environments: [Environment] = []
  /// The loaded file, when there is one (policy and lint read their sections from it).
  public var document: LocatedDocument?

  /// An empty configuration (no file).
  public init() {}

  /// The environment with this name.
  public func environment(named name: String) -> Environment? { environments.first { $0.name == name } }

  /// Where the configuration is read from: `presetctl.yaml` in the compiled folder when it has one, else at the
  /// repository root (so a repository can keep several preset trees with their own settings, and a tool
  /// repository can keep its example configuration beside its example presets).
  public static func location(for path: String, layout: RepositoryLayout) -> URL? {
    var isDirectory: ObjCBool = false
    let input = URL(fileURLWithPath: path).standardizedFileURL
    let folder =
      FileManager.default.fileExists(atPath: input.path, isDirectory: &isDirectory) && !isDirectory.boolValue
      ? input.deletingLastPathComponent() : input
    for candidate in [folder.appendingPathComponent(fileName), layout.root.appendingPathComponent(fileName)]
    where FileManager.default.fileExists(atPath: candidate.path) {
      return candidate
    }
    return nil
  }

  /// Loads `presetctl.yaml` (see `location(for:layout:)`); no file gives the empty configuration.
  public static func load(path: String, layout: RepositoryLayout) -> (
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
  static func parse(_ document: LocatedDocument) -> (config: RepositoryConfig, diagnostics: [Diagnostic]) {
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
    guard let environments = top["environments"] else { return (config, diagnostics) }
    let root = JSONPointer.root.appending("environments")
    guard case .object(let envs) = environments else {
      diagnostics.append(
        .error("config.type", "`environments` must be a mapping of names to settings", at: map.location(of: root)))
      return (config, diagnostics)
    }
    for member in envs.members {
      let pointer = root.appending(member.key)
      let location = map.keyLocation(of: pointer)
      guard case .object(let settings) = member.value else {
        diagnostics.append(.error("config.type", "environment `\(member.key)` must be a mapping", at: location))
        continue
      }
      for key in settings.keys where !["slug", "request", "description"].contains(key) {
        diagnostics.append(
          .error(
            "config.unknown-key",
            "unknown key `\(key)` in environment `\(member.key)` (allowed: slug, request, description)",
            at: map.keyLocation(of: pointer.appending(key))))
      }
      let pattern = settings["slug"]?.stringValue ?? "{slug}"
      if pattern.components(separatedBy: "{slug}").count != 2 {
        diagnostics.append(
          .error(
            "config.slug-pattern", "the slug pattern of `\(member.key)` must contain `{slug}` exactly once",
            at: map.location(of: pointer.appending("slug"))))
      }
      var request = JSONObject()
      var requestNode = map.node(at: pointer).node
      if let value = settings["request"] {
        if case .object(let object) = value {
          request = object
          requestNode = map.node(at: pointer.appending("request")).node.inFile(map.file)
        } else {
          diagnostics.append(
            .error(
              "config.type", "`request` of `\(member.key)` must be a mapping",
              at: map.location(of: pointer.appending("request"))))
        }
      }
      config.environments.append(
        Environment(
          name: member.key, slugPattern: pattern, request: request, requestNode: requestNode, location: location))
    }
    return (config, diagnostics)
  }
}
