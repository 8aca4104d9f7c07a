import Foundation
import PresetCore
import PresetKit
import PresetReconcile

/// The catalogue the fake serves by default: a few dozen models and providers with the field shapes of the
/// real `GET /models` and `GET /providers` answers (OpenAPI `Model`, `ProviderInfo`), text models beside image
/// and audio ones, reasoning models with `supported_efforts`, a `:free` variant, a `~…-latest` alias, and one
/// model that expires 20 days after the moment the sample is made (so "expiring" stays true whenever tests run).
package enum FakeCatalogueSample {
  /// Parameter sets, as the real catalogue lists them for each kind of model.
  static let frontier = [
    "include_reasoning", "max_tokens", "reasoning", "response_format", "seed", "structured_outputs", "temperature",
    "tool_choice", "tools", "top_p",
  ]
  static let anthropic = [
    "include_reasoning", "max_tokens", "reasoning", "stop", "temperature", "tool_choice", "tools", "top_k", "top_p",
  ]
  static let google = [
    "include_reasoning", "max_tokens", "reasoning", "response_format", "seed", "stop", "structured_outputs",
    "temperature", "tool_choice", "tools", "top_p",
  ]
  static let openWeights = [
    "frequency_penalty", "logit_bias", "logprobs", "max_tokens", "min_p", "presence_penalty", "repetition_penalty",
    "response_format", "seed", "stop", "temperature", "tool_choice", "tools", "top_k", "top_logprobs", "top_p",
  ]
  static let small = ["max_tokens", "stop", "temperature", "top_p"]
  static let media = ["max_tokens", "response_format", "seed", "temperature", "top_p"]

  /// `reasoning` of a model that can reason.
  static func reasoning(_ efforts: [String], mandatory: Bool = false, effort: String = "medium") -> JSONValue {
    [
      "mandatory": .bool(mandatory), "default_enabled": true, "default_effort": .string(effort),
      "supported_efforts": .array(efforts.map(JSONValue.string)), "supports_max_tokens": false,
    ]
  }

  static let effortsGPT: [String] = ["minimal", "low", "medium", "high"]
  static let effortsBasic: [String] = ["low", "medium", "high"]

  /// One model row: id, name, context, max output, input and output modalities, parameters, prompt and
  /// completion price per token, reasoning.
  struct Row {
    var id: String
    var name: String
    var context: Int?
    var maxOutput: Int?
    var input: [String] = ["text"]
    var output: [String] = ["text"]
    var parameters: [String]
    var prices: (String, String)
    var reasoning: JSONValue? = nil
    var tokenizer = "Other"
  }

  static let rows: [Row] = [
    Row(
      id: "openai/gpt-5.4", name: "OpenAI: GPT-5.4", context: 400_000, maxOutput: 128_000,
      input: ["text", "image", "file"], parameters: frontier, prices: ("0.00000125", "0.00001"),
      reasoning: reasoning(effortsGPT), tokenizer: "GPT"),
    Row(
      id: "openai/gpt-5.4-mini", name: "OpenAI: GPT-5.4 Mini", context: 400_000, maxOutput: 128_000,
      input: ["text", "image", "file"], parameters: frontier, prices: ("0.00000025", "0.000002"),
      reasoning: reasoning(effortsGPT), tokenizer: "GPT"),
    Row(
      id: "openai/gpt-5.4-nano", name: "OpenAI: GPT-5.4 Nano", context: 400_000, maxOutput: 128_000,
      parameters: frontier, prices: ("0.00000005", "0.0000004"), reasoning: reasoning(effortsGPT), tokenizer: "GPT"),
    Row(
      id: "openai/gpt-4.1", name: "OpenAI: GPT-4.1", context: 1_047_576, maxOutput: 32_768,
      input: ["text", "image", "file"],
      parameters: openWeights.filter { $0 != "top_k" && $0 != "min_p" && $0 != "repetition_penalty" },
      prices: ("0.000002", "0.000008"), tokenizer: "GPT"),
    Row(
      id: "openai/o4-mini", name: "OpenAI: o4 Mini", context: 200_000, maxOutput: 100_000, input: ["text", "image"],
      parameters: [
        "include_reasoning", "max_tokens", "reasoning", "response_format", "seed", "structured_outputs", "tool_choice",
        "tools",
      ], prices: ("0.0000011", "0.0000044"), reasoning: reasoning(effortsBasic, mandatory: true), tokenizer: "GPT"),
    Row(
      id: "openai/gpt-oss-120b", name: "OpenAI: gpt-oss-120b", context: 131_072, maxOutput: 32_768,
      parameters: openWeights + ["include_reasoning", "reasoning"], prices: ("0.00000005", "0.00000025"),
      reasoning: reasoning(effortsBasic), tokenizer: "GPT"),
    Row(
      id: "openai/gpt-oss-120b:free", name: "OpenAI: gpt-oss-120b (free)", context: 131_072, maxOutput: 4_096,
      parameters: ["include_reasoning", "max_tokens", "reasoning", "temperature", "top_p"], prices: ("0", "0"),
      reasoning: reasoning(effortsBasic), tokenizer: "GPT"),
    Row(
      id: "openai/gpt-5-image", name: "OpenAI: GPT-5 Image", context: 400_000, maxOutput: 128_000,
      input: ["image", "text", "file"], output: ["image", "text"],
      parameters: media + ["reasoning", "include_reasoning"], prices: ("0.00001", "0.00001"),
      reasoning: reasoning(effortsGPT), tokenizer: "GPT"),
    Row(
      id: "openai/gpt-audio-mini", name: "OpenAI: GPT Audio Mini", context: 128_000, maxOutput: 16_384,
      input: ["text", "audio"], output: ["text", "audio"], parameters: small + ["tools", "tool_choice"],
      prices: ("0.0000006", "0.0000024"), tokenizer: "GPT"),
    Row(
      id: "anthropic/claude-4.6-opus", name: "Anthropic: Claude Opus 4.6", context: 200_000, maxOutput: 32_000,
      input: ["text", "image", "file"], parameters: anthropic, prices: ("0.000015", "0.000075"),
      reasoning: reasoning(effortsBasic), tokenizer: "Claude"),
    Row(
      id: "anthropic/claude-4.6-sonnet", name: "Anthropic: Claude Sonnet 4.6", context: 1_000_000, maxOutput: 64_000,
      input: ["text", "image", "file"], parameters: anthropic, prices: ("0.000003", "0.000015"),
      reasoning: reasoning(effortsBasic), tokenizer: "Claude"),
    Row(
      id: "~anthropic/claude-sonnet-latest", name: "Anthropic: Claude Sonnet (latest)", context: 1_000_000,
      maxOutput: 64_000, input: ["text", "image", "file"], parameters: anthropic, prices: ("0.000003", "0.000015"),
      reasoning: reasoning(effortsBasic), tokenizer: "Claude"),
    Row(
      id: "anthropic/claude-4.6-haiku", name: "Anthropic: Claude Haiku 4.6", context: 200_000, maxOutput: 64_000,
      input: ["text", "image"], parameters: anthropic, prices: ("0.000001", "0.000005"),
      reasoning: reasoning(effortsBasic), tokenizer: "Claude"),
    Row(
      id: "google/gemini-3-pro", name: "Google: Gemini 3 Pro", context: 1_048_576, maxOutput: 65_536,
      input: ["text", "image", "file", "audio", "video"], parameters: google, prices: ("0.000002", "0.000012"),
      reasoning: reasoning(["low", "high"], effort: "high"), tokenizer: "Gemini"),
    Row(
      id: "google/gemini-3-flash", name: "Google: Gemini 3 Flash", context: 1_048_576, maxOutput: 65_536,
      input: ["text", "image", "file", "audio", "video"], parameters: google, prices: ("0.0000005", "0.000003"),
      reasoning: reasoning(["minimal", "low", "medium", "high"]), tokenizer: "Gemini"),
    Row(
      id: "google/gemini-3-pro-image", name: "Google: Nano Banana Pro (Gemini 3 Pro Image)", context: 65_536,
      maxOutput: 32_768, input: ["image", "text"], output: ["image", "text"], parameters: media + ["stop"],
      prices: ("0.000002", "0.000012"), tokenizer: "Gemini"),
    Row(
      id: "google/gemma-3-27b-it", name: "Google: Gemma 3 27B", context: 131_072, maxOutput: 16_384,
      input: ["text", "image"], parameters: openWeights, prices: ("0.00000009", "0.00000016"), tokenizer: "Gemini"),
    Row(
      id: "google/gemma-3-27b-it:free", name: "Google: Gemma 3 27B (free)", context: 96_000, maxOutput: 8_192,
      input: ["text", "image"], parameters: small + ["seed", "top_k"], prices: ("0", "0"), tokenizer: "Gemini"),
    Row(
      id: "meta-llama/llama-4-maverick", name: "Meta: Llama 4 Maverick", context: 1_048_576, maxOutput: 16_384,
      input: ["text", "image"], parameters: openWeights, prices: ("0.00000015", "0.0000006"), tokenizer: "Llama4"),
    Row(
      id: "meta-llama/llama-4-scout", name: "Meta: Llama 4 Scout", context: 327_680, maxOutput: 16_384,
      input: ["text", "image"], parameters: openWeights, prices: ("0.00000008", "0.0000003"), tokenizer: "Llama4"),
    Row(
      id: "meta-llama/llama-3.3-70b-instruct:free", name: "Meta: Llama 3.3 70B Instruct (free)", context: 65_536,
      maxOutput: nil, parameters: small + ["tools", "tool_choice"], prices: ("0", "0"), tokenizer: "Llama3"),
    Row(
      id: "mistralai/mistral-large-2512", name: "Mistral: Mistral Large 3", context: 262_144, maxOutput: nil,
      input: ["text", "image"], parameters: openWeights.filter { $0 != "logit_bias" },
      prices: ("0.0000005", "0.0000015"), tokenizer: "Mistral"),
    Row(
      id: "mistralai/mistral-small-3.2-24b-instruct", name: "Mistral: Mistral Small 3.2 24B", context: 131_072,
      maxOutput: 131_072, input: ["text", "image"], parameters: openWeights, prices: ("0.00000006", "0.00000018"),
      tokenizer: "Mistral"),
    Row(
      id: "mistralai/codestral-2508", name: "Mistral: Codestral 2508", context: 256_000, maxOutput: nil,
      parameters: openWeights, prices: ("0.0000003", "0.0000009"), tokenizer: "Mistral"),
    Row(
      id: "deepseek/deepseek-v3.2", name: "DeepSeek: DeepSeek V3.2", context: 163_840, maxOutput: 65_536,
      parameters: openWeights + ["include_reasoning", "reasoning"], prices: ("0.00000027", "0.0000004"),
      reasoning: reasoning(["low", "high"]), tokenizer: "DeepSeek"),
    Row(
      id: "deepseek/deepseek-r1", name: "DeepSeek: R1", context: 163_840, maxOutput: 32_768,
      parameters: ["include_reasoning", "max_tokens", "reasoning", "seed", "stop", "temperature", "top_p"],
      prices: ("0.0000004", "0.000002"), reasoning: reasoning([], mandatory: true), tokenizer: "DeepSeek"),
    Row(
      id: "x-ai/grok-4", name: "xAI: Grok 4", context: 256_000, maxOutput: nil, input: ["text", "image"],
      parameters: frontier + ["logprobs", "top_logprobs"], prices: ("0.000003", "0.000015"),
      reasoning: reasoning(["high"], mandatory: true, effort: "high"), tokenizer: "Grok"),
    Row(
      id: "x-ai/grok-4-fast", name: "xAI: Grok 4 Fast", context: 2_000_000, maxOutput: 30_000,
      input: ["text", "image"], parameters: frontier + ["logprobs", "top_logprobs"], prices: ("0.0000002", "0.0000005"),
      reasoning: reasoning(effortsBasic), tokenizer: "Grok"),
    Row(
      id: "qwen/qwen3-235b-a22b-2507", name: "Qwen: Qwen3 235B A22B Instruct 2507", context: 262_144,
      maxOutput: 262_144, parameters: openWeights, prices: ("0.00000008", "0.00000055"), tokenizer: "Qwen3"),
    Row(
      id: "qwen/qwen3-coder", name: "Qwen: Qwen3 Coder 480B A35B", context: 262_144, maxOutput: 262_144,
      parameters: openWeights, prices: ("0.00000022", "0.00000095"), tokenizer: "Qwen3"),
    Row(
      id: "cohere/command-a", name: "Cohere: Command A", context: 256_000, maxOutput: 8_192,
      parameters: [
        "frequency_penalty", "max_tokens", "presence_penalty", "response_format", "seed", "stop", "structured_outputs",
        "temperature", "top_k", "top_p",
      ], prices: ("0.0000025", "0.00001"), tokenizer: "Cohere"),
    Row(
      id: "perplexity/sonar-pro", name: "Perplexity: Sonar Pro", context: 200_000, maxOutput: 8_000,
      input: ["text", "image"],
      parameters: [
        "frequency_penalty", "max_tokens", "presence_penalty", "temperature", "top_k", "top_p", "web_search_options",
      ], prices: ("0.000003", "0.000015"), tokenizer: "Other"),
    Row(
      id: "moonshotai/kimi-k2", name: "MoonshotAI: Kimi K2", context: 131_072, maxOutput: 131_072,
      parameters: openWeights, prices: ("0.0000005", "0.0000024"), tokenizer: "Other"),
    Row(
      id: "openrouter/auto", name: "Auto Router", context: 2_000_000, maxOutput: nil,
      input: ["text", "image", "audio", "file", "video"], parameters: [], prices: ("-1", "-1"), tokenizer: "Router"),
    Row(
      id: "black-forest-labs/flux.2-pro", name: "Black Forest Labs: FLUX.2 Pro", context: 46_864, maxOutput: 46_864,
      input: ["text", "image"], output: ["image"], parameters: ["seed"], prices: ("0", "0"), tokenizer: "Other"),
    Row(
      id: "openai/gpt-4o-mini-tts", name: "OpenAI: GPT-4o Mini TTS", context: 2_000, maxOutput: nil, output: ["audio"],
      parameters: [], prices: ("0.0000006", "0.000012"), tokenizer: "GPT"),
  ]

  /// The id of the model that expires within the warning window.
  package static let expiringModel = "openai/gpt-4.1"

  /// The `/models` entries, with the real answer's fields; `now` sets the expiring model's date.
  package static func models(now: Date = Date()) -> [JSONValue] {
    rows.enumerated().map { index, row in model(row, index: index, now: now) }
  }

  static func model(_ row: Row, index: Int, now: Date) -> JSONValue {
    let slug = row.id.hasPrefix("~") ? String(row.id.dropFirst()) : row.id
    let modality = row.input.joined(separator: "+") + "->" + row.output.joined(separator: "+")
    let value: JSONValue = [
      "id": .string(row.id),
      "canonical_slug": .string(row.id.contains(":") || row.id.hasPrefix("~") ? row.id : slug + "-2026"),
      "hugging_face_id": "",
      "name": .string(row.name),
      "created": .number(Double(1_760_000_000 + index * 86_400)),
      "description": .string("\(row.name), as served by the fake OpenRouter."),
      "context_length": row.context.map { .number(Double($0)) } ?? .null,
      "architecture": [
        "modality": .string(modality), "input_modalities": .array(row.input.map(JSONValue.string)),
        "output_modalities": .array(row.output.map(JSONValue.string)), "tokenizer": .string(row.tokenizer),
        "instruct_type": nil,
      ],
      "pricing": [
        "prompt": .string(row.prices.0), "completion": .string(row.prices.1), "request": "0", "image": "0",
        "web_search": "0", "internal_reasoning": "0",
      ],
      "top_provider": [
        "context_length": row.context.map { .number(Double($0)) } ?? .null,
        "max_completion_tokens": row.maxOutput.map { .number(Double($0)) } ?? .null, "is_moderated": false,
      ],
      "per_request_limits": nil,
      "supported_parameters": .array(Array(Set(row.parameters)).sorted().map(JSONValue.string)),
      "default_parameters": ["temperature": nil, "top_p": nil, "frequency_penalty": nil],
      "supported_voices": row.output.contains("audio") ? ["alloy", "verse"] : nil,
      "expiration_date": row.id == expiringModel ? .string(day(now.addingTimeInterval(20 * 86_400))) : nil,
      "knowledge_cutoff": "2025-06-30",
      "links": ["details": .string("/api/v1/models/\(slug)/endpoints")],
    ]
    guard let reasoning = row.reasoning, case .object(var object) = value else { return value }
    object.members.append(.init(key: "reasoning", value: reasoning))
    return .object(object)
  }

  /// `YYYY-MM-DD` in UTC.
  static func day(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd"
    return formatter.string(from: date)
  }

  /// `(slug, name, headquarters)` of the providers.
  static let providerRows: [(String, String, String)] = [
    ("openai", "OpenAI", "US"), ("anthropic", "Anthropic", "US"), ("google-vertex", "Google Vertex", "US"),
    ("google-ai-studio", "Google AI Studio", "US"), ("amazon-bedrock", "Amazon Bedrock", "US"),
    ("azure", "Azure", "US"), ("deepinfra", "DeepInfra", "US"), ("together", "Together", "US"),
    ("fireworks", "Fireworks", "US"), ("groq", "Groq", "US"), ("cerebras", "Cerebras", "US"),
    ("mistral", "Mistral", "FR"), ("cohere", "Cohere", "CA"), ("xai", "xAI", "US"), ("deepseek", "DeepSeek", "CN"),
    ("novita", "NovitaAI", "US"), ("parasail", "Parasail", "US"), ("perplexity", "Perplexity", "US"),
    ("moonshotai", "Moonshot AI", "CN"), ("alibaba", "Alibaba", "CN"), ("nebius", "Nebius AI Studio", "NL"),
    ("baseten", "Baseten", "US"), ("black-forest-labs", "Black Forest Labs", "DE"),
  ]

  /// The `/providers` entries, with the real answer's fields.
  package static func providers() -> [JSONValue] {
    providerRows.map { slug, name, headquarters in
      [
        "name": .string(name), "slug": .string(slug),
        "privacy_policy_url": .string("https://\(slug).example/privacy"),
        "terms_of_service_url": .string("https://\(slug).example/terms"),
        "status_page_url": .string("https://status.\(slug).example"), "headquarters": .string(headquarters),
        "datacenters": .array([.string(headquarters)]),
      ]
    }
  }
}
