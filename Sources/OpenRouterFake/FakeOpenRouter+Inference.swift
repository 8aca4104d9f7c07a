import PresetCore
import PresetKit
import PresetSchema

extension FakeOpenRouter {
  /// The provider name the fake says served every inference request.
  package static let fakeProvider = "FakeProvider"

  /// Serves `POST /chat/completions`, `/messages` and `/responses` (segments below `/api/v1`), or nil for
  /// any other path. The reply is canned and deterministic: `Echo (<model>, <n> system chars): <last user
  /// text>`, with usage counted as UTF-8 bytes / 4 and a cost of 1e-6 per token; `stream: true` answers the
  /// same reply as `text/event-stream` events in the endpoint's shape, split into pieces of 8 characters.
  func inference(_ request: FakeHTTPRequest, segments: [String]) -> FakeHTTPResponse? {
    let skin: Skin
    switch segments {
    case ["chat", "completions"]: skin = .chat
    case ["messages"]: skin = .messages
    case ["responses"]: skin = .responses
    default: return nil
    }
    guard request.method == "POST" else { return .error(405, "Method not allowed") }
    guard let parsed = try? JSONParser.parse(request.body), case .object(let body) = parsed else {
      return .error(400, "Invalid request parameters: the body must be a JSON object")
    }
    guard let model = body["model"]?.stringValue else { return .error(400, "'model' is required") }
    let system = PresetExtraction.systemPrompt(from: body, skin: skin) ?? ""
    let user = Self.lastUserText(body, skin: skin)
    let reply = "Echo (\(model), \(system.unicodeScalars.count) system chars): \(user)"
    let promptTokens = (system.utf8.count + user.utf8.count + 3) / 4
    let completionTokens = (reply.utf8.count + 3) / 4
    let usage = Usage(prompt: promptTokens, completion: completionTokens)
    if body["stream"] == .bool(true) {
      return FakeInferenceShapes.stream(reply, model: model, usage: usage, skin: skin)
    }
    return .json(200, FakeInferenceShapes.answer(reply, model: model, usage: usage, skin: skin))
  }

  /// Token counts of one canned reply.
  struct Usage {
    var prompt: Int
    var completion: Int
    var cost: Double { Double(prompt + completion) * 1e-6 }
  }

  /// The text of the last user turn (string content or text parts).
  private static func lastUserText(_ body: JSONObject, skin: Skin) -> String {
    let turns = (skin == .responses ? body["input"] : body["messages"])
    if skin == .responses, let text = turns?.stringValue { return text }
    guard let last = turns?.arrayValue?.last(where: { $0["role"]?.stringValue == "user" }) else { return "" }
    switch last["content"] {
    case .string(let text)?: return text
    case .array(let parts)?: return parts.compactMap { $0["text"]?.stringValue }.joined()
    default: return ""
    }
  }
}
