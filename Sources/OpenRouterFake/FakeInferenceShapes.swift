import PresetCore
import PresetKit
import PresetSchema

/// The answer shapes of the three inference endpoints (OpenAPI `ChatResult`, `MessagesResult`,
/// `OpenResponsesResult` and their stream events), filled with the fake's canned reply.
enum FakeInferenceShapes {
  static func answer(_ reply: String, model: String, usage: FakeOpenRouter.Usage, skin: Skin) -> JSONValue {
    switch skin {
    case .chat:
      return [
        "id": "gen-fake-1", "object": "chat.completion", "created": 1_700_000_000, "model": .string(model),
        "provider": .string(FakeOpenRouter.fakeProvider),
        "choices": [
          ["index": 0, "finish_reason": "stop", "message": ["role": "assistant", "content": .string(reply)]]
        ],
        "usage": chatUsage(usage),
      ]
    case .messages:
      return [
        "id": "msg-fake-1", "type": "message", "role": "assistant", "model": .string(model),
        "provider": .string(FakeOpenRouter.fakeProvider), "stop_reason": "end_turn",
        "content": [["type": "text", "text": .string(reply)]], "usage": messagesUsage(usage),
      ]
    case .responses:
      return [
        "id": "resp-fake-1", "object": "response", "status": "completed", "model": .string(model),
        "provider": .string(FakeOpenRouter.fakeProvider),
        "output": [
          [
            "type": "message", "role": "assistant", "status": "completed",
            "content": [["type": "output_text", "text": .string(reply)]],
          ]
        ],
        "usage": [
          "input_tokens": .number(Double(usage.prompt)), "output_tokens": .number(Double(usage.completion)),
          "total_tokens": .number(Double(usage.prompt + usage.completion)), "cost": .number(usage.cost),
        ],
      ]
    }
  }

  static func stream(_ reply: String, model: String, usage: FakeOpenRouter.Usage, skin: Skin) -> FakeHTTPResponse {
    var pieces: [String] = []
    var rest = Substring(reply)
    while !rest.isEmpty {
      pieces.append(String(rest.prefix(8)))
      rest = rest.dropFirst(8)
    }
    var events: [JSONValue] = []
    switch skin {
    case .chat:
      for piece in pieces {
        events.append(["model": .string(model), "choices": [["index": 0, "delta": ["content": .string(piece)]]]])
      }
      events.append([
        "model": .string(model), "provider": .string(FakeOpenRouter.fakeProvider),
        "choices": [["index": 0, "delta": [:], "finish_reason": "stop"]], "usage": chatUsage(usage),
      ])
    case .messages:
      events.append([
        "type": "message_start",
        "message": [
          "model": .string(model), "provider": .string(FakeOpenRouter.fakeProvider),
          "usage": ["input_tokens": .number(Double(usage.prompt))],
        ],
      ])
      for piece in pieces {
        events.append(["type": "content_block_delta", "delta": ["type": "text_delta", "text": .string(piece)]])
      }
      events.append(["type": "message_delta", "delta": ["stop_reason": "end_turn"], "usage": messagesUsage(usage)])
      events.append(["type": "message_stop"])
    case .responses:
      for piece in pieces { events.append(["type": "response.output_text.delta", "delta": .string(piece)]) }
      events.append(["type": "response.completed", "response": answer(reply, model: model, usage: usage, skin: skin)])
    }
    var text = ": fake-openrouter stream\n\n"
    for event in events { text += "data: " + JSONWriter.string(event, options: .compact) + "\n\n" }
    if skin == .chat { text += "data: [DONE]\n\n" }
    return FakeHTTPResponse(status: 200, headers: [("Content-Type", "text/event-stream")], body: Array(text.utf8))
  }

  private static func chatUsage(_ usage: FakeOpenRouter.Usage) -> JSONValue {
    [
      "prompt_tokens": .number(Double(usage.prompt)), "completion_tokens": .number(Double(usage.completion)),
      "total_tokens": .number(Double(usage.prompt + usage.completion)), "cost": .number(usage.cost),
    ]
  }

  private static func messagesUsage(_ usage: FakeOpenRouter.Usage) -> JSONValue {
    [
      "input_tokens": .number(Double(usage.prompt)), "output_tokens": .number(Double(usage.completion)),
      "cost": .number(usage.cost),
    ]
  }
}
