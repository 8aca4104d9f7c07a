import PresetCore
import PresetKit
import PresetSchema

/// How the fake turns a POSTed inference body into a stored version: the documented rules from FACTS.md plus
/// one chosen rule where the docs are silent (several system parts are joined with a blank line).
enum PresetExtraction {
  /// Keys that describe one request, not the preset; never stored in config.
  static let transientKeys: Set<String> = [
    "messages", "input", "prompt", "stream", "stream_options", "system", "instructions",
  ]

  /// Checks the body the way the live API does; returns an error message or nil.
  static func problem(in body: JSONObject, skin: Skin) -> String? {
    switch skin {
    case .chat:
      guard let messages = body["messages"]?.arrayValue, !messages.isEmpty else {
        return "'messages' is required and must contain at least one message"
      }
    case .messages:
      guard body["model"]?.stringValue != nil else { return "'model' is required" }
      guard body["messages"]?.arrayValue != nil else { return "'messages' is required" }
    case .responses:
      break
    }
    if let models = body["models"]?.arrayValue, models.count > 3 {
      return "'models' array must have 3 items or fewer."
    }
    return nil
  }

  /// The system prompt per skin: chat joins system/developer messages (string content or text parts);
  /// messages takes `system` (string or text blocks); responses takes `instructions`.
  static func systemPrompt(from body: JSONObject, skin: Skin) -> String? {
    switch skin {
    case .chat:
      var parts: [String] = []
      for message in body["messages"]?.arrayValue ?? [] {
        guard let role = message["role"]?.stringValue, role == "system" || role == "developer" else { continue }
        parts += textParts(message["content"])
      }
      return parts.isEmpty ? nil : parts.joined(separator: "\n\n")
    case .messages:
      let parts = textParts(body["system"])
      return parts.isEmpty ? nil : parts.joined(separator: "\n\n")
    case .responses:
      return body["instructions"]?.stringValue
    }
  }

  /// A string, or the `text` of `{type: "text"}` items in an array.
  private static func textParts(_ content: JSONValue?) -> [String] {
    switch content {
    case .string(let text)?:
      return [text]
    case .array(let items)?:
      return items.compactMap { item in
        guard item["type"]?.stringValue == "text" else { return nil }
        return item["text"]?.stringValue
      }
    default:
      return []
    }
  }

  /// The config: the body minus transient keys, minus keys the fake does not know (when a set is given).
  static func config(from body: JSONObject, knownKeys: Set<String>?) -> JSONObject {
    JSONObject(
      body.members.filter { member in
        !transientKeys.contains(member.key) && (knownKeys.map { $0.contains(member.key) } ?? true)
      })
  }

  /// Fills in defaults the way presets made in the web UI show them: absent keys are added, nested objects
  /// are filled recursively, present values win.
  static func addingDefaults(_ defaults: JSONObject, to config: JSONObject) -> JSONObject {
    var result = config
    for member in defaults.members {
      if let existing = result[member.key] {
        if case .object(let inner) = existing, case .object(let innerDefaults) = member.value {
          result[member.key] = .object(addingDefaults(innerDefaults, to: inner))
        }
      } else {
        result[member.key] = member.value
      }
    }
    return result
  }
}
