import PresetCore
import PresetSchema

extension InferenceReply {
  /// Applies one streamed event's `data` (already split by `ServerSentEvents`) of `skin`'s endpoint and returns
  /// the text it adds. `[DONE]`, unknown events and non-JSON data add nothing. An `error` member is returned
  /// as the error's message in `error`.
  package mutating func apply(eventData: String, skin: Skin) -> (text: String, error: String?) {
    guard eventData != "[DONE]", let json = try? JSONParser.parse(Array(eventData.utf8)) else { return ("", nil) }
    if let message = json["error"]?["message"]?.stringValue { return ("", message) }
    var delta = ""
    switch skin {
    case .chat:
      let choice = json["choices"]?.arrayValue?.first
      delta = choice?["delta"]?["content"]?.stringValue ?? ""
      if let reason = choice?["finish_reason"]?.stringValue { finishReason = reason }
      absorbMetadata(json)
    case .messages:
      switch json["type"]?.stringValue {
      case "message_start": if let message = json["message"] { absorbMetadata(message) }
      case "content_block_delta":
        if json["delta"]?["type"]?.stringValue == "text_delta" { delta = json["delta"]?["text"]?.stringValue ?? "" }
      case "message_delta":
        if let reason = json["delta"]?["stop_reason"]?.stringValue { finishReason = reason }
        absorbMetadata(json)
      default: break
      }
    case .responses:
      switch json["type"]?.stringValue {
      case "response.output_text.delta": delta = json["delta"]?.stringValue ?? ""
      case "response.completed", "response.failed", "response.incomplete":
        if let response = json["response"] {
          absorbMetadata(response)
          finishReason = response["status"]?.stringValue ?? finishReason
        }
      default: break
      }
    }
    text += delta
    return (delta, nil)
  }
}
