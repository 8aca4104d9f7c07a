import PresetCore
import PresetSchema

/// A compiled preset: its normalised model, version, the body to POST, and where it came from.
package struct Preset: Sendable, Equatable {
  /// Where a preset (or its prompt) was written.
  package struct Origin: Sendable, Equatable, Hashable {
    /// Path relative to the repository root.
    package var file: String
    /// 1-based line.
    package var line: Int

    /// Creates an origin.
    package init(file: String, line: Int) {
      self.file = file
      self.line = line
    }
  }

  /// The slug.
  package var slug: String
  /// The skin the body is written in (and the endpoint it is POSTed to).
  package var skin: Skin
  /// Optional description, kept in the bundle.
  package var description: String?
  /// The normalised content.
  package var model: PresetModel
  /// `model.version`, computed once.
  package var version: PresetVersion
  /// The RFC 8785 canonical JSON of `model`, the bytes `version` hashes: kept so the bundle entry embeds them
  /// instead of serialising the model a second time.
  package var canonicalModel: [UInt8]
  /// The file and line of the document's first key.
  package var source: Origin
  /// Where the system prompt text starts (the prompt file's line 1, or the YAML value), when there is one.
  package var promptSource: Origin?
  /// The body to POST: the request as written, with the system prompt moved into the skin's place.
  package var body: JSONObject
  /// The merged request (defaults, preset, environment) and where each of its values was written; nil for
  /// presets read back from a bundle.
  package var request: LocatedDocument?
  /// The prompt lints silenced for this preset, with reasons (`suppress`); not part of the model or version,
  /// and empty for presets read back from a bundle.
  package var suppressions: [LintSuppression] = []

  /// Creates a compiled preset; `version` is derived from `model`.
  package init(
    slug: String, skin: Skin, description: String?, model: PresetModel, source: Origin, promptSource: Origin?,
    body: JSONObject
  ) {
    self.slug = slug
    self.skin = skin
    self.description = description
    self.model = model
    let canonical = model.canonicalBytes
    self.canonicalModel = canonical
    self.version = PresetVersion(canonicalJSON: canonical)
    self.source = source
    self.promptSource = promptSource
    self.body = body
  }

  /// The API path (below the base URL) that creates a version of this preset.
  package var requestPath: String { PresetEndpoint.create(slug, skin: skin) }
}
