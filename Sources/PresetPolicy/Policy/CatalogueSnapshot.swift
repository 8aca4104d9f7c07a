import PresetCore
import PresetModel

/// The committed catalogue file, `presetctl.catalogue.json`: a deterministic writer and a strict reader.
///
/// Layout (README "Model catalogue"): a JSON object with `format` first (`presetctl.catalogue/v1`), then
/// `models` and `providers`, one entry per line in a fixed key order, sorted by id and slug. A pull that brings
/// the same catalogue writes the same bytes, and a change shows in a diff as the lines of the models it touches.
/// The reader accepts only that shape (any key order and spacing, but no unknown keys, wrong types or
/// duplicate ids), so a truncated, hand-edited or foreign file is an error naming the file, never a
/// half-read catalogue.
package enum CatalogueSnapshot {
  /// The `format` marker of the one layout this version writes and reads.
  package static let format = "presetctl.catalogue/v1"
  /// Largest snapshot read, in bytes (the full catalogue is a few hundred kilobytes).
  package static let maxFileBytes = 64 * 1024 * 1024

  /// A snapshot that cannot be used: what is wrong, where (line and column for syntax errors), and the JSON
  /// pointer of the offending value.
  package struct ReadError: Error, Sendable, Equatable {
    /// One sentence.
    package var message: String
    /// The pointer of the offending value (`/models/3/context_length`), when there is one.
    package var path: String?
    /// 1-based position of a syntax error; 1:1 otherwise.
    package var line = 1
    /// 1-based column.
    package var column = 1

    /// The error as a `catalogue.snapshot` diagnostic for `file`.
    package func diagnostic(file: String) -> Diagnostic {
      .error(
        "catalogue.snapshot", "the model catalogue \(file) cannot be used: \(message)",
        at: SourceLocation(file: file, line: line, column: column), path: path,
        hint: "run `presetctl catalogue pull` to write it again (it is generated, not edited by hand)")
    }
  }

  /// The snapshot's bytes: stable for equal catalogues, ending in a newline.
  package static func bytes(_ catalogue: Catalogue) -> [UInt8] {
    var out = "{\n  \"format\": \(quoted(format)),\n  \"models\": ["
    out += lines(catalogue.models.map { JSONValue.object(json($0)) })
    out += "],\n  \"providers\": ["
    out += lines(
      catalogue.providers.map { provider in
        .object(
          JSONObject([
            .init(key: "slug", value: .string(provider.slug)), .init(key: "name", value: .string(provider.name)),
          ]))
      })
    out += "]\n}\n"
    return Array(out.utf8)
  }

  /// One model's object, keys in the snapshot's order.
  package static func json(_ model: Catalogue.Model) -> JSONObject {
    var members: [JSONObject.Member] = [
      .init(key: "id", value: .string(model.id)),
      .init(key: "canonical_slug", value: model.canonicalSlug.map(JSONValue.string) ?? .null),
      .init(key: "name", value: .string(model.name)),
      .init(key: "context_length", value: model.contextLength.map { .number(Double($0)) } ?? .null),
      .init(key: "max_completion_tokens", value: model.maxCompletionTokens.map { .number(Double($0)) } ?? .null),
      .init(key: "supported_parameters", value: .array(model.supportedParameters.map(JSONValue.string))),
    ]
    if let reasoning = model.reasoning {
      members.append(
        .init(
          key: "reasoning",
          value: .object(
            JSONObject([
              .init(key: "mandatory", value: .bool(reasoning.mandatory)),
              .init(
                key: "supported_efforts",
                value: reasoning.supportedEfforts.map { .array($0.map(JSONValue.string)) } ?? .null),
            ]))))
    }
    if let date = model.expirationDate { members.append(.init(key: "expiration_date", value: .string(date))) }
    members.append(
      .init(
        key: "pricing", value: .object(JSONObject(model.pricing.map { .init(key: $0.key, value: .string($0.value)) }))))
    return JSONObject(members)
  }

  private static func quoted(_ text: String) -> String {
    JSONWriter.string(.string(text), options: .compact)
  }

  /// Entries on their own lines, indented, comma-separated; `[]` stays on one line.
  private static func lines(_ values: [JSONValue]) -> String {
    guard !values.isEmpty else { return "" }
    return "\n" + values.map { "    " + JSONWriter.string($0, options: .compact) }.joined(separator: ",\n") + "\n  "
  }

  /// Reads a snapshot; any deviation from the layout is a `ReadError`.
  package static func read(_ bytes: [UInt8]) throws(ReadError) -> Catalogue {
    guard !bytes.isEmpty else { throw ReadError(message: "the file is empty") }
    let value: JSONValue
    do {
      value = try JSONParser.parse(bytes)
    } catch {
      throw ReadError(
        message: "it is not valid JSON (\(error.message); a truncated or hand-edited file?)", line: error.line,
        column: error.column)
    }
    guard case .object(let top) = value else { throw ReadError(message: "it is not a JSON object", path: "") }
    guard case .string(let marker)? = top["format"] else {
      throw ReadError(
        message: "it has no `format` marker (`\(format)`): it is not a presetctl catalogue snapshot", path: "/format")
    }
    guard marker == format else {
      throw ReadError(
        message: "its `format` is not `\(format)` (a newer presetctl, or another tool's file?)", path: "/format")
    }
    let reader = CatalogueSnapshotReader()
    try reader.checkKeys(top, known: ["format", "models", "providers"], at: "")
    let models = try reader.array(top["models"], at: "/models").enumerated().map { (i, item) throws(ReadError) in
      try reader.model(item, at: "/models/\(i)")
    }
    let providers = try reader.array(top["providers"], at: "/providers").enumerated().map {
      (i, item) throws(ReadError) in try reader.provider(item, at: "/providers/\(i)")
    }
    try reader.checkUnique(models.map(\.id), what: "model id", at: "/models")
    try reader.checkUnique(providers.map(\.slug), what: "provider slug", at: "/providers")
    return Catalogue(models: models, providers: providers)
  }
}
