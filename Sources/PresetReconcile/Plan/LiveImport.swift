import PresetCore
import PresetModel
import PresetSchema

/// Turns live presets back into preset files (`presetctl import`), and live versions back into bodies
/// (`presetctl rollback`).
///
/// The file holds the normalised config (UI noise such as explicit nulls and defaults is dropped: it does not
/// change the version) and the system prompt where the chosen skin keeps it, so that compiling the file gives
/// exactly the live version.
package enum LiveImport {
  /// A preset file made from a live preset.
  package struct File: Sendable {
    /// The slug.
    package var slug: String
    /// The skin chosen.
    package var skin: Skin
    /// The YAML text.
    package var text: String
    /// The version the file compiles to (equal to the live version).
    package var version: PresetVersion
    /// False when the live config fits no skin: the file (written as chat) would not compile, so `import`
    /// reports it instead of writing it.
    package var fits: Bool = true
  }

  /// The file name `import` writes a live preset to. The slug comes from the server, so the name is placed with
  /// `OutputTarget.entry(named:in:)`, which refuses anything but a plain name inside the folder.
  package static func fileName(for slug: String) -> String { slug + ".yaml" }

  /// The skin to write a model in: `preferred` (the skin of the file being replaced, so a messages preset stays
  /// one) when its schema accepts a body made of this model, else the first that does of chat, responses,
  /// messages; nil when none does.
  package static func skin(for model: PresetModel, validators: SkinValidators, preferred: Skin? = nil) -> Skin? {
    let order: [Skin] = [.chat, .responses, .messages]
    for skin in (preferred.map { [$0] } ?? []) + order {
      let body = RequestBody.make(request: request(for: model, skin: skin), skin: skin, filePrompt: nil).body
      if validators.validator(for: skin).validate(.object(body)).isEmpty { return skin }
    }
    return nil
  }

  /// The request as a preset file writes it: the config plus the prompt in the skin's place.
  package static func request(for model: PresetModel, skin: Skin) -> JSONObject {
    var request = model.config
    if let prompt = model.systemPrompt {
      switch skin {
      case .chat:
        request["messages"] = .array([
          .object(JSONObject([.init(key: "role", value: "system"), .init(key: "content", value: .string(prompt))]))
        ])
      case .messages: request["system"] = .string(prompt)
      case .responses: request["instructions"] = .string(prompt)
      }
    }
    return request
  }

  /// The POST body that makes `model` live again (used by rollback): the chosen skin's body with placeholders.
  package static func body(for model: PresetModel, validators: SkinValidators) -> (skin: Skin, body: JSONObject) {
    let skin = skin(for: model, validators: validators) ?? .chat
    return (skin, RequestBody.make(request: request(for: model, skin: skin), skin: skin, filePrompt: nil).body)
  }

  /// The `skin:` of the preset file at `path` when it holds exactly one preset (what a re-import replaces); nil
  /// when there is none or it cannot be read.
  package static func existingSkin(atPath path: String) -> Skin? {
    guard let bytes = try? FileReader.read(path, limit: 16 * 1024 * 1024),
      let documents = try? YAMLLoader.load(bytes, file: path), documents.count == 1,
      let text = documents[0].value["skin"]?.stringValue
    else { return nil }
    return Skin(rawValue: text)
  }

  /// The preset file for a live preset, in `preferred` skin when the model fits it; nil when it has no designated
  /// version. A model that fits no skin gives a chat file with `fits` false.
  package static func file(for live: LivePreset, validators: SkinValidators, preferred: Skin? = nil) -> File? {
    guard let model = live.model else { return nil }
    let fitting = skin(for: model, validators: validators, preferred: preferred)
    let skin = fitting ?? .chat
    var document = JSONObject()
    document["slug"] = .string(live.slug)
    document["skin"] = .string(skin.rawValue)
    if let description = live.description, !description.isEmpty { document["description"] = .string(description) }
    var text = "# Imported from OpenRouter"
    if let number = live.designatedVersion?.version { text += " (live version \(number))" }
    text += " by presetctl \(ToolVersion.current).\n"
    text += YAMLWriter.mapping(document)
    text += "request:"
    let request = request(for: model, skin: skin)
    text += request.isEmpty ? " {}\n" : "\n" + requestYAML(request, skin: skin)
    return File(slug: live.slug, skin: skin, text: text, version: model.version, fits: fitting != nil)
  }

  /// The request mapping with the prompt written as a literal block where that is exact (also used by
  /// `capture`).
  package static func requestYAML(_ request: JSONObject, skin: Skin) -> String {
    switch skin {
    case .messages: return YAMLWriter.mapping(request, indent: 2, blockScalarKeys: ["system"])
    case .responses: return YAMLWriter.mapping(request, indent: 2, blockScalarKeys: ["instructions"])
    case .chat:
      var out = ""
      for member in request.members {
        if member.key == "messages", case .array(let messages) = member.value, messages.count == 1,
          let prompt = messages[0]["content"]?.stringValue
        {
          out +=
            "  messages:\n    - role: system\n      content:"
            + YAMLWriter.value(.string(prompt), indent: 6, preferBlock: true)
        } else {
          out += YAMLWriter.mapping(JSONObject([member]), indent: 2)
        }
      }
      return out
    }
  }
}
