/// The three skin schemas, compiled once and shared by every preset of a run.
public struct SkinValidators: Sendable {
  private let chat: JSONSchema
  private let messages: JSONSchema
  private let responses: JSONSchema

  /// Compiles the schemas carried by the binary (`EmbeddedSchemas`, identical to `schemas/`).
  public static let embedded: SkinValidators = {
    do {
      return try SkinValidators(text: { EmbeddedSchemas.text(for: $0) })
    } catch {
      // The embedded schemas are fixed at build time and covered by tests; failing here is a build defect.
      fatalError("embedded skin schemas do not compile: \(error)")
    }
  }()

  /// Compiles the schemas from their JSON texts.
  public init(text: (Skin) -> String) throws {
    func compile(_ skin: Skin) throws -> JSONSchema {
      try JSONSchema(JSONParser.parse(text(skin)), baseURI: "https://presetctl.dev/schemas/\(skin.schemaFileName)")
    }
    chat = try compile(.chat)
    messages = try compile(.messages)
    responses = try compile(.responses)
  }

  /// The validator for one skin's request body.
  public func validator(for skin: Skin) -> JSONSchema {
    switch skin {
    case .chat: chat
    case .messages: messages
    case .responses: responses
    }
  }
}
