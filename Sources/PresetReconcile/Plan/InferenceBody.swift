import PresetCore
import PresetModel
import PresetSchema

/// The inference body `presetctl try` sends: what the preset stores (its normalised config and system prompt,
/// in the skin's place) plus one user turn, i.e. what a call to `@preset/<slug>` would run once pushed.
package enum InferenceBody {
  /// The body for `model` in `skin` with `message` as the user turn (chat and messages: appended to
  /// `messages`; responses: `input`).
  package static func make(model: PresetModel, skin: Skin, message: String) -> JSONObject {
    var body = LiveImport.request(for: model, skin: skin)
    let turn: JSONValue = .object(
      JSONObject([.init(key: "role", value: "user"), .init(key: "content", value: .string(message))]))
    switch skin {
    case .chat, .messages: body["messages"] = .array((body["messages"]?.arrayValue ?? []) + [turn])
    case .responses: body["input"] = .string(message)
    }
    return body
  }
}
