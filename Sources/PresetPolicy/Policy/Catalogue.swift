/// What presetctl knows about OpenRouter's models and providers: the part of the public catalogue
/// (`GET /models?output_modalities=all`, `GET /providers`) that the catalogue checks read, and nothing more.
///
/// It is kept in a committed snapshot file (`CatalogueSnapshot`) so that pull-request review stays offline.
/// Models are sorted by id and providers by slug (bytewise), so equal catalogues are equal values and
/// serialise to equal bytes.
package struct Catalogue: Sendable, Equatable {
  /// One model.
  package struct Model: Sendable, Equatable {
    /// The id a request names (`openai/gpt-5.4`, `openai/gpt-oss-120b:free`, `~anthropic/claude-sonnet-latest`).
    package var id: String
    /// The permanent slug of the model version behind the id, when the catalogue gives one.
    package var canonicalSlug: String?
    /// The display name.
    package var name: String
    /// Context window in tokens; nil when unknown.
    package var contextLength: Int?
    /// Request parameters the model accepts (`temperature`, `tools`, …), sorted.
    package var supportedParameters: [String]
    /// `top_provider.max_completion_tokens`: the most output tokens one answer may have; nil when unknown.
    package var maxCompletionTokens: Int?
    /// Reasoning support, for models that reason.
    package var reasoning: Reasoning?
    /// `expiration_date` (`YYYY-MM-DD`): the day the model leaves OpenRouter, when announced.
    package var expirationDate: String?
    /// USD per unit, as the catalogue's strings (`prompt`, `completion`, …), sorted by key.
    package var pricing: [Price]

    /// Creates a model.
    package init(
      id: String, canonicalSlug: String? = nil, name: String = "", contextLength: Int? = nil,
      supportedParameters: [String] = [], maxCompletionTokens: Int? = nil, reasoning: Reasoning? = nil,
      expirationDate: String? = nil, pricing: [Price] = []
    ) {
      self.id = id
      self.canonicalSlug = canonicalSlug
      self.name = name
      self.contextLength = contextLength
      self.supportedParameters = supportedParameters.sorted { $0.precedesInCodeUnits($1) }
      self.maxCompletionTokens = maxCompletionTokens
      self.reasoning = reasoning
      self.expirationDate = expirationDate
      self.pricing = pricing.sorted { $0.key.precedesInCodeUnits($1.key) }
    }
  }

  /// `reasoning{mandatory, supported_efforts}`.
  package struct Reasoning: Sendable, Equatable {
    /// True when reasoning cannot be turned off.
    package var mandatory: Bool
    /// The `reasoning.effort` values the model accepts; nil when the catalogue does not say.
    package var supportedEfforts: [String]?

    /// Creates reasoning support.
    package init(mandatory: Bool = false, supportedEfforts: [String]? = nil) {
      self.mandatory = mandatory
      self.supportedEfforts = supportedEfforts
    }
  }

  /// One pricing entry (`prompt` → `"0.000003"`).
  package struct Price: Sendable, Equatable {
    /// What is priced.
    package var key: String
    /// USD per unit, as the catalogue wrote it.
    package var value: String

    /// Creates an entry.
    package init(key: String, value: String) {
      self.key = key
      self.value = value
    }
  }

  /// One provider.
  package struct Provider: Sendable, Equatable {
    /// What provider routing takes (`amazon-bedrock`).
    package var slug: String
    /// The display name (`Amazon Bedrock`).
    package var name: String

    /// Creates a provider.
    package init(slug: String, name: String) {
      self.slug = slug
      self.name = name
    }
  }

  /// Models, sorted by id.
  package private(set) var models: [Model]
  /// Providers, sorted by slug.
  package private(set) var providers: [Provider]

  /// Creates a catalogue; models and providers are sorted (the last of several entries with one id wins).
  package init(models: [Model], providers: [Provider]) {
    var byId: [String: Model] = [:]
    for model in models { byId[model.id] = model }
    self.models = byId.values.sorted { $0.id.precedesInCodeUnits($1.id) }
    var bySlug: [String: Provider] = [:]
    for provider in providers { bySlug[provider.slug] = provider }
    self.providers = bySlug.values.sorted { $0.slug.precedesInCodeUnits($1.slug) }
  }

  /// The model with this exact id.
  package func model(id: String) -> Model? {
    models.first { $0.id == id }
  }
}
