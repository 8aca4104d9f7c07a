/// The one table of rules presetctl adds on top of OpenRouter's published request schemas.
///
/// The spec leaves these loose: no top-level `additionalProperties`, ranges stated only in `description` prose,
/// limits the live API enforces but the spec does not state. Every entry names its source; entries read from
/// prose carry the quote, which the derivation re-checks so a reworded spec stops the generator.
/// `README.md` echoes `markdownTable()` (a test keeps the two equal).
package enum SchemaTightenings {
  static let chat = Skin.chat.schemaFileName
  static let messages = Skin.messages.schemaFileName
  static let responses = Skin.responses.schemaFileName
  static let allSkins = [chat, messages, responses]

  /// Every rule, in the order applied and documented.
  package static let all: [SchemaTightening] = [
    SchemaTightening(
      files: allSkins, pointer: "", changes: [.add("additionalProperties", false)],
      source: "FACTS.md: 'a typo like `temprature` passes the published schema'; unknown top-level keys are errors"),
    SchemaTightening(
      files: allSkins, pointer: "/properties/temperature", changes: [.add("minimum", 0), .add("maximum", 2)],
      source: "spec prose: ChatRequest.temperature 'Sampling temperature (0-2)'; the same OpenRouter parameter in "
        + "every skin",
      evidence: .init(file: chat, pointer: "/properties/temperature", quote: "Sampling temperature (0-2)")),
    SchemaTightening(
      files: allSkins, pointer: "/properties/top_p", changes: [.add("minimum", 0), .add("maximum", 1)],
      source: "spec prose: ChatRequest.top_p 'Nucleus sampling parameter (0-1)'; the same parameter in every skin",
      evidence: .init(file: chat, pointer: "/properties/top_p", quote: "Nucleus sampling parameter (0-1)")),
    SchemaTightening(
      files: allSkins, pointer: "/properties/top_k", changes: [.add("minimum", 0)],
      source: "spec prose: ChatRequest.top_k 'the top K most likely tokens' (a count of tokens, so not negative)",
      evidence: .init(file: chat, pointer: "/properties/top_k", quote: "the top K most likely tokens")),
    SchemaTightening(
      files: [chat, responses], pointer: "/properties/frequency_penalty",
      changes: [.add("minimum", -2), .add("maximum", 2)],
      source: "spec prose: ChatRequest.frequency_penalty 'Frequency penalty (-2.0 to 2.0)'",
      evidence: .init(file: chat, pointer: "/properties/frequency_penalty", quote: "(-2.0 to 2.0)")),
    SchemaTightening(
      files: [chat, responses], pointer: "/properties/presence_penalty",
      changes: [.add("minimum", -2), .add("maximum", 2)],
      source: "spec prose: ChatRequest.presence_penalty 'Presence penalty (-2.0 to 2.0)'",
      evidence: .init(file: chat, pointer: "/properties/presence_penalty", quote: "(-2.0 to 2.0)")),
    SchemaTightening(
      files: [chat, responses], pointer: "/properties/top_logprobs",
      changes: [.add("minimum", 0), .add("maximum", 20)],
      source: "spec prose: ChatRequest.top_logprobs 'Number of top log probabilities to return (0-20)'",
      evidence: .init(file: chat, pointer: "/properties/top_logprobs", quote: "(0-20)")),
    SchemaTightening(
      files: [chat], pointer: "/properties/min_p", changes: [.add("minimum", 0), .add("maximum", 1)],
      source: "spec prose: ChatRequest.min_p 'Minimum probability threshold' (a probability, 0-1)",
      evidence: .init(file: chat, pointer: "/properties/min_p", quote: "Minimum probability threshold")),
    SchemaTightening(
      files: allSkins, pointer: "/properties/models", changes: [.add("maxItems", 3)],
      source: "FACTS.md: the live API rejects a `models` list longer than 3 "
        + "('models' array must have 3 items or fewer.)"),
    SchemaTightening(
      files: [messages], pointer: "/properties/fallbacks", changes: [.add("maxItems", 3)],
      source: "spec prose: MessagesRequest.fallbacks 'Maximum of 3 entries.'; FACTS.md: at most 3 `{model}` entries",
      evidence: .init(file: messages, pointer: "/properties/fallbacks", quote: "Maximum of 3 entries.")),
    SchemaTightening(
      files: [messages], pointer: "/$defs/MessagesFallbackParam",
      changes: [.replace("additionalProperties", expected: [:], with: false)],
      source: "spec prose: MessagesFallbackParam 'Only the `model` field is supported; per-attempt overrides are "
        + "rejected.'; FACTS.md: `{model}` entries",
      evidence: .init(
        file: messages, pointer: "/$defs/MessagesFallbackParam", quote: "Only the `model` field is supported")),
    SchemaTightening(
      files: [messages], pointer: "", changes: [.add("not", ["required": ["fallbacks", "models"]])],
      source: "spec prose: MessagesRequest.fallbacks 'cannot be combined with `models`'; FACTS.md: not together "
        + "with `models`",
      evidence: .init(file: messages, pointer: "/properties/fallbacks", quote: "cannot be combined with `models`")),
    SchemaTightening(
      files: [chat], pointer: "/properties/metadata",
      changes: [
        .add("maxProperties", 16), .add("propertyNames", ["maxLength": 64]),
        .replace("additionalProperties", expected: ["type": "string"], with: ["type": "string", "maxLength": 512]),
      ],
      source: "spec prose: ChatRequest.metadata '(max 16 pairs, 64 char keys, 512 char values)'",
      evidence: .init(
        file: chat, pointer: "/properties/metadata", quote: "(max 16 pairs, 64 char keys, 512 char values)")),
    SchemaTightening(
      files: [responses], pointer: "/$defs/RequestMetadata",
      changes: [.add("maxProperties", 16), .add("propertyNames", ["maxLength": 64])],
      source: "spec prose: RequestMetadata 'Keys must be ≤64 characters … Maximum 16 pairs allowed.' (values "
        + "already have maxLength 512)",
      evidence: .init(file: responses, pointer: "/$defs/RequestMetadata", quote: "Maximum 16 pairs allowed.")),
    SchemaTightening(
      files: [responses], pointer: "/properties/max_tool_calls", changes: [.add("maximum", 30)],
      source: "spec prose: ResponsesRequest.max_tool_calls 'Defaults to 30, which is also the maximum.'",
      evidence: .init(
        file: responses, pointer: "/properties/max_tool_calls", quote: "Defaults to 30, which is also the maximum")),
    SchemaTightening(
      files: allSkins, pointer: "/$defs/ProviderPreferences", changes: [.expect("additionalProperties", false)],
      source: "check only: the spec already forbids extra keys in `provider` (FACTS.md: allows no extra keys)"),
  ]
}
