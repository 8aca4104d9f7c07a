import PresetCore
import PresetSchema

/// What one inference call (`presetctl try`) answered, read leniently from any of the three endpoints' shapes.
///
/// Every string here comes from the server and is untrusted: renderers neutralise it.
package struct InferenceReply: Sendable, Equatable {
  /// The reply text (text parts joined); empty when the answer held none.
  package var text: String = ""
  /// The model that served the request.
  package var model: String?
  /// The provider that served it (`provider`, else the selected endpoint in `openrouter_metadata`).
  package var provider: String?
  /// Why generation stopped (`finish_reason`, `stop_reason`, `status`).
  package var finishReason: String?
  /// Prompt (input) tokens.
  package var promptTokens: Int?
  /// Completion (output) tokens.
  package var completionTokens: Int?
  /// Total tokens (the server's, else the sum).
  package var totalTokens: Int?
  /// Cost in credits (USD), when the server says.
  package var cost: Double?

  /// Creates an empty reply.
  package init() {}

  /// Reads a whole (non-streamed) answer of `skin`'s endpoint.
  package init(answer json: JSONValue, skin: Skin) {
    switch skin {
    case .chat:
      let message = json["choices"]?.arrayValue?.first
      text = Self.text(message?["message"]?["content"], partType: "text")
      finishReason = message?["finish_reason"]?.stringValue
    case .messages:
      text = Self.text(json["content"], partType: "text")
      finishReason = json["stop_reason"]?.stringValue
    case .responses:
      var parts: [String] = []
      for item in json["output"]?.arrayValue ?? [] where item["type"]?.stringValue == "message" {
        let t = Self.text(item["content"], partType: "output_text")
        if !t.isEmpty { parts.append(t) }
      }
      text = parts.isEmpty ? (json["output_text"]?.stringValue ?? "") : parts.joined(separator: "\n")
      finishReason = json["status"]?.stringValue
    }
    absorbMetadata(json)
  }

  /// Takes model, provider and usage from an answer (or a stream event carrying them); present values win.
  package mutating func absorbMetadata(_ json: JSONValue) {
    if let model = json["model"]?.stringValue { self.model = model }
    if let provider = json["provider"]?.stringValue {
      self.provider = provider
    } else if provider == nil,
      let selected = json["openrouter_metadata"]?["endpoints"]?["available"]?.arrayValue?.first(where: {
        $0["selected"] == .bool(true)
      }), let name = selected["provider"]?.stringValue
    {
      provider = name
    }
    guard let usage = json["usage"]?.objectValue else { return }
    func int(_ keys: String...) -> Int? {
      for key in keys { if let n = usage[key]?.numberValue, n >= 0, n < 1e15, n == n.rounded() { return Int(n) } }
      return nil
    }
    promptTokens = int("prompt_tokens", "input_tokens") ?? promptTokens
    completionTokens = int("completion_tokens", "output_tokens") ?? completionTokens
    totalTokens = int("total_tokens") ?? totalTokens
    if let cost = usage["cost"]?.numberValue, cost.isFinite { self.cost = cost }
  }

  /// The total the server gave, else prompt + completion when both are known.
  package var effectiveTotalTokens: Int? {
    totalTokens ?? promptTokens.flatMap { p in completionTokens.map { p + $0 } }
  }

  /// A string, or the `text` of parts of `partType` in an array, joined.
  private static func text(_ value: JSONValue?, partType: String) -> String {
    switch value {
    case .string(let s)?: return s
    case .array(let parts)?:
      return parts.compactMap { part in
        part["type"]?.stringValue == partType ? part["text"]?.stringValue : nil
      }.joined()
    default: return ""
    }
  }
}
