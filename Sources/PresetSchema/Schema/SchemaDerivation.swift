import PresetCore

/// Derives presetctl's committed JSON Schemas (`schemas/`) from OpenRouter's OpenAPI document.
///
/// A pure function over `JSONValue`, so the generator executable and the "schemas are current" test run the very
/// same code: the test derives in-process and compares with the committed files byte for byte. Steps:
/// 1. per skin, take its request component (`ChatRequest`, …) with every schema it references, turned into a
///    self-contained 2020-12 document (`$defs`, OpenAPI-isms handled; see `SchemaDerivation+OpenAPI.swift`);
/// 2. apply `SchemaTightenings.all`, the one table of rules the published spec leaves loose;
/// 3. build `preset.schema.json` (the preset file format) on top of the request schemas;
/// 4. write every file with `JSONWriter` `.pretty`, plus `EmbeddedSchemas.swift` carrying the same documents.
package enum SchemaDerivation {
  /// One file the derivation writes.
  package struct GeneratedFile: Sendable, Equatable {
    /// The path relative to the package root, `/`-separated (`schemas/messages.schema.json`).
    package var path: String
    /// The exact file contents.
    package var text: String

    /// Creates a file record.
    package init(path: String, text: String) {
      self.path = path
      self.text = text
    }
  }

  /// The folder, relative to the package root, that holds the schema files.
  package static let schemaDirectory = "schemas"

  /// The generated Swift source carrying the schema texts, relative to the package root.
  package static let embeddedSourcePath = "Sources/PresetSchema/Schema/EmbeddedSchemas.swift"

  /// The file name of the preset file schema.
  package static let presetFileName = "preset.schema.json"

  /// The base of every schema's `$id`; sibling files refer to each other by relative file name.
  package static let idBase = "https://presetctl.dev/schemas/"

  /// The dialect every file declares.
  package static let dialect = "https://json-schema.org/draft/2020-12/schema"

  /// The OpenAPI component (`components.schemas.<name>`) a skin's request body is derived from.
  package static func componentName(for skin: Skin) -> String {
    switch skin {
    case .chat: "ChatRequest"
    case .messages: "MessagesRequest"
    case .responses: "ResponsesRequest"
    }
  }

  /// Every generated file: the three request schemas, the preset file schema, then `EmbeddedSchemas.swift`.
  package static func deriveAll(fromOpenAPI spec: JSONValue) throws(SchemaDerivationError) -> [GeneratedFile] {
    let schemas = try deriveSchemas(fromOpenAPI: spec)
    let texts = schemas.map { (fileName: $0.fileName, text: JSONWriter.string($0.schema, options: .pretty)) }
    var files = texts.map { GeneratedFile(path: "\(schemaDirectory)/\($0.fileName)", text: $0.text) }
    files.append(GeneratedFile(path: embeddedSourcePath, text: embeddedSchemasSource(schemas)))
    return files
  }

  /// The schema documents by file name, in the order of `Skin.allCases` followed by `preset.schema.json`.
  package static func deriveSchemas(
    fromOpenAPI spec: JSONValue
  ) throws(SchemaDerivationError) -> [(fileName: String, schema: JSONValue)] {
    guard let components = spec["components"]?["schemas"]?.objectValue else {
      throw SchemaDerivationError("the OpenAPI document has no components.schemas object")
    }
    var documents: [String: JSONValue] = [:]
    for skin in Skin.allCases {
      documents[skin.schemaFileName] = try requestSchema(
        component: componentName(for: skin), components: components, id: idBase + skin.schemaFileName)
    }
    try SchemaTightening.apply(SchemaTightenings.all, to: &documents)
    var out: [(fileName: String, schema: JSONValue)] = []
    for skin in Skin.allCases {
      guard let schema = documents[skin.schemaFileName] else { continue }
      out.append((skin.schemaFileName, schema))
    }
    out.append((presetFileName, try presetFileSchema(requestSchemas: documents)))
    return out
  }
}
