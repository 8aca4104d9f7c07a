import PresetCore

/// The three skin schemas, compiled once and shared by every preset of a run.
package struct SkinValidators: Sendable {
  private let chat: JSONSchema
  private let messages: JSONSchema
  private let responses: JSONSchema

  /// Compiles the schemas carried by the binary (`EmbeddedSchemas`, identical to `schemas/`), once per process.
  package static let embedded: SkinValidators = {
    do {
      return try SkinValidators(document: EmbeddedSchemas.document(for:))
    } catch {
      // The embedded schemas are fixed at build time and covered by tests; failing here is a build defect.
      fatalError("embedded skin schemas do not compile: \(error)")
    }
  }()

  /// Compiles the schemas from their parsed documents.
  package init(document: (Skin) -> JSONValue) throws {
    func compile(_ skin: Skin) throws -> JSONSchema {
      try JSONSchema(document(skin), baseURI: "https://presetctl.dev/schemas/\(skin.schemaFileName)")
    }
    chat = try compile(.chat)
    messages = try compile(.messages)
    responses = try compile(.responses)
  }

  /// The validator for one skin's request body.
  package func validator(for skin: Skin) -> JSONSchema {
    switch skin {
    case .chat: chat
    case .messages: messages
    case .responses: responses
    }
  }
}
