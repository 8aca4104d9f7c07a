/// The three inference "skins" a preset can be written in; each is the request body of one OpenRouter endpoint.
package enum Skin: String, Sendable, Hashable, CaseIterable, Codable {
  /// OpenAI Chat Completions (`ChatRequest`); the system prompt is the system/developer message.
  case chat
  /// Anthropic Messages (`MessagesRequest`); the system prompt is top-level `system`.
  case messages
  /// OpenAI Responses (`ResponsesRequest`); the system prompt is `instructions`.
  case responses

  /// The path below `/presets/{slug}/` that creates a version from a body of this skin.
  package var endpointPath: String {
    switch self {
    case .chat: "chat/completions"
    case .messages: "messages"
    case .responses: "responses"
    }
  }

  /// The schema file in `schemas/` that validates a request body of this skin.
  package var schemaFileName: String {
    switch self {
    case .chat: "chat-completions.schema.json"
    case .messages: "messages.schema.json"
    case .responses: "responses.schema.json"
    }
  }
}
