import Foundation
import Testing

@testable import PresetCore
@testable import PresetKit
@testable import PresetSchema

/// Checks on the committed schema files themselves; none of these needs `../shared`.
@Suite struct CommittedSchemasTests {
  static let directory = Shared.packageRoot.appendingPathComponent("schemas")
  static let fileNames = Skin.allCases.map(\.schemaFileName) + [SchemaDerivation.presetFileName]

  /// Keywords whose values are instance data, never schemas: a `$ref` key inside them is not a reference.
  static let dataKeywords: Set<String> = ["enum", "const", "default", "examples"]

  func committedText(_ name: String) throws -> String {
    try String(contentsOf: Self.directory.appendingPathComponent(name), encoding: .utf8)
  }

  func committed(_ name: String) throws -> JSONValue {
    try JSONParser.parse(Array(try Data(contentsOf: Self.directory.appendingPathComponent(name))))
  }

  @Test func embeddedCopiesEqualTheFilesByteForByte() throws {
    let onDisk = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path).filter {
      $0.hasSuffix(".json")
    }
    #expect(Set(EmbeddedSchemas.files.keys) == Set(onDisk))
    #expect(Set(onDisk) == Set(Self.fileNames))
    for name in onDisk {
      let bytes = try Data(contentsOf: Self.directory.appendingPathComponent(name))
      #expect(EmbeddedSchemas.files[name].map { Data($0.utf8) } == bytes, "\(name) differs from its embedded copy")
    }
    for skin in Skin.allCases {
      #expect(EmbeddedSchemas.document(for: skin) == (try committed(skin.schemaFileName)))
    }
    #expect(EmbeddedSchemas.presetFileDocument == (try committed(SchemaDerivation.presetFileName)))
  }

  /// The generated source stays small: canonical JSON wrapped into long lines, not 15,000 pretty lines that drown
  /// searches, line counts and duplicate reports.
  @Test func embeddedSourceIsAFewDozenLongLines() throws {
    let url = Shared.packageRoot.appendingPathComponent(SchemaDerivation.embeddedSourcePath)
    let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count < 100, "\(SchemaDerivation.embeddedSourcePath) has \(lines.count) lines")
    for (fileName, text) in EmbeddedSchemas.texts {
      // Only the last line of a literal may be short; the others stay past the duplicate finder's 2,000.
      let jsonLines = text.split(separator: "\n")
      #expect(jsonLines.dropLast().allSatisfy { $0.count > 2_000 }, "\(fileName) has a short line")
      let unwrapped = text.filter { $0 != "\n" }
      #expect(unwrapped == JSONWriter.canonicalString(EmbeddedSchemas.document(named: fileName)), "\(fileName)")
    }
  }

  /// Wrapping adds newlines only between tokens: never inside a string, where it would change the value, even
  /// next to escaped quotes and backslashes and at a width that breaks after every eligible comma.
  @Test(arguments: [1, 2, 5, 40])
  func wrappingBetweenTokensKeepsTheValue(_ width: Int) throws {
    let value: JSONValue = [
      "a,b": ["x", "\",\"", "\\", "\\\",", ",,,"], "n": [1, 2.5, -3], "o": ["k": "v,\"w", "e": [:], "l": []],
    ]
    let canonical = JSONWriter.canonicalBytes(value)
    let wrapped = SchemaDerivation.wrappedJSON(canonical, lineBytes: width)
    #expect(try JSONParser.parse(wrapped) == value)
    #expect(wrapped.filter { $0 != "\n" } == String(decoding: canonical, as: UTF8.self))
    if width == 1 {
      // Every comma outside a string ends a line: 4 + 2 (the arrays) + 2 (the inner object) + 2 (top level).
      #expect(wrapped.split(separator: "\n").count == 11)
    }
  }

  @Test(arguments: fileNames)
  func fileIsPrettyJSONWithDialectAndID(_ name: String) throws {
    let text = try committedText(name)
    let value = try JSONParser.parse(text)
    #expect(JSONWriter.string(value, options: .pretty) == text, "\(name) is not in JSONWriter .pretty form")
    #expect(value["$schema"] == "https://json-schema.org/draft/2020-12/schema")
    #expect(value["$id"]?.stringValue == "https://presetctl.dev/schemas/\(name)")
  }

  @Test(arguments: fileNames)
  func everyRefResolves(_ name: String) throws {
    let document = try committed(name)
    var refs: [(String, String)] = []
    collectRefs(document, at: "", into: &refs)
    #expect(!refs.isEmpty)
    for (ref, location) in refs {
      let parts = ref.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
      let fileName = String(parts[0])
      let fragment = parts.count > 1 ? String(parts[1]) : ""
      let target = fileName.isEmpty ? document : try committed(fileName)
      #expect(fileName.isEmpty || Self.fileNames.contains(fileName), "\(name)\(location): \(ref) leaves schemas/")
      let pointer = JSONPointer(fragment.removingPercentEncoding ?? fragment)
      let resolved = pointer.flatMap { target.value(at: $0) }
      let isSchema = resolved.map { $0.objectValue != nil || $0.boolValue != nil } ?? false
      #expect(isSchema, "\(name)\(location): $ref \(ref) does not resolve to a schema")
    }
  }

  /// Collects `$ref`s and discriminator mapping targets with their JSON pointers, skipping data keywords and
  /// treating every member of `properties`-like maps as a schema (a property may be named `enum`).
  func collectRefs(_ value: JSONValue, at path: String, into refs: inout [(String, String)]) {
    switch value {
    case .object(let object):
      for member in object {
        let here = path + JSONPointer(components: [.key(member.key)]).description
        if member.key == "$ref", let ref = member.value.stringValue { refs.append((ref, here)) }
        if member.key == "discriminator", let mapping = member.value["mapping"]?.objectValue {
          for entry in mapping { if let ref = entry.value.stringValue { refs.append((ref, here + "/mapping")) } }
          continue
        }
        if Self.dataKeywords.contains(member.key) { continue }
        if ["properties", "patternProperties", "$defs", "dependentSchemas"].contains(member.key),
          let map = member.value.objectValue
        {
          for entry in map {
            collectRefs(entry.value, at: here + JSONPointer(components: [.key(entry.key)]).description, into: &refs)
          }
          continue
        }
        collectRefs(member.value, at: here, into: &refs)
      }
    case .array(let array):
      for (index, element) in array.enumerated() { collectRefs(element, at: "\(path)/\(index)", into: &refs) }
    default:
      break
    }
  }

  @Test(arguments: Skin.allCases)
  func requestSchemasAreWellFormed(_ skin: Skin) throws {
    let document = try committed(skin.schemaFileName)
    var problems: [String] = []
    checkSchema(document, at: "", problems: &problems)
    #expect(problems.isEmpty, "\(skin.schemaFileName): \(problems.prefix(10))")
    #expect(document["additionalProperties"] == false)
    #expect(document["properties"]?["models"]?["maxItems"] == 3)
    #expect(document["properties"]?["temperature"]?["maximum"] == 2)
    #expect(document["$defs"]?["ProviderPreferences"]?["additionalProperties"] == false)
  }

  /// Shape checks on the keywords a validator compiles; collects what is wrong.
  func checkSchema(_ value: JSONValue, at path: String, problems: inout [String]) {
    if value.boolValue != nil { return }
    guard let object = value.objectValue else {
      problems.append("\(path): not a schema")
      return
    }
    let typeNames: Set<String> = ["null", "boolean", "object", "array", "number", "string", "integer"]
    for member in object {
      let here = path + JSONPointer(components: [.key(member.key)]).description
      switch member.key {
      case "type":
        let names = member.value.stringValue.map { [$0] } ?? member.value.arrayValue?.compactMap(\.stringValue)
        if names == nil || names?.isEmpty == true || !(names ?? []).allSatisfy(typeNames.contains) {
          problems.append("\(here): bad type")
        }
      case "required":
        let names = member.value.arrayValue?.compactMap(\.stringValue) ?? []
        if names.count != member.value.arrayValue?.count || Set(names).count != names.count {
          problems.append("\(here): bad required")
        }
      case "enum":
        if member.value.arrayValue?.isEmpty != false { problems.append("\(here): bad enum") }
      case "properties", "patternProperties", "$defs", "dependentSchemas":
        guard let map = member.value.objectValue else {
          problems.append("\(here): not an object")
          continue
        }
        for entry in map {
          checkSchema(
            entry.value, at: here + JSONPointer(components: [.key(entry.key)]).description, problems: &problems)
        }
      case "allOf", "anyOf", "oneOf", "prefixItems":
        guard let array = member.value.arrayValue, !array.isEmpty else {
          problems.append("\(here): not a non-empty array")
          continue
        }
        for (index, element) in array.enumerated() { checkSchema(element, at: "\(here)/\(index)", problems: &problems) }
      case "items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames":
        checkSchema(member.value, at: here, problems: &problems)
      case "minimum", "maximum", "minItems", "maxItems", "minLength", "maxLength", "maxProperties":
        if member.value.numberValue == nil { problems.append("\(here): not a number") }
      case "example", "examples", "nullable":
        problems.append("\(here): OpenAPI leftover")
      default:
        if member.key.hasPrefix("x-") { problems.append("\(here): extension left in") }
      }
    }
  }

  @Test func presetSchemaShape() throws {
    let preset = try committed(SchemaDerivation.presetFileName)
    // `skin` may come from a _defaults.yaml, so the file itself need not name it.
    #expect(preset["required"] == ["slug", "request"])
    #expect(preset["additionalProperties"] == false)
    #expect(preset["patternProperties"]?.objectValue?.keys == ["^x-"])
    #expect(preset["properties"]?["slug"]?["pattern"] == "^[a-z0-9]+(-[a-z0-9]+)*$")
    #expect(preset["properties"]?["slug"]?["maxLength"] == 64)
    #expect(preset["properties"]?["skin"]?["enum"] == ["chat", "messages", "responses"])
    let branches = try #require(preset["allOf"]?.arrayValue)
    #expect(branches.count == 3)
    let chat = try #require(branches.first { $0["if"]?["properties"]?["skin"]?["const"] == "chat" })
    let chatRequest = chat["then"]?["properties"]?["request"]
    // The compiler fills `messages` in for chat, so the preset file need not carry it.
    #expect(chatRequest?["required"] == nil)
    #expect(chatRequest?["additionalProperties"] == false)
    #expect(
      chatRequest?["properties"]?["temperature"] == ["$ref": "chat-completions.schema.json#/properties/temperature"])
    let chatSchema = try committed(Skin.chat.schemaFileName)
    #expect(
      chatRequest?["properties"]?.objectValue?.keys.sorted() == chatSchema["properties"]?.objectValue?.keys.sorted())
    let messages = try #require(branches.first { $0["if"]?["properties"]?["skin"]?["const"] == "messages" })
    // messages: `model` may come from defaults and `messages` is filled in; the fallbacks rule is kept.
    let messagesRequest = messages["then"]?["properties"]?["request"]
    #expect(messagesRequest?["required"] == nil)
    #expect(messagesRequest?["not"] == ["required": ["fallbacks", "models"]])
    let responses = try #require(branches.first { $0["if"]?["properties"]?["skin"]?["const"] == "responses" })
    #expect(responses["then"]?["properties"]?["request"] == ["$ref": "responses.schema.json"])
  }
}
