import Foundation
import PresetCore
import PresetPolicy

extension OpenRouterClient {
  /// Most models or providers one catalogue may list (the real one has a few hundred models): a hostile or
  /// broken server cannot make a snapshot without bound.
  static let maxCatalogueEntries = 100_000

  /// A client for the public catalogue: no key needed or sent, the other settings as given.
  package static func catalogueClient(_ configuration: Configuration) throws(RemoteError) -> OpenRouterClient {
    var anonymous = configuration
    anonymous.anonymous = true
    return try OpenRouterClient(anonymous)
  }

  /// Fetches the public catalogue: `GET /models?output_modalities=all` (without the parameter image and audio
  /// models are left out) in one answer, and `GET /providers`. Only the fields `Catalogue` keeps are read;
  /// a field of the wrong type is a `.decoding` error naming the model, so a broken answer never becomes a
  /// snapshot.
  package func fetchCatalogue() async throws(RemoteError) -> Catalogue {
    let modelsCall = Call(method: "GET", path: "/models", query: [("output_modalities", "all")], slug: nil)
    let modelsJSON = try decodeJSON(try await perform(modelsCall), call: modelsCall)
    let models = try decodeData(modelsJSON, call: modelsCall) { value throws(ShapeProblem) in
      try Self.entries(value, what: "models").enumerated().map { (i, item) throws(ShapeProblem) in
        try Self.catalogueModel(item, context: "models[\(i)]")
      }
    }
    let providersCall = Call(method: "GET", path: "/providers", slug: nil)
    let providersJSON = try decodeJSON(try await perform(providersCall), call: providersCall)
    let providers = try decodeData(providersJSON, call: providersCall) { value throws(ShapeProblem) in
      try Self.entries(value, what: "providers").enumerated().map { (i, item) throws(ShapeProblem) in
        let reader = try FieldReader(item, context: "providers[\(i)]")
        return Catalogue.Provider(
          slug: try reader.nonEmptyString("slug"), name: try reader.optionalString("name") ?? "")
      }
    }
    return Catalogue(models: models, providers: providers)
  }

  static func entries(_ value: JSONValue, what: String) throws(ShapeProblem) -> [JSONValue] {
    guard case .array(let items) = value else { throw ShapeProblem(message: "\"data\" of \(what) is not an array") }
    guard items.count <= maxCatalogueEntries else {
      throw ShapeProblem(message: "the catalogue lists more than \(maxCatalogueEntries) \(what)")
    }
    return items
  }

  /// One `Model` of the `/models` answer, reduced to what the snapshot keeps.
  static func catalogueModel(_ value: JSONValue, context: String) throws(ShapeProblem) -> Catalogue.Model {
    let reader = try FieldReader(value, context: context)
    let id = try reader.nonEmptyString("id")
    let named = "\(context) (`\(id)`)"
    let top = try reader.optionalObject("top_provider").map { (object) throws(ShapeProblem) in
      try FieldReader(.object(object), context: named + ".top_provider")
    }
    var reasoning: Catalogue.Reasoning?
    if let object = try reader.optionalObject("reasoning") {
      let inner = try FieldReader(.object(object), context: named + ".reasoning")
      reasoning = Catalogue.Reasoning(
        mandatory: try inner.optionalBool("mandatory") ?? false,
        supportedEfforts: try inner.optionalStrings("supported_efforts"))
    }
    var date = try reader.optionalString("expiration_date")
    // A timestamp keeps its day; anything else is not a date the checks can compare.
    if let text = date {
      let day = String(text.prefix(10))
      guard CatalogueSnapshotReader.isDate(day) else {
        throw ShapeProblem(message: "\(named).expiration_date is not a YYYY-MM-DD date")
      }
      date = day
    }
    var prices: [Catalogue.Price] = []
    for member in try reader.optionalObject("pricing")?.members ?? [] {
      switch member.value {
      case .string(let text): prices.append(.init(key: member.key, value: text))
      case .number(let n): prices.append(.init(key: member.key, value: ECMAScriptNumber.format(n)))
      default: continue
      }
    }
    return Catalogue.Model(
      id: id, canonicalSlug: try reader.optionalString("canonical_slug"), name: try reader.optionalString("name") ?? "",
      contextLength: try reader.optionalCount("context_length"),
      supportedParameters: try reader.optionalStrings("supported_parameters") ?? [],
      maxCompletionTokens: try top?.optionalCount("max_completion_tokens"), reasoning: reasoning,
      expirationDate: date, pricing: prices)
  }
}
