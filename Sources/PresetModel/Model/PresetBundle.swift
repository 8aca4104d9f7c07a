import PresetCore
import PresetSchema

/// The deterministic build output: every preset with its version, model, source and the exact request to POST.
///
/// Format `presetctl.bundle/v2`: `{"digest", "format", "presets": [...]}`, presets sorted by slug, written as
/// pretty JSON with sorted keys. `digest` follows `BundleDigest` (a hash over each entry's own hash), so a
/// deploy job can check a bundle was not edited by hand. `presetctl.bundle/v1` bundles, whose digest is the
/// hash of the canonical JSON of the whole `presets` array and which are otherwise identical, are still read.
package struct PresetBundle: Sendable, Equatable {
  /// The format tag written into every bundle.
  package static let format = "presetctl.bundle/v2"
  /// The previous format: same entries, digest over the canonical JSON of `presets`. Read, never written.
  package static let formatV1 = "presetctl.bundle/v1"
  /// Every format `init(json:)` accepts.
  package static let readableFormats = [format, formatV1]

  /// The presets, sorted by slug.
  package var presets: [Preset]

  /// Creates a bundle; presets are sorted by slug.
  package init(presets: [Preset]) {
    self.presets = presets.sorted { $0.slug.precedesInCodeUnits($1.slug) }
  }

  /// The `presets` array as JSON.
  package var presetsJSON: JSONValue { .array(presets.map(Self.json(for:))) }

  /// The v2 digest: over the SHA-256 of each entry's canonical JSON, in slug order.
  package var digest: String {
    BundleDigest.of(presets.lazy.map { BundleDigest.EntryHash(canonical: BundleEntry.canonicalBytes(for: $0)) })
  }

  /// The v1 digest rule: `sha256:` + hex SHA-256 of the canonical JSON of the `presets` array.
  static func digestV1(of presets: JSONValue) -> String {
    "sha256:" + SHA256.hexDigest(JSONWriter.canonicalBytes(presets))
  }

  /// The whole bundle as JSON.
  package var json: JSONValue {
    let presets = presetsJSON
    return .object(
      JSONObject([
        .init(key: "format", value: .string(Self.format)),
        .init(key: "presets", value: presets),
        .init(key: "digest", value: .string(digest)),
      ]))
  }

  /// The file bytes: pretty JSON, sorted keys, final newline.
  package var fileBytes: [UInt8] { JSONWriter.bytes(json, options: .pretty) }

  /// One preset's bundle entry.
  package static func json(for preset: Preset) -> JSONValue {
    var object = JSONObject()
    object["slug"] = .string(preset.slug)
    object["skin"] = .string(preset.skin.rawValue)
    if let description = preset.description { object["description"] = .string(description) }
    object["version"] = .string(preset.version.rawValue)
    object["model"] = preset.model.json
    object["source"] = .object(
      JSONObject([
        .init(key: "file", value: .string(preset.source.file)),
        .init(key: "line", value: .number(Double(preset.source.line))),
      ]))
    object["request"] = .object(
      JSONObject([
        .init(key: "method", value: "POST"),
        .init(key: "path", value: .string(preset.requestPath)),
        .init(key: "body", value: .object(preset.body)),
      ]))
    return .object(object)
  }
}

extension PresetBundle {
  /// Why a bundle file could not be read.
  package struct ReadError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    package var message: String
    /// The text shown to people.
    package var description: String { message }
  }

  /// Reads a bundle back, checking its format, digest and every preset's version against its model.
  package init(bytes: [UInt8]) throws(ReadError) {
    let value: JSONValue
    do {
      value = try JSONParser.parse(bytes)
    } catch {
      throw ReadError(message: "not valid JSON: \(error)")
    }
    try self.init(json: value)
  }

  /// Reads a bundle from its JSON value (also used for the bundle embedded in a saved plan).
  package init(json value: JSONValue) throws(ReadError) {
    guard let format = value["format"]?.stringValue, Self.readableFormats.contains(format) else {
      throw ReadError(message: "not a presetctl bundle (expected \"format\": \"\(Self.format)\")")
    }
    guard case .array(let entries)? = value["presets"] else {
      throw ReadError(message: "bundle has no `presets` array")
    }
    var presets: [Preset] = []
    for (i, entry) in entries.enumerated() {
      guard let slug = entry["slug"]?.stringValue, let skin = entry["skin"]?.stringValue.flatMap(Skin.init(rawValue:)),
        let modelJSON = entry["model"], let model = PresetModel(json: modelJSON),
        let version = entry["version"]?.stringValue,
        let file = entry["source"]?["file"]?.stringValue,
        let line = entry["source"]?["line"]?.numberValue.flatMap({ Int(exactly: $0) }),
        case .object(let body)? = entry["request"]?["body"]
      else { throw ReadError(message: "bundle entry \(i) is malformed") }
      let preset = Preset(
        slug: slug, skin: skin, description: entry["description"]?.stringValue, model: model,
        source: Preset.Origin(file: file, line: line), promptSource: nil, body: body)
      guard preset.version.rawValue == version else {
        throw ReadError(
          message: "bundle entry `\(slug)`: version \(version) does not match its model (edited by hand?)")
      }
      presets.append(preset)
    }
    self.init(presets: presets)
    let expected = format == Self.formatV1 ? Self.digestV1(of: presetsJSON) : digest
    guard value["digest"]?.stringValue == expected else {
      throw ReadError(message: "bundle digest does not match its presets (edited by hand?)")
    }
  }
}
