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
  ///
  /// The three compile side by side: every command that compiles presets waits for them before its first
  /// file, so this is serial start-up time otherwise.
  package init(document: (Skin) -> JSONValue) throws {
    let skins: [Skin] = [.chat, .messages, .responses]
    let inputs = skins.map { (skin: $0, document: document($0)) }
    let compiled = ParallelMap.map(inputs, parallelism: 3) { input in
      Result { try JSONSchema(input.document, baseURI: "https://presetctl.dev/schemas/\(input.skin.schemaFileName)") }
    }
    chat = try compiled[0].get()
    messages = try compiled[1].get()
    responses = try compiled[2].get()
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
