import PresetCore
import PresetSchema

/// Where each skin keeps its system prompt, and how a raw prompt is read out of a request (before folding).
///
/// Rules (README "Normalised model and version"): chat takes the single `system`/`developer` message (more
/// than one is an error), whose content is a string or an array of `{"type": "text"}` parts joined with a
/// blank line; messages takes `system` as a string or text blocks joined the same way; responses takes
/// `instructions`. Anything the API would not store (other chat messages, messages-skin `messages`,
/// responses `input`/`prompt`) is reported as one warning per preset.
package enum SystemPromptExtraction {
  /// The outcome for one request.
  package struct Result: Sendable {
    /// The raw prompt (not yet CR-folded); nil when the request has none.
    package var prompt: String?
    /// The pointer (inside the request) the prompt came from, for diagnostics and diffs.
    package var pointer: JSONPointer?
    /// Problems found; errors make the preset unusable.
    package var diagnostics: [Diagnostic]
  }

  /// Reads the prompt out of a request written in `skin`. `locate` maps a pointer inside the request to a location.
  package static func extract(
    from request: JSONObject,
    skin: Skin,
    locate: (JSONPointer) -> SourceLocation?
  ) -> Result {
    var result = Result(prompt: nil, pointer: nil, diagnostics: [])
    func add(_ severity: Diagnostic.Severity, _ code: String, _ message: String, _ pointer: JSONPointer) {
      result.diagnostics.append(
        Diagnostic(
          severity: severity, code: code, message: message, location: locate(pointer),
          path: JSONPointer(components: [.key("request")] + pointer.components).description))
    }
    switch skin {
    case .chat:
      guard case .array(let messages)? = request["messages"] else { return result }
      var ignored: [Int] = []
      for (i, message) in messages.enumerated() {
        let role = message["role"]?.stringValue
        guard role == "system" || role == "developer" else {
          ignored.append(i)
          continue
        }
        let pointer = JSONPointer.root.appending("messages").appending(i)
        if result.pointer != nil {
          add(
            .error, "compile.multiple-system-messages",
            "only one system or developer message is allowed: a preset stores a single system prompt", pointer)
          continue
        }
        result.pointer = pointer.appending("content")
        result.prompt = joinedText(
          message["content"], pointer: pointer.appending("content"), partKey: "parts", add: add)
      }
      if let first = ignored.first {
        add(
          .warning, "compile.ignored-messages",
          "\(ignored.count) message(s) other than the system prompt are ignored: a preset does not store them",
          JSONPointer.root.appending("messages").appending(first))
      }
    case .messages:
      if let system = request["system"] {
        result.pointer = JSONPointer.root.appending("system")
        result.prompt = joinedText(system, pointer: JSONPointer.root.appending("system"), partKey: "blocks", add: add)
      }
      if case .array(let messages)? = request["messages"], !messages.isEmpty {
        add(
          .warning, "compile.ignored-messages",
          "`messages` is ignored: a preset stores only the system prompt and config",
          JSONPointer.root.appending("messages"))
      }
    case .responses:
      switch request["instructions"] {
      case .string(let s)?:
        result.prompt = s
        result.pointer = JSONPointer.root.appending("instructions")
      case nil, .null?: break
      case let other?:
        add(
          .error, "compile.system-prompt",
          "`instructions` must be a string to become the system prompt, got \(other.typeName)",
          JSONPointer.root.appending("instructions"))
      }
      for key in ["input", "prompt"] where request[key] != nil && request[key] != .null {
        add(
          .warning, "compile.ignored-input", "`\(key)` is ignored: a preset stores only the system prompt and config",
          JSONPointer.root.appending(key))
      }
    }
    return result
  }

  /// A string as is, or an array of `{"type": "text", "text": ...}` parts joined with a blank line.
  private static func joinedText(
    _ value: JSONValue?,
    pointer: JSONPointer,
    partKey: String,
    add: (Diagnostic.Severity, String, String, JSONPointer) -> Void
  ) -> String? {
    switch value {
    case .string(let s)?: return s
    case .null?, nil: return nil
    case .array(let parts)?:
      var texts: [String] = []
      for (i, part) in parts.enumerated() {
        guard part["type"]?.stringValue == "text", case .string(let text)? = part["text"] else {
          add(
            .error, "compile.system-prompt-part",
            "system prompt \(partKey) must be `{type: text, text: ...}`; other kinds cannot be stored in a preset",
            pointer.appending(i))
          continue
        }
        texts.append(text)
      }
      return texts.joined(separator: NormalisationRules.partSeparator)
    case let other?:
      add(
        .error, "compile.system-prompt", "the system prompt must be a string or text parts, got \(other.typeName)",
        pointer)
      return nil
    }
  }
}
