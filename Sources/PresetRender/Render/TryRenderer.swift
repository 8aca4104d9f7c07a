import PresetCore
import PresetModel
import PresetReconcile
import PresetSchema

/// Renders what `presetctl try` got back. Every string from the server (reply, model, provider, finish reason)
/// is hostile and neutralised for the format: terminal escapes, bidi controls and Markdown cannot break out.
package struct TryRenderer: Sendable {
  /// The preset tried: slug, skin, local version, endpoint path.
  package var slug: String
  /// The skin (and so the endpoint).
  package var skin: Skin
  /// The local (unpushed) version that was sent.
  package var version: PresetVersion
  /// The reply.
  package var reply: InferenceReply

  /// Creates a renderer.
  package init(slug: String, skin: Skin, version: PresetVersion, reply: InferenceReply) {
    self.slug = slug
    self.skin = skin
    self.version = version
    self.reply = reply
  }

  /// The endpoint path the body went to.
  package var endpoint: String { "/" + skin.endpointPath }

  /// One streamed piece of reply text for a terminal (line feeds and tabs kept, everything unsafe escaped).
  package static func streamedText(_ piece: String) -> String { SafeText.terminalLines(piece) }

  /// Text: the reply (unless it was already streamed), then model, provider, tokens and cost when known.
  package func text(replyAlreadyShown: Bool) -> String {
    var out = replyAlreadyShown ? "" : SafeText.terminalLines(reply.text)
    // A blank line between the reply and the facts, whether the reply was just printed or streamed before.
    if !reply.text.isEmpty { out += reply.text.hasSuffix("\n") ? "\n" : "\n\n" }
    for (label, value) in facts {
      out += label.padding(toLength: 10, withPad: " ", startingAt: 0) + SafeText.terminal(value) + "\n"
    }
    return out
  }

  /// Markdown: a heading, the reply in a fence no reply line can close, and a facts table.
  package func markdown() -> String {
    var out = "### `presetctl try` \(SafeText.markdownCode(slug)) (\(skin.rawValue), local \(version.short))\n\n"
    out += SafeText.markdownFence(reply.text, info: "text") + "\n"
    out += "| | |\n|---|---|\n"
    for (label, value) in facts { out += "| \(label) | \(SafeText.markdownCode(value, inTable: true)) |\n" }
    return out
  }

  /// JSON for scripts: absent facts are `null`.
  package func json() -> String {
    func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
    func number(_ value: Int?) -> JSONValue { value.map { .number(Double($0)) } ?? .null }
    var usage = JSONObject()
    usage["prompt_tokens"] = number(reply.promptTokens)
    usage["completion_tokens"] = number(reply.completionTokens)
    usage["total_tokens"] = number(reply.effectiveTotalTokens)
    usage["cost"] = reply.cost.map(JSONValue.number) ?? .null
    var object = JSONObject()
    object["slug"] = .string(slug)
    object["skin"] = .string(skin.rawValue)
    object["version"] = .string(version.rawValue)
    object["endpoint"] = .string(endpoint)
    object["reply"] = .string(reply.text)
    object["model"] = optional(reply.model)
    object["provider"] = optional(reply.provider)
    object["finish_reason"] = optional(reply.finishReason)
    object["usage"] = .object(usage)
    return SafeText.json(JSONWriter.string(.object(object)))
  }

  /// Label and value of every fact the answer carried, in a fixed order.
  private var facts: [(String, String)] {
    var out: [(String, String)] = []
    if let model = reply.model { out.append(("model", model)) }
    if let provider = reply.provider { out.append(("provider", provider)) }
    if let reason = reply.finishReason { out.append(("finish", reason)) }
    if reply.promptTokens != nil || reply.completionTokens != nil || reply.totalTokens != nil {
      let parts = [
        reply.promptTokens.map { "\($0) prompt" }, reply.completionTokens.map { "\($0) completion" },
        reply.effectiveTotalTokens.map { "\($0) total" },
      ].compactMap { $0 }
      out.append(("tokens", parts.joined(separator: ", ")))
    }
    if let cost = reply.cost { out.append(("cost", "$" + ECMAScriptNumber.format(cost))) }
    out.append(("preset", "\(slug) (\(skin.rawValue), local \(version.short), POST \(endpoint))"))
    return out
  }
}
