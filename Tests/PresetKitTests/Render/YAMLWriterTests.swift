import Testing

@testable import PresetCore
@testable import PresetKit

@Suite("YAMLWriter")
struct YAMLWriterTests {
  static let value: JSONValue = [
    "slug": "alpha", "on": true, "yes-string": "yes", "n": 0.5, "big": 1e21, "empty": "", "null": .null,
    "list": [1, "two", ["k": "v"]], "nested": ["a b": "c: d", "#": "x"], "prompt": "line one\nline two\n",
    "weird": "\u{1B}tab\there", "unicode": "héllo ✓",
  ]
  static let object = value.objectValue ?? JSONObject()

  @Test("what it writes loads back to the same JSON, with prompts as literal blocks")
  func roundTrip() throws {
    let text = YAMLWriter.mapping(Self.object, blockScalarKeys: ["prompt"])
    #expect(text.contains("prompt: |"))
    let documents = try YAMLLoader.load(Array(text.utf8), file: "out.yaml")
    #expect(documents.count == 1)
    #expect(documents.first?.value == Self.value, "\(text)")
  }

  @Test("strings YAML would read as something else are quoted")
  func quoting() {
    #expect(YAMLWriter.quoted("yes").hasPrefix("\""))
    let values: JSONValue = ["a": "true", "b": "1.5", "c": "~", "d": "- x"]
    let text = YAMLWriter.mapping(values.objectValue ?? JSONObject())
    for line in text.split(separator: "\n") { #expect(line.contains("\""), "\(line)") }
  }
}
