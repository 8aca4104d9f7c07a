import Foundation
import Testing

@testable import PresetCore
@testable import PresetKit
@testable import PresetSchema

/// The committed `schemas/` and `EmbeddedSchemas.swift` are what the spec derives today, byte for byte.
@Suite struct SchemasAreCurrentTests {
  @Test(
    .enabled(if: OpenAPISpec.isAvailable, Shared.skipReason))
  func committedFilesMatchTheDerivation() throws {
    let spec = try OpenAPISpec.value()
    let files = try SchemaDerivation.deriveAll(fromOpenAPI: spec)
    #expect(
      files.map(\.path) == [
        "schemas/chat-completions.schema.json", "schemas/messages.schema.json", "schemas/responses.schema.json",
        "schemas/preset.schema.json", "Sources/PresetSchema/Schema/EmbeddedSchemas.swift",
      ])
    for file in files {
      let url = Shared.packageRoot.appendingPathComponent(file.path)
      let committed = try Data(contentsOf: url)
      #expect(
        committed == Data(file.text.utf8),
        "\(file.path) is stale: run `swift run presetctl-schemagen ../shared/openrouter/openapi-presets.yaml .`")
    }
  }

  @Test(.enabled(if: OpenAPISpec.isAvailable, Shared.skipReason))
  func requestRootsAreTheNamedComponents() throws {
    let spec = try OpenAPISpec.value()
    let documents = try SchemaDerivation.deriveSchemas(fromOpenAPI: spec)
    for skin in Skin.allCases {
      let document = try #require(documents.first { $0.fileName == skin.schemaFileName }?.schema)
      let component = SchemaDerivation.componentName(for: skin)
      let source = try #require(spec["components"]?["schemas"]?[component])
      #expect(document["properties"]?.objectValue?.keys.sorted() == source["properties"]?.objectValue?.keys.sorted())
      #expect(document["required"] == source["required"])
    }
  }

  @Test func docsEchoTheTighteningsTable() throws {
    let docs = try String(
      contentsOf: Shared.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    #expect(docs.contains(SchemaTightenings.markdownTable()), "README.md must carry markdownTable() verbatim")
  }
}
