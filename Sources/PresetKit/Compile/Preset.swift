/// A compiled preset: its normalised model, version, the body to POST, and where it came from.
public struct Preset: Sendable, Equatable {
  /// Where a preset (or its prompt) was written.
  public struct Origin: Sendable, Equatable, Hashable {
    /// Path relative to the repository root.
    public var file: String
    /// 1-based line.
    public var line: Int

    /// Creates an origin.
    public init(file: String, line: Int) {
      self.file = file
      self.line = line
    }
  }

  /// The slug.
  public var slug: String
  /// The skin the body is written in (and the endpoint it is POSTed to).
  public var skin: Skin
  /// Optional description, kept in the bundle.
  public var description: String?
  /// The normalised content.
  public var model: PresetModel
  /// `model.version`, computed once.
  public var version: PresetVersion
  /// The file and line of the document's first key.
  public var source: Origin
  /// Where the system prompt text starts (the prompt file's line 1, or the YAML value), when there is one.
  public var promptSource: Origin?
  /// The body to POST: the request as written, with the system prompt moved into the skin's place.
  public var body: JSONObject
  /// The merged request (defaults, preset, environment) and where each of its values was written; nil for
  /// presets read back from a bundle.
  public var request: LocatedDocument?

  /// Creates a compiled preset; `version` is derived from `model`.
  public init(
    slug: String, skin: Skin, description: String?, model: PresetModel, source: Origin, promptSource: Origin?,
    body: JSONObject
  ) {
    self.slug = slug
    self.skin = skin
    self.description = description
    self.model = model
    self.version = model.version
    self.source = source
    self.promptSource = promptSource
    self.body = body
  }

  /// The API path (below the base URL) that creates a version of this preset.
  public var requestPath: String { "/presets/\(slug)/\(skin.endpointPath)" }
}
