/// The tags the loader honours: the YAML 1.2 core schema tags and the non-specific `!`.
enum YAMLCoreTag: Sendable, Equatable {
  case str
  case int
  case float
  case bool
  case null
  case map
  case seq
  /// `!` alone: a scalar written with it is a string whatever it looks like.
  case nonSpecific

  private static let prefix = "tag:yaml.org,2002:"

  /// The core tag for a resolved tag string (libyaml expands `!!int` to `tag:yaml.org,2002:int`), or nil when
  /// the tag is not one we know.
  init?(_ tag: String) {
    if tag == "!" {
      self = .nonSpecific
      return
    }
    guard tag.hasPrefix(Self.prefix) else { return nil }
    switch tag.dropFirst(Self.prefix.count) {
    case "str": self = .str
    case "int": self = .int
    case "float": self = .float
    case "bool": self = .bool
    case "null": self = .null
    case "map": self = .map
    case "seq": self = .seq
    default: return nil
    }
  }

  /// The short spelling for messages (`!!int`), or the tag itself.
  static func display(_ tag: String) -> String {
    tag.hasPrefix(prefix) ? "!!" + tag.dropFirst(prefix.count) : tag
  }
}
