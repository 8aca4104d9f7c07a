import PresetCore
import PresetSchema

extension CatalogueCheck {
  /// A request key the catalogue knows as a parameter: the key as written, where it is, and the catalogue's
  /// name for it.
  struct SetParameter {
    var written: String
    /// The request key, and the member inside it for `text.format` / `text.verbosity`.
    var key: String
    var member: String?
    var name: String

    /// Where the value is; built only for a finding (pointers allocate, and most parameters are fine).
    var pointer: JSONPointer {
      let pointer = JSONPointer.root.appending(key)
      return member.map { pointer.appending($0) } ?? pointer
    }
  }

  /// Names the catalogue uses for the same thing: a model listing either accepts both.
  static let sameParameter: [String: Set<String>] = [
    "max_tokens": ["max_tokens", "max_completion_tokens"],
    "max_completion_tokens": ["max_tokens", "max_completion_tokens"],
  ]

  /// Keys whose value caps the answer's length, per skin spelling.
  static let tokenLimitKeys = ["max_tokens", "max_completion_tokens", "max_output_tokens"]

  /// The parameters a request sets, in the catalogue's names: skin spellings are mapped (`max_output_tokens`
  /// and Messages `max_tokens` are `max_tokens`, `stop_sequences` is `stop`, `thinking` is `reasoning`,
  /// Responses `text.format` is `response_format`); null values and keys outside the vocabulary (messages,
  /// gateway features such as `models`, `provider`, `plugins`) are not parameters.
  static func setParameters(_ request: JSONObject, skin: Skin, catalogue: CatalogueIndex) -> [SetParameter] {
    var out: [SetParameter] = []
    for member in request.members where !member.value.isNull {
      var name: String? = catalogue.vocabulary.contains(member.key) ? member.key : nil
      switch (skin, member.key) {
      case (.responses, "max_output_tokens"): name = "max_tokens"
      case (.responses, "text"):
        if let format = member.value["format"], !format.isNull {
          out.append(.init(written: "text.format", key: member.key, member: "format", name: "response_format"))
        }
        if let verbosity = member.value["verbosity"], !verbosity.isNull {
          out.append(.init(written: "text.verbosity", key: member.key, member: "verbosity", name: "verbosity"))
        }
        name = nil
      case (.messages, "stop_sequences"): name = "stop"
      case (.messages, "thinking"): name = "reasoning"
      default: break
      }
      if case .array(let items) = member.value, items.isEmpty { name = nil }
      if let name { out.append(.init(written: member.key, key: member.key, member: nil, name: name)) }
    }
    return out
  }

  /// Whether a model listing `supported` accepts the parameter `name` under any of its spellings (no set is
  /// built: this runs per parameter, model and preset).
  static func accepts(_ supported: Set<String>, _ name: String) -> Bool {
    if supported.contains(name) { return true }
    return sameParameter[name]?.contains(where: supported.contains) ?? false
  }

  /// `catalogue.unsupported-parameter` and `catalogue.reasoning-effort` for every model the request names.
  static func parameters(
    _ view: PresetView, models: [Catalogue.Model], catalogue: CatalogueIndex, settings: CatalogueSettings
  ) -> [Diagnostic] {
    guard !models.isEmpty else { return [] }
    var out: [Diagnostic] = []
    let set = setParameters(view.request, skin: view.preset.skin, catalogue: catalogue)
    let strict = view.request["provider"]?["require_parameters"] == .bool(true)
    for model in models {
      let supported = catalogue.supportedParameters(of: model)
      if let configured = settings.unsupportedParameter {
        for parameter in set where !accepts(supported, parameter.name) {
          let spelled =
            parameter.written == parameter.name ? "`\(parameter.name)`" : "`\(parameter.written)` (`\(parameter.name)`)"
          out.append(
            report(
              view, strict ? .error : configured, "catalogue.unsupported-parameter", parameter.pointer,
              strict
                ? "model `\(model.id)` does not support \(spelled), and `provider.require_parameters: true` leaves no provider to route to"
                : "model `\(model.id)` does not support \(spelled): the API ignores it",
              hint: "remove it, or choose a model whose supported parameters include it"))
        }
      }
      if let severity = settings.reasoningEffort, let efforts = model.reasoning?.supportedEfforts,
        case .string(let effort)? = view.request["reasoning"]?["effort"], !efforts.contains(effort)
      {
        out.append(
          report(
            view, severity, "catalogue.reasoning-effort", JSONPointer.root.appending("reasoning").appending("effort"),
            "reasoning effort `\(effort)` is not one model `\(model.id)` supports",
            hint: "use one of: \(efforts.map { "`\($0)`" }.joined(separator: ", "))"))
      }
    }
    return out
  }

  /// `catalogue.max-tokens` (an output limit above the model's) and `catalogue.context-length` (a system prompt
  /// estimated above the context window; estimate: UTF-8 bytes / 4, rounded up, as `lint.max_prompt_tokens`).
  static func limits(_ view: PresetView, models: [Catalogue.Model], settings: CatalogueSettings) -> [Diagnostic] {
    var out: [Diagnostic] = []
    let estimate = view.preset.model.systemPrompt.map { ($0.utf8.count + 3) / 4 } ?? 0
    for model in models {
      if let severity = settings.maxTokens, let limit = model.maxCompletionTokens {
        for key in tokenLimitKeys {
          guard case .number(let n)? = view.request[key], n > Double(limit) else { continue }
          out.append(
            report(
              view, severity, "catalogue.max-tokens", JSONPointer.root.appending(key),
              "`\(key)` \(ECMAScriptNumber.format(n)) is above the \(limit) output tokens model `\(model.id)` allows",
              hint: "lower it to \(limit) or less"))
        }
      }
      if let severity = settings.contextLength, let window = model.contextLength, estimate > window {
        let location =
          view.preset.promptSource.map { SourceLocation(file: $0.file, line: $0.line, column: 1) }
          ?? view.presetLocation
        out.append(
          Diagnostic(
            severity: severity, code: "catalogue.context-length",
            message:
              "the system prompt (about \(estimate) tokens) is longer than the \(window)-token context of model `\(model.id)`",
            location: location, path: nil, hint: "shorten the prompt or choose a model with a longer context"))
      }
    }
    return out
  }
}
