import PresetCore

/// The embedded schemas as documents and as the exact texts of `schemas/`.
///
/// `EmbeddedSchemas.swift` is generated and holds only the canonical JSON; everything here is derived from it on
/// first use. A `static let` is initialised lazily and exactly once, even under concurrent first use, and is
/// immutable afterwards, so the parse happens once per process without any global mutable state.
extension EmbeddedSchemas {
  /// Every schema document by file name (as in `schemas/`), parsed with `JSONParser` on first use.
  package static let documents: [String: JSONValue] = {
    var out: [String: JSONValue] = [:]
    for (fileName, text) in texts {
      do {
        out[fileName] = try JSONParser.parse(text)
      } catch {
        // The texts are fixed at build time and covered by tests; failing here is a build defect.
        fatalError("embedded \(fileName) is not JSON: \(error)")
      }
    }
    return out
  }()

  /// Every schema file by name → its exact text, re-rendered with `JSONWriter` `.pretty` as the generator writes
  /// the files of `schemas/`.
  package static let files: [String: String] = documents.mapValues { JSONWriter.string($0, options: .pretty) }

  /// The request-body schema of a skin (the file `skin.schemaFileName`).
  package static func document(for skin: Skin) -> JSONValue { document(named: skin.schemaFileName) }

  /// The preset file schema, `preset.schema.json`.
  package static var presetFileDocument: JSONValue { document(named: SchemaDerivation.presetFileName) }

  /// The embedded document of that file name; every name the code asks for is generated (tests check the set).
  static func document(named fileName: String) -> JSONValue {
    guard let document = documents[fileName] else { fatalError("no embedded schema \(fileName)") }
    return document
  }
}
