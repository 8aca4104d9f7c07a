import Foundation
import PresetCore

/// A catalogue prepared for checking many presets: look-ups by id and provider name, the parameter vocabulary,
/// and the dates the expiry checks compare against, computed once per compilation.
package struct CatalogueIndex: Sendable {
  /// Variant suffixes that route the base model differently (FACTS: `:free` is listed as its own id instead).
  static let routingSuffixes: Set<String> = ["nitro", "floor", "exacto", "extended", "thinking", "online"]
  /// Days ahead of today within which an announced expiry is a warning.
  package static let expiryWarningDays = 30

  /// Request fields the catalogue calls parameters, besides those it lists itself: a request key outside this
  /// vocabulary (messages, gateway features such as `models`, `provider`, `plugins`) is not checked.
  static let knownParameters: Set<String> = [
    "temperature", "top_p", "top_k", "min_p", "top_a", "max_tokens", "max_completion_tokens", "frequency_penalty",
    "presence_penalty", "repetition_penalty", "stop", "seed", "tools", "tool_choice", "parallel_tool_calls",
    "response_format", "structured_outputs", "reasoning", "include_reasoning", "web_search_options", "verbosity",
    "logit_bias", "logprobs", "top_logprobs",
  ]

  /// The catalogue.
  package let catalogue: Catalogue
  let models: [String: Catalogue.Model]
  /// Each listed id's `supported_parameters` as a set, built once instead of once per preset and model.
  let supportedSets: [String: Set<String>]
  /// Every id, for did-you-mean.
  let ids: [String]
  /// Provider slugs and names folded like `forbid_providers` (`PolicyEngine.providerKey`).
  let providerKeys: Set<String>
  /// Parameters a request key may be checked as.
  let vocabulary: Set<String>
  /// Today (UTC) as `YYYY-MM-DD`.
  let today: String
  /// The last day of the warning window, `YYYY-MM-DD`.
  let warnUntil: String

  /// Prepares `catalogue`; `now` is the moment expiry is judged at (injectable for tests).
  package init(_ catalogue: Catalogue, now: Date = Date()) {
    self.catalogue = catalogue
    var models: [String: Catalogue.Model] = [:]
    var vocabulary = Self.knownParameters
    var supportedSets: [String: Set<String>] = [:]
    for model in catalogue.models {
      models[model.id] = model
      supportedSets[model.id] = Set(model.supportedParameters)
      vocabulary.formUnion(model.supportedParameters)
    }
    self.supportedSets = supportedSets
    // A canonical slug names the same model; the listed id wins where both spellings exist.
    for model in catalogue.models {
      if let slug = model.canonicalSlug, models[slug] == nil { models[slug] = model }
    }
    self.models = models
    self.vocabulary = vocabulary
    ids = catalogue.models.map(\.id)
    providerKeys = Set(
      catalogue.providers.flatMap { [PolicyEngine.providerKey($0.slug), PolicyEngine.providerKey($0.name)] })
    today = Self.day(now)
    warnUntil = Self.day(now.addingTimeInterval(TimeInterval(Self.expiryWarningDays * 86_400)))
  }

  /// `YYYY-MM-DD` of a moment, in UTC.
  static func day(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    func pad(_ n: Int?, _ width: Int) -> String {
      let text = String(n ?? 0)
      return String(repeating: "0", count: max(0, width - text.count)) + text
    }
    return "\(pad(parts.year, 4))-\(pad(parts.month, 2))-\(pad(parts.day, 2))"
  }

  /// How a model id as written resolves.
  enum Resolution {
    /// A listed model, with the routing suffix written after it (`nitro`), if any.
    case model(Catalogue.Model, suffix: String?)
    /// Not in the catalogue; the nearest listed id, when one is close.
    case unknown(suggestion: String?)
  }

  /// Resolves an id: exact (aliases such as `~anthropic/claude-sonnet-latest` and `:free` variants are listed
  /// ids), or a listed id followed by a routing suffix (`:nitro`, …).
  func resolve(_ written: String) -> Resolution {
    if let model = models[written] { return .model(model, suffix: nil) }
    if let colon = written.lastIndex(of: ":") {
      let suffix = String(written[written.index(after: colon)...])
      if Self.routingSuffixes.contains(suffix), let model = models[String(written[..<colon])] {
        return .model(model, suffix: suffix)
      }
    }
    return .unknown(suggestion: DidYouMean.suggestion(for: written, among: ids))
  }

  /// The parameters `model` accepts.
  func supportedParameters(of model: Catalogue.Model) -> Set<String> {
    supportedSets[model.id] ?? Set(model.supportedParameters)
  }

  /// True when the provider (a slug, or a tier endpoint such as `openai/priority`) is listed.
  func knowsProvider(_ name: String) -> Bool {
    if providerKeys.contains(PolicyEngine.providerKey(name)) { return true }
    guard let slash = name.firstIndex(of: "/") else { return false }
    return providerKeys.contains(PolicyEngine.providerKey(String(name[..<slash])))
  }

  /// The nearest listed provider slug to `name`.
  func providerSuggestion(_ name: String) -> String? {
    DidYouMean.suggestion(for: name, among: catalogue.providers.map(\.slug))
  }
}
