import PresetCore
import PresetSchema

/// Reads and checks the `environments` section of `presetctl.yaml`.
///
/// Rules (README "Environments"): names match `^[a-z0-9][a-z0-9_-]*$` (at most 64 characters); each environment
/// is a mapping of `slug`, `default`, `description`, `request` (and `x-*`); `slug` is a string containing
/// `{slug}` exactly once whose other characters keep every slug valid; only the one environment marked
/// `default: true` may omit `slug` (it means `{slug}`); no two environments share a template. Any violation is
/// an error, so a compilation never runs with an environment that could write over another one's presets.
struct EnvironmentParser {
  /// Keys an environment may have (besides `x-*`).
  static let keys = ["slug", "default", "description", "request"]
  /// Longest environment name.
  static let maxNameLength = 64

  /// The source map of `presetctl.yaml`.
  let map: SourceMap
  /// Problems found so far.
  var diagnostics: [Diagnostic] = []

  init(map: SourceMap) { self.map = map }

  private mutating func fail(
    _ message: String, at location: SourceLocation, path: JSONPointer, code: String = "config.environment",
    hint: String? = nil, related: [Diagnostic.Related] = []
  ) {
    diagnostics.append(
      Diagnostic(
        severity: .error, code: code, message: message, location: location, path: path.description, related: related,
        hint: hint))
  }

  /// The environments that passed every check, in file order.
  mutating func environments(_ value: JSONValue) -> [RepositoryConfig.Environment] {
    let root = JSONPointer.root.appending("environments")
    if value.isNull { return [] }
    guard case .object(let members) = value else {
      fail(
        "`environments` must be a mapping of names to settings, got \(value.typeName)", at: map.location(of: root),
        path: root)
      return []
    }
    var result: [RepositoryConfig.Environment] = []
    for member in members.members {
      if let environment = environment(member.key, member.value, at: root.appending(member.key)) {
        result.append(environment)
      }
    }
    checkDefaults(result)
    return checkTemplates(result)
  }

  /// One environment, or nil when it has errors.
  private mutating func environment(_ name: String, _ value: JSONValue, at pointer: JSONPointer)
    -> RepositoryConfig.Environment?
  {
    let location = map.keyLocation(of: pointer)
    var ok = true
    if !Self.isValidName(name) {
      ok = false
      fail(
        "environment name `\(name)` must be lowercase letters, digits, `-` and `_`, starting with a letter or digit (^[a-z0-9][a-z0-9_-]*$), at most \(Self.maxNameLength) characters",
        at: location, path: pointer)
    }
    guard case .object(let settings) = value else {
      fail(
        "environment `\(name)` must be a mapping (`slug`, `default`, `description`, `request`), got \(value.typeName)",
        at: map.location(of: pointer), path: pointer)
      return nil
    }
    for key in settings.keys where !key.hasPrefix("x-") && !Self.keys.contains(key) {
      ok = false
      fail(
        "unknown key `\(key)` in environment `\(name)` (allowed: \(Self.keys.joined(separator: ", ")), or `x-*`)",
        at: map.keyLocation(of: pointer.appending(key)), path: pointer.appending(key),
        hint: DidYouMean.suggestion(for: key, among: Self.keys).map { "did you mean `\($0)`?" })
    }
    func typed<T>(_ key: String, _ what: String, _ read: (JSONValue) -> T?) -> T? {
      guard let value = settings[key] else { return nil }
      if let typed = read(value) { return typed }
      ok = false
      fail(
        "`\(key)` of environment `\(name)` must be \(what), got \(value.typeName)",
        at: map.location(of: pointer.appending(key)), path: pointer.appending(key))
      return nil
    }
    let isDefault = typed("default", "true or false", \.boolValue) ?? false
    let description = typed("description", "a string", \.stringValue)
    let request = typed("request", "a mapping (deep-merged over every preset's request)", \.objectValue)
    let slugPointer = pointer.appending("slug")
    var pattern = "{slug}"
    var slugLocation = location
    if let template = typed("slug", "a string containing `{slug}`", \.stringValue) {
      pattern = template
      slugLocation = map.location(of: slugPointer)
      if let problem = Self.templateProblem(template) {
        ok = false
        fail(
          "the slug template `\(template)` of environment `\(name)` \(problem)", at: slugLocation, path: slugPointer,
          code: "config.slug-pattern")
      }
    } else if settings["slug"] == nil, !isDefault {
      ok = false
      fail(
        "environment `\(name)` has no `slug` template, so it would deploy to the same slugs as the presets without an environment",
        at: location, path: pointer, code: "config.slug-pattern",
        hint: "add `slug: \"{slug}-\(name)\"`, or mark the one environment that owns the plain slugs `default: true`")
    }
    guard ok else { return nil }
    return RepositoryConfig.Environment(
      name: name, slugPattern: pattern, isDefault: isDefault, description: description,
      request: request ?? JSONObject(),
      requestNode: request == nil
        ? map.node(at: pointer).node.inFile(map.file)
        : map.node(at: pointer.appending("request")).node.inFile(map.file),
      location: location, slugLocation: slugLocation)
  }

