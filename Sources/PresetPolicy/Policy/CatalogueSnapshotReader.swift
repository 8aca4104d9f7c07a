import PresetCore
import PresetModel

/// The shape checks of `CatalogueSnapshot.read`: every value has the type the writer gives it, and no key is
/// unknown (a hand edit that misspells one must not be silently ignored).
package struct CatalogueSnapshotReader {
  typealias ReadError = CatalogueSnapshot.ReadError

  static let modelKeys = [
    "id", "canonical_slug", "name", "context_length", "max_completion_tokens", "supported_parameters", "reasoning",
    "expiration_date", "pricing",
  ]

  func checkKeys(_ object: JSONObject, known: [String], at path: @autoclosure () -> String) throws(ReadError) {
    if let unknown = object.keys.first(where: { !known.contains($0) }) {
      throw ReadError(message: "unknown key `\(unknown)` at \(path().isEmpty ? "the top level" : path())", path: path())
    }
  }

  func array(_ value: JSONValue?, at path: @autoclosure () -> String) throws(ReadError) -> [JSONValue] {
    guard case .array(let items)? = value else {
      throw ReadError(message: "\(path()) must be an array, got \(value?.typeName ?? "nothing")", path: path())
    }
    return items
  }

  func object(_ value: JSONValue, at path: @autoclosure () -> String) throws(ReadError) -> JSONObject {
    guard case .object(let object) = value else {
      throw ReadError(message: "\(path()) must be an object, got \(value.typeName)", path: path())
    }
    return object
  }

  func string(_ value: JSONValue?, at path: @autoclosure () -> String, optional: Bool = false) throws(ReadError)
    -> String?
  {
    switch value {
    case .string(let text)?: return text
    case .null? where optional: return nil
    case nil where optional: return nil
    default:
      throw ReadError(
        message: "\(path()) must be a string\(optional ? " or null" : ""), got \(value?.typeName ?? "nothing")",
        path: path())
    }
  }

  /// A non-negative whole number below 2^53, or null.
  func count(_ value: JSONValue?, at path: @autoclosure () -> String) throws(ReadError) -> Int? {
    switch value {
    case .null?, nil: return nil
    case .number(let n)? where n >= 0 && n.rounded() == n && n < jsonMaxExactInteger: return Int(n)
    default:
      throw ReadError(
        message: "\(path()) must be a non-negative whole number or null, got \(value?.typeName ?? "nothing")",
        path: path())
    }
  }

  /// Paths are autoclosures throughout: they are only needed for an error, and building one per field and
  /// array element made reading a 1,000-model snapshot cost more than the checks it serves.
  func strings(_ value: JSONValue?, at path: @autoclosure () -> String) throws(ReadError) -> [String] {
    try array(value, at: path()).enumerated().map { (i, item) throws(ReadError) in
      try string(item, at: "\(path())/\(i)") ?? ""
    }
  }

  func model(_ value: JSONValue, at path: String) throws(ReadError) -> Catalogue.Model {
    let object = try object(value, at: path)
    try checkKeys(object, known: Self.modelKeys, at: path)
    guard let id = try string(object["id"], at: path + "/id"), !id.isEmpty else {
      throw ReadError(message: "\(path)/id must not be empty", path: path + "/id")
    }
    var reasoning: Catalogue.Reasoning?
    if let given = object["reasoning"], !given.isNull {
      let inner = try self.object(given, at: path + "/reasoning")
      try checkKeys(inner, known: ["mandatory", "supported_efforts"], at: path + "/reasoning")
      guard case .bool(let mandatory)? = inner["mandatory"] else {
        throw ReadError(
          message: "\(path)/reasoning/mandatory must be true or false", path: path + "/reasoning/mandatory")
      }
      let efforts = inner["supported_efforts"]
      reasoning = Catalogue.Reasoning(
        mandatory: mandatory,
        supportedEfforts: efforts == nil || efforts?.isNull == true
          ? nil : try strings(efforts, at: path + "/reasoning/supported_efforts"))
    }
    let pricing = try self.object(object["pricing"] ?? .object(JSONObject()), at: path + "/pricing")
    var prices: [Catalogue.Price] = []
    for member in pricing.members {
      prices.append(.init(key: member.key, value: try string(member.value, at: path + "/pricing/" + member.key) ?? ""))
    }
    let date = try string(object["expiration_date"], at: path + "/expiration_date", optional: true)
    if let date, !Self.isDate(date) {
      throw ReadError(message: "\(path)/expiration_date must be a YYYY-MM-DD date", path: path + "/expiration_date")
    }
    return Catalogue.Model(
      id: id, canonicalSlug: try string(object["canonical_slug"], at: path + "/canonical_slug", optional: true),
      name: try string(object["name"], at: path + "/name") ?? "",
      contextLength: try count(object["context_length"], at: path + "/context_length"),
      supportedParameters: try strings(object["supported_parameters"], at: path + "/supported_parameters"),
      maxCompletionTokens: try count(object["max_completion_tokens"], at: path + "/max_completion_tokens"),
      reasoning: reasoning, expirationDate: date, pricing: prices)
  }

  func provider(_ value: JSONValue, at path: String) throws(ReadError) -> Catalogue.Provider {
    let object = try object(value, at: path)
    try checkKeys(object, known: ["slug", "name"], at: path)
    guard let slug = try string(object["slug"], at: path + "/slug"), !slug.isEmpty else {
      throw ReadError(message: "\(path)/slug must not be empty", path: path + "/slug")
    }
    return Catalogue.Provider(slug: slug, name: try string(object["name"], at: path + "/name") ?? "")
  }

  func checkUnique(_ names: [String], what: String, at path: String) throws(ReadError) {
    var seen: Set<String> = []
    for (i, name) in names.enumerated() where !seen.insert(name).inserted {
      throw ReadError(message: "\(what) `\(name)` appears twice", path: "\(path)/\(i)")
    }
  }

  /// `YYYY-MM-DD` with plausible month and day (the checks compare dates as text).
  package static func isDate(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }),
      let month = Int(parts[1]), let day = Int(parts[2])
    else { return false }
    return (1...12).contains(month) && (1...31).contains(day)
  }
}
