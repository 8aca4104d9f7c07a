import PresetCore
import PresetSchema

/// Builds the body that is POSTed for a preset: the request as written, plus only what the endpoint needs.
///
/// The system prompt from `system_prompt_file` goes where the skin keeps it (chat: a system message first in
/// `messages`; messages: `system`; responses: `instructions`). Members the skin's schema requires are added as
/// placeholders the API does not store: chat and messages bodies need a non-empty `messages`, so a lone
/// `{"role": "user", "content": "presetctl placeholder: not stored"}` is appended when there is none.
/// Normalisation, not this body, decides the version.
package enum RequestBody {
  /// The placeholder message for skins whose schema requires a non-empty `messages`.
  static let placeholderMessage: JSONValue = .object(
    JSONObject([
      .init(key: "role", value: "user"),
      .init(key: "content", value: "presetctl placeholder: not stored"),
    ]))

  /// The body and whether a system message was inserted at the front of `messages` (shifting indices by one).
  package static func make(request: JSONObject, skin: Skin, filePrompt: String?) -> (
    body: JSONObject, shiftedMessages: Bool
  ) {
    var body = request
    var shifted = false
    if let prompt = filePrompt {
      switch skin {
      case .chat:
        let system: JSONValue = .object(
          JSONObject([.init(key: "role", value: "system"), .init(key: "content", value: .string(prompt))]))
        if case .array(let messages)? = body["messages"] {
          body["messages"] = .array([system] + messages)
        } else {
          body["messages"] = .array([system])
        }
        shifted = true
      case .messages: body["system"] = .string(prompt)
      case .responses: body["instructions"] = .string(prompt)
      }
    }
    if skin == .chat || skin == .messages {
      switch body["messages"] {
      case .array(let messages)? where !messages.isEmpty: break
      case nil, .array?: body["messages"] = .array([placeholderMessage])
      default: break  // a wrong type is left for the schema to report
      }
    }
    return (body, shifted)
  }

  /// Maps a pointer inside the body back to the pointer inside the written request; nil when it points into
  /// the system message inserted from the prompt file (which has no place in the request).
  package static func requestPointer(forBody pointer: JSONPointer, shiftedMessages: Bool) -> JSONPointer? {
    guard shiftedMessages, pointer.components.count >= 2, pointer.components[0] == .key("messages") else {
      return pointer
    }
    let index: Int?
    switch pointer.components[1] {
    case .index(let i): index = i
    case .key(let k): index = Int(k)
    }
    guard let index, index > 0 else { return nil }
    var components = pointer.components
    components[1] = .index(index - 1)
    return JSONPointer(components: components)
  }
}
