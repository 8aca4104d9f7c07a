import Testing

@testable import PresetCore
@testable import PresetKit

/// Documents, source maps, duplicate and complex keys.
@Suite struct YAMLStructureTests {
  @Test func sourceMapPositions() throws {
    let text = """
      name: demo
      models:
        - a
        - {id: b, n: 2}
      empty: {}
      """
    let documents = try YAMLTest.load(text)
    try #require(documents.count == 1)
    let map = documents[0].sourceMap
    #expect(map.file == "test.yaml")
    #expect(map.root.start == YAMLTest.pos(1, 1))
    #expect(map.root.keys == ["name", "models", "empty"])
    #expect(map.root.children[0].keyStart == YAMLTest.pos(1, 1))
    #expect(map.root.children[0].start == YAMLTest.pos(1, 7))
    #expect(map.root.children[0].end == YAMLTest.pos(1, 11))
    let models = map.root.children[1]
    #expect(models.keyStart == YAMLTest.pos(2, 1))
    #expect(models.start == YAMLTest.pos(3, 3))
    #expect(models.keys.isEmpty)
    #expect(models.children.map(\.start) == [YAMLTest.pos(3, 5), YAMLTest.pos(4, 5)])
    #expect(models.children[1].end == YAMLTest.pos(4, 18))
    #expect(models.children[1].children.map(\.keyStart) == [YAMLTest.pos(4, 6), YAMLTest.pos(4, 13)])
    #expect(map.location(of: JSONPointer("/models/1/n")!) == YAMLTest.at(4, 16))
    #expect(map.keyLocation(of: JSONPointer("/models/1/n")!) == YAMLTest.at(4, 13))
    #expect(map.location(of: JSONPointer("/empty")!) == YAMLTest.at(5, 8))
    #expect(documents[0].value == ["name": "demo", "models": ["a", ["id": "b", "n": 2]], "empty": [:]])
  }

  @Test func memberOrderIsKept() {
    let value = YAMLTest.value("z: 1\na: 2\nm: 3\n")
    #expect(value?.objectValue?.keys == ["z", "a", "m"])
  }

  @Test func byteOrderMarkIsIgnored() throws {
    let documents = try YAMLLoader.load([0xEF, 0xBB, 0xBF] + Array("a: 1\n".utf8), file: "bom.yaml")
    #expect(documents.map(\.value) == [["a": 1]])
    #expect(documents[0].sourceMap.root.children[0].keyStart == YAMLTest.pos(1, 1))
  }

  @Test func columnsCountCharacters() throws {
    let documents = try YAMLTest.load("é: ü\nb: [x, ÿ]\n")
    let root = documents[0].sourceMap.root
    #expect(root.children[0].start == YAMLTest.pos(1, 4))
    #expect(root.children[1].children[1].start == YAMLTest.pos(2, 8))
  }

  // MARK: - Documents

  @Test func multipleDocuments() throws {
    let documents = try YAMLTest.load("a: 1\n---\nb: 2\n...\n--- 3\n")
    #expect(documents.map(\.value) == [["a": 1], ["b": 2], 3])
    #expect(documents[1].sourceMap.root.start == YAMLTest.pos(3, 1))
    #expect(documents[2].sourceMap.root.start == YAMLTest.pos(5, 5))
  }

  @Test func emptyDocuments() throws {
    #expect(try YAMLTest.load("").isEmpty)
    #expect(try YAMLTest.load("# only a comment\n\n").isEmpty)
    #expect(try YAMLTest.load("---\n").map(\.value) == [.null])
    #expect(try YAMLTest.load("a: 1\n---\n").map(\.value) == [["a": 1], .null])
    #expect(try YAMLTest.load("---\n# nothing\n---\na: 1\n").map(\.value) == [.null, ["a": 1]])
  }

  @Test func anchorsAreScopedToTheirDocument() {
    let diagnostics = YAMLTest.diagnostics("a: &x 1\n---\nb: *x\n")
    #expect(diagnostics.map(\.code) == ["yaml.undefined-alias"])
    #expect(diagnostics.first?.location == YAMLTest.at(3, 4))
  }

  // MARK: - Keys

  @Test func duplicateKeysPointAtBothOccurrences() throws {
    let text = """
      a: 1
      b:
        x: 1
        y: 2
        x: 3
      a: 4
      "b": 5
      """
    let diagnostics = YAMLTest.diagnostics(text)
    #expect(diagnostics.map(\.code) == ["yaml.duplicate-key", "yaml.duplicate-key", "yaml.duplicate-key"])
    #expect(diagnostics.map(\.location) == [YAMLTest.at(5, 3), YAMLTest.at(6, 1), YAMLTest.at(7, 1)])
    #expect(diagnostics.map(\.related.first?.location) == [YAMLTest.at(3, 3), YAMLTest.at(1, 1), YAMLTest.at(2, 1)])
    #expect(diagnostics.map(\.path) == ["/b/x", "/a", "/b"])
    #expect(diagnostics[0].message.contains("'x'"))
  }

  @Test func duplicateKeysInLargeMappings() {
    var text = ""
    for i in 0..<40 { text += "k\(i): \(i)\n" }
    text += "k7: again\nk39: again\n"
    let diagnostics = YAMLTest.diagnostics(text)
    #expect(diagnostics.map(\.location) == [YAMLTest.at(41, 1), YAMLTest.at(42, 1)])
    #expect(diagnostics.map(\.related.first?.location) == [YAMLTest.at(8, 1), YAMLTest.at(40, 1)])
  }

  @Test func keysCompareByCodeUnits() throws {
    let value = YAMLTest.value("\"\u{E9}\": 1\n\"e\u{301}\": 2\n")
    #expect(value?.objectValue?.count == 2)
    #expect(YAMLTest.diagnostics("{\"1\": a, 1: b}").map(\.code) == ["yaml.duplicate-key"])
  }

  @Test func complexKeys() {
    let text = """
      ? [a, b]
      : 1
      ? {x: 1}
      : 2
      ok: 3
      """
    let diagnostics = YAMLTest.diagnostics(text)
    #expect(diagnostics.map(\.code) == ["yaml.complex-key", "yaml.complex-key"])
    #expect(diagnostics.map(\.location) == [YAMLTest.at(1, 3), YAMLTest.at(3, 3)])
    #expect(diagnostics[0].message.contains("sequence"))
    #expect(diagnostics[1].message.contains("mapping"))
    #expect(YAMLTest.diagnostics("[{[1]: x}]").first?.location == YAMLTest.at(1, 3))
  }

  @Test func allProblemsOfAFileAreReported() {
    let text = """
      a: yes
      a: 1
      b: !foo x
      c: 0x20000000000001
      """
    let codes = YAMLTest.diagnostics(text).map(\.code)
    #expect(codes == ["yaml.ambiguous-scalar", "yaml.duplicate-key", "yaml.unknown-tag", "yaml.integer-range"])
  }
}
