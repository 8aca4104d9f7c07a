import Testing

@testable import PresetCore
@testable import PresetKit
@testable import PresetSchema

/// Tightenings are patches that must find what they were written against.
@Suite struct SchemaTighteningTests {
  let base: JSONValue = [
    "type": "object",
    "properties": [
      "temperature": ["type": "number", "description": "Sampling temperature (0-2)"],
      "fallback": ["type": "object", "additionalProperties": [:]],
    ],
  ]

  func apply(_ rule: SchemaTightening) throws(SchemaDerivationError) -> JSONValue? {
    var documents = ["f.json": base]
    try SchemaTightening.apply([rule], to: &documents)
    return documents["f.json"]
  }

  func expectFailure(_ rule: SchemaTightening, mentioning text: String) {
    #expect {
      _ = try apply(rule)
    } throws: { error in
      (error as? SchemaDerivationError)?.message.contains(text) == true
    }
  }

  @Test func addsReplacesAndExpects() throws {
    let rule = SchemaTightening(
      files: ["f.json"], pointer: "/properties/temperature",
      changes: [.add("maximum", 2), .add("type", "number"), .expect("type", "number")], source: "s",
      evidence: .init(file: "f.json", pointer: "/properties/temperature", quote: "(0-2)"))
    let out = try apply(rule)
    #expect(out?["properties"]?["temperature"]?["maximum"] == 2)
    let replace = SchemaTightening(
      files: ["f.json"], pointer: "/properties/fallback",
      changes: [.replace("additionalProperties", expected: [:], with: false)], source: "s")
    #expect(try apply(replace)?["properties"]?["fallback"]?["additionalProperties"] == false)
    let root = SchemaTightening(
      files: ["f.json"], pointer: "", changes: [.add("additionalProperties", false)], source: "s")
    #expect(try apply(root)?["additionalProperties"] == false)
  }

  @Test func driftFailsLoudly() {
    expectFailure(
      SchemaTightening(
        files: ["f.json"], pointer: "/properties/temprature", changes: [.add("maximum", 2)], source: "s"),
      mentioning: "target f.json#/properties/temprature does not exist")
    expectFailure(
      SchemaTightening(
        files: ["f.json"], pointer: "/properties/temperature", changes: [.add("type", "string")], source: "s"),
      mentioning: "already has type = \"number\", not \"string\"")
    expectFailure(
      SchemaTightening(
        files: ["f.json"], pointer: "/properties/fallback",
        changes: [.replace("additionalProperties", expected: true, with: false)], source: "s"),
      mentioning: "expected f.json#/properties/fallback additionalProperties = true, found {}")
    expectFailure(
      SchemaTightening(files: ["f.json"], pointer: "", changes: [.expect("additionalProperties", false)], source: "s"),
      mentioning: "relies on f.json# additionalProperties = false, found absent")
    expectFailure(
      SchemaTightening(
        files: ["f.json"], pointer: "/properties/temperature", changes: [.add("maximum", 1)], source: "s",
        evidence: .init(file: "f.json", pointer: "/properties/temperature", quote: "(0-1)")),
      mentioning: "no longer says '(0-1)'")
    expectFailure(
      SchemaTightening(files: ["g.json"], pointer: "", changes: [], source: "s"), mentioning: "no schema file g.json")
  }

  @Test func markdownTableListsEveryRule() {
    let table = SchemaTightenings.markdownTable()
    let rows = table.split(separator: "\n")
    #expect(rows.count == SchemaTightenings.all.count + 2)
    #expect(rows.contains { $0.contains("`/properties/temperature`") && $0.contains("add `maximum: 2`") })
  }
}
