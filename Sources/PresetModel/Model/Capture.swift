import PresetCore
import PresetSchema

/// Turns the exact body a developer sent for inference into the parts of a preset file (`presetctl capture`).
///
/// The preset a file compiles to must equal what POSTing the same body to the preset endpoint stores, so the
/// rules are the API's (FACTS.md "What a POST stores"): per-call members (`messages` turns, `input`, `prompt`,
/// `stream`, `stream_options`) are dropped, the system prompt is read where the skin keeps it, and every other
/// member stays as written (normalisation then decides the version, exactly as for the POST).
package enum Capture {
  /// What a body becomes.
  package struct Result: Sendable {
    /// The skin the body was read as.
    package var skin: Skin
    /// The request for the file, without the system prompt, in the body's member order.
    package var request: JSONObject
    /// The system prompt (text parts and several system messages joined with a blank line); nil when none.
    package var prompt: String?
    /// The version POSTing the body to the preset endpoint stores.
    package var model: PresetModel
    /// Notes about what was dropped (one per kind).
    package var notes: [Diagnostic]
  }

  /// Top-level members that describe one call, not the preset: dropped from the file (the API ignores them).
  static let perCallKeys: Set<String> = ["input", "prompt", "stream", "stream_options"]

  /// Reads `body` as `skin` (or the skin inferred from its shape when nil). Errors are `capture.*` diagnostics.
  package static func capture(
    _ body: JSONObject, skin requested: Skin?, validators: SkinValidators
  ) -> Swift.Result<Result, DiagnosticError> {
    let skin: Skin
    if let requested {
      skin = requested
    } else {
      switch inferSkin(body, validators: validators) {
      case .success(let inferred): skin = inferred
      case .failure(let error): return .failure(error)
      }
    }
    let prompt: String?
    switch systemPrompt(body, skin: skin) {
    case .success(let text): prompt = text
    case .failure(let error): return .failure(error)
    }
    var request = JSONObject()
    var dropped = 0
    for member in body.members {
      switch member.key {
      case "messages":
        let turns = member.value.arrayValue ?? []
        dropped += turns.filter { skin == .messages || !isSystemRole($0) }.count
      case "system" where skin == .messages, "instructions" where skin == .responses:
        continue
      case let key where perCallKeys.contains(key):
        if key == "input" { dropped += member.value.arrayValue?.count ?? (member.value == .null ? 0 : 1) }
      default:
        request.members.append(member)
      }
    }
    var notes: [Diagnostic] = []
    if dropped > 0 {
      notes.append(
        Diagnostic(
          severity: .note, code: "capture.dropped-turns",
          message: "\(dropped) user/assistant turn(s) dropped: a preset stores only the system prompt and config"))
    }
    let model = NormalisationRules.model(config: body, systemPrompt: prompt)
    return .success(Result(skin: skin, request: request, prompt: prompt, model: model, notes: notes))
  }

  /// The one skin whose schema accepts the body; none or several is an error naming the candidates.
  package static func inferSkin(_ body: JSONObject, validators: SkinValidators) -> Swift.Result<Skin, DiagnosticError> {
    let candidates = Skin.allCases.filter { validators.validator(for: $0).validate(.object(body)).isEmpty }
    if candidates.count == 1, let only = candidates.first { return .success(only) }
    if candidates.isEmpty {
      return .failure(
        DiagnosticError(
          .error(
            "capture.no-skin", "the body fits none of the three skins (chat, messages, responses)",
            hint: "pass --skin to see the schema errors of the one you meant")))
    }
    let names = candidates.map(\.rawValue).joined(separator: " and ")
    return .failure(
      DiagnosticError(
        .error(
          "capture.ambiguous-skin",
          "the body fits the \(names) skins alike: its shape does not say which API it is for",
          hint: "pass --skin " + candidates.map(\.rawValue).joined(separator: " or --skin "))))
  }

  private static func isSystemRole(_ message: JSONValue) -> Bool {
    let role = message["role"]?.stringValue
    return role == "system" || role == "developer"
  }

  /// The prompt as the API stores it: chat joins every system/developer message, messages joins `system`
  /// blocks, responses takes `instructions`; text parts join with a blank line. Non-text parts are an error
  /// (a preset cannot store them, so the file could not match the body).
  private static func systemPrompt(_ body: JSONObject, skin: Skin) -> Swift.Result<String?, DiagnosticError> {
    var parts: [String] = []
    func add(_ value: JSONValue?, where place: String) -> DiagnosticError? {
      switch value {
      case nil, .null?: return nil
      case .string(let text)?:
        parts.append(text)
        return nil
      case .array(let items)?:
        for item in items {
          guard item["type"]?.stringValue == "text", let text = item["text"]?.stringValue else {
            return DiagnosticError(
              .error(
                "capture.system-prompt-part",
                "\(place) holds a part that is not `{type: text, text: ...}`; a preset stores only text"))
          }
          parts.append(text)
        }
        return nil
      case let other?:
        return DiagnosticError(
          .error("capture.system-prompt", "\(place) must be a string or text parts, got \(other.typeName)"))
      }
    }
    switch skin {
    case .chat:
      for message in body["messages"]?.arrayValue ?? [] where isSystemRole(message) {
        if let error = add(message["content"], where: "a system message") { return .failure(error) }
      }
    case .messages:
      if let error = add(body["system"], where: "`system`") { return .failure(error) }
    case .responses:
      switch body["instructions"] {
      case nil, .null?: break
      case .string(let text)?: parts.append(text)
      case let other?:
        return .failure(
          DiagnosticError(.error("capture.system-prompt", "`instructions` must be a string, got \(other.typeName)")))
      }
    }
    return .success(parts.isEmpty ? nil : parts.joined(separator: NormalisationRules.partSeparator))
  }
}