  /// At most one environment is the default.
  private mutating func checkDefaults(_ environments: [RepositoryConfig.Environment]) {
    let defaults = environments.filter(\.isDefault)
    guard let first = defaults.first else { return }
    for other in defaults.dropFirst() {
      fail(
        "environments `\(first.name)` and `\(other.name)` are both marked `default: true`; at most one may be",
        at: other.location, path: JSONPointer.root.appending("environments").appending(other.name),
        related: [.init(message: "`\(first.name)` is the default here", location: first.location)])
    }
  }

  /// No two environments share a template; returns the environments without the later ones of a clash.
  private mutating func checkTemplates(_ environments: [RepositoryConfig.Environment]) -> [RepositoryConfig.Environment]
  {
    var firstByTemplate: [String: RepositoryConfig.Environment] = [:]
    var kept: [RepositoryConfig.Environment] = []
    for environment in environments {
      if let first = firstByTemplate[environment.slugPattern] {
        fail(
          "environments `\(first.name)` and `\(environment.name)` have the same slug template `\(environment.slugPattern)`, so they would deploy to the same presets",
          at: environment.slugLocation,
          path: JSONPointer.root.appending("environments").appending(environment.name).appending("slug"),
          code: "config.environment-collision",
          related: [.init(message: "`\(first.name)` uses it here", location: first.slugLocation)])
        continue
      }
      firstByTemplate[environment.slugPattern] = environment
      kept.append(environment)
    }
    return kept
  }

  /// True for a valid environment name.
  static func isValidName(_ name: String) -> Bool {
    let bytes = Array(name.utf8)
    guard let first = bytes.first, bytes.count <= maxNameLength, isLowerAlnum(first) else { return false }
    return bytes.allSatisfy { isLowerAlnum($0) || $0 == 0x2D || $0 == 0x5F }
  }

  private static func isLowerAlnum(_ b: UInt8) -> Bool { (0x61...0x7A).contains(b) || (0x30...0x39).contains(b) }

  /// Why a template is unusable, or nil. Its text around `{slug}` must keep a valid slug valid: with `{slug}`
  /// standing for `a`, the result must be a valid slug (so no `_`, capitals, `--`, leading or trailing `-`).
  /// Length still depends on the preset and is checked per preset.
  static func templateProblem(_ template: String) -> String? {
    let parts = template.components(separatedBy: "{slug}")
    guard parts.count == 2 else {
      return parts.count == 1 ? "must contain `{slug}`" : "must contain `{slug}` exactly once"
    }
    let sample = parts[0] + "a" + parts[1]
    guard SlugRule.isValid(sample) || sample.utf8.count > SlugRule.maxLength else {
      return
        "gives invalid slugs (`\(sample)` for a preset `a`): around `{slug}` only lowercase letters, digits and single dashes are allowed, and a slug cannot start or end with `-`"
    }
    guard sample.utf8.count <= SlugRule.maxLength else {
      return "is longer than a slug may be (\(SlugRule.maxLength) characters) for any preset"
    }
    return nil
  }
}
