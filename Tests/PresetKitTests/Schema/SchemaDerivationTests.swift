import Testing

@testable import PresetCore
@testable import PresetKit
@testable import PresetSchema

/// The OpenAPI → 2020-12 conversion on small hand-written specs.
@Suite struct SchemaDerivationTests {
  /// Wraps component schemas in the shape of an OpenAPI document.
  func spec(_ schemas: JSONValue) -> JSONObject {
    guard case .object(let object) = schemas else { return JSONObject() }
    return object
  }

  @Test func collectsTheClosureAndRewritesRefs() throws {
    let components = spec([
      "Root": [
        "type": "object", "example": ["a": 1], "x-speakeasy-name-override": "r",
        "properties": [
          "child": ["$ref": "#/components/schemas/Child"],
          "example": ["type": "string", "examples": ["e"]],
          "self": ["$ref": "#/components/schemas/Root"],
          "pick": [
            "oneOf": [["$ref": "#/components/schemas/A"]],
            "discriminator": ["propertyName": "kind", "mapping": ["a": "#/components/schemas/A"]],
          ],
        ],
      ],
      "Child": [
        "type": "string", "description": "kept", "default": "x", "deprecated": true, "title": "T",
        "enum": ["x", "example"],
      ],
      "A": ["type": "object", "properties": ["kind": ["const": "a"]]],
      "Unused": ["type": "string"],
    ])
    let document = try SchemaDerivation.requestSchema(component: "Root", components: components, id: "urn:x")
    #expect(document["$schema"] == "https://json-schema.org/draft/2020-12/schema")
    #expect(document["$id"] == "urn:x")
    #expect(document["title"] == "Root")
    #expect(document["example"] == nil)
    #expect(document["x-speakeasy-name-override"] == nil)
    #expect(document["$defs"]?.objectValue?.keys.sorted() == ["A", "Child"])
    let properties = document["properties"]
    #expect(properties?["child"] == ["$ref": "#/$defs/Child"])
    #expect(properties?["self"] == ["$ref": "#"])
    // A property named like a dropped keyword stays; its own `examples` keyword goes.
    #expect(properties?["example"] == ["type": "string"])
    #expect(properties?["pick"]?["discriminator"]?["mapping"] == ["a": "#/$defs/A"])
    #expect(properties?["pick"]?["oneOf"] == [["$ref": "#/$defs/A"]])
    #expect(
      document["$defs"]?["Child"]
        == [
          "type": "string", "description": "kept", "default": "x", "deprecated": true, "title": "T",
          "enum": ["x", "example"],
        ])
  }

  @Test func nullableBecomesANullType() throws {
    let components = spec([
      "Root": [
        "type": "object",
        "properties": [
          "a": ["type": "string", "nullable": true, "enum": ["x"]],
          "b": ["type": ["integer"], "nullable": true],
          "c": ["$ref": "#/components/schemas/C", "nullable": true],
          "d": ["type": "string", "nullable": false],
        ],
      ],
      "C": ["type": "string"],
    ])
    let document = try SchemaDerivation.requestSchema(component: "Root", components: components, id: "urn:x")
    let properties = document["properties"]
    #expect(properties?["a"] == ["type": ["string", "null"], "enum": ["x", nil]])
    #expect(properties?["b"] == ["type": ["integer", "null"]])
    #expect(properties?["c"] == ["anyOf": [["$ref": "#/$defs/C"], ["type": "null"]]])
    #expect(properties?["d"] == ["type": "string"])
  }

  @Test func unknownKeywordsAndForeignRefsFailLoudly() {
    let cases: [(JSONValue, String)] = [
      (["Root": ["type": "object", "xml": ["name": "r"]]], "#/components/schemas/Root/xml: unknown schema keyword"),
      (["Root": ["$ref": "other.yaml#/Root"]], "unsupported $ref 'other.yaml#/Root'"),
      (["Root": ["$ref": "#/components/schemas/Gone"]], "Root: $ref to missing components.schemas.Gone"),
      (["Root": ["properties": ["a": 3]]], "#/components/schemas/Root/properties/a: a schema must be an object"),
      (["Root": ["$ref": "#/components/schemas/a~1b"]], "cannot address safely"),
    ]
    for (components, expected) in cases {
      #expect {
        _ = try SchemaDerivation.requestSchema(component: "Root", components: spec(components), id: "urn:x")
      } throws: { error in
        (error as? SchemaDerivationError)?.message.contains(expected) == true
      }
    }
  }

  @Test func noComponentsIsAnError() {
    #expect(throws: SchemaDerivationError("the OpenAPI document has no components.schemas object")) {
      _ = try SchemaDerivation.deriveAll(fromOpenAPI: ["openapi": "3.1.0"])
    }
  }

  @Test func rawLiteralDelimiters() {
    #expect(SchemaDerivation.rawLiteral("{}\n", indent: "  ") == "#\"\"\"\n  {}\n\n  \"\"\"#")
    // `\#` (an escape in a one-hash raw string) and `"""#` (its terminator) force more hashes.
    #expect(SchemaDerivation.rawLiteral("a\\#b\n", indent: "").hasPrefix("##\"\"\""))
    #expect(SchemaDerivation.rawLiteral("\"\"\"#\"\"\"##\n", indent: "").hasPrefix("###\"\"\""))
  }
}
