import Testing

@testable import PresetCore
@testable import PresetKit

/// Anchors, aliases and `<<` merge keys.
@Suite struct YAMLAnchorMergeTests {
  @Test func aliasesRepeatTheAnchoredValue() throws {
    let documents = try YAMLTest.load("base: &b [1, {x: 2}]\ncopy: *b\n")
    #expect(documents[0].value == ["base": [1, ["x": 2]], "copy": [1, ["x": 2]]])
    let copy = documents[0].sourceMap.root.children[1]
    #expect(copy.keyStart == YAMLTest.pos(2, 1))
    #expect(copy.start == YAMLTest.pos(2, 7))
    #expect(copy.end == YAMLTest.pos(2, 9))
    // The repeated content keeps the positions where it was written.
    #expect(copy.children.map(\.start) == [YAMLTest.pos(1, 11), YAMLTest.pos(1, 14)])
  }

  @Test func scalarAliasAsKeyUsesItsText() {
    let value = YAMLTest.value("k: &n 5\n*n : v\n")
    #expect(value?.objectValue?.keys == ["k", "5"])
    #expect(value?["k"] == .number(5))
  }

  @Test func anchorsCanBeRedefined() {
    #expect(YAMLTest.value("a: &x 1\nb: *x\nc: &x 2\nd: *x\n") == ["a": 1, "b": 1, "c": 2, "d": 2])
  }

  @Test func undefinedAndRecursiveAliases() {
    let diagnostics = YAMLTest.diagnostics("a: *nope\nb: &r [1, *r]\n")
    #expect(diagnostics.map(\.code) == ["yaml.undefined-alias", "yaml.undefined-alias"])
    #expect(diagnostics.map(\.location) == [YAMLTest.at(1, 4), YAMLTest.at(2, 11)])
    #expect(diagnostics.map(\.path) == ["/a", "/b/1"])
    #expect(diagnostics[1].message.contains("recursive"))
    // An undefined alias used as a key is reported once, not also as a complex key.
    #expect(YAMLTest.diagnostics("*nope : v\n").map(\.code) == ["yaml.undefined-alias"])
  }

  static let mergeText = """
    base: &base
      a: 1
      b: 2
    extra: &extra
      b: 20
      c: 30
    one:
      <<: *base
      c: 3
    list:
      <<: [*base, *extra]
      d: 4
    override:
      a: 100
      <<: [*extra, *base]
    inline:
      x: 0
      <<: {y: 1}
    quoted:
      "<<": not a merge
    """

  @Test func mergeKeys() throws {
    let documents = try YAMLTest.load(Self.mergeText)
    let value = documents[0].value
    #expect(value["one"] == ["a": 1, "b": 2, "c": 3])
    #expect(value["list"] == ["a": 1, "b": 2, "c": 30, "d": 4])
    #expect(value["override"] == ["a": 100, "b": 20, "c": 30])
    #expect(value["inline"] == ["x": 0, "y": 1])
    #expect(value["quoted"] == ["<<": "not a merge"])
    // Merged members go where `<<` was written; explicit keys win wherever they are.
    #expect(value["one"]?.objectValue?.keys == ["a", "b", "c"])
    #expect(value["list"]?.objectValue?.keys == ["a", "b", "c", "d"])
    #expect(value["override"]?.objectValue?.keys == ["a", "b", "c"])
    #expect(value["inline"]?.objectValue?.keys == ["x", "y"])
  }

  @Test func mergedMembersKeepTheirPositions() throws {
    let map = try YAMLTest.load(Self.mergeText)[0].sourceMap
    #expect(map.keyLocation(of: JSONPointer("/one/a")!) == YAMLTest.at(2, 3))
    #expect(map.location(of: JSONPointer("/one/a")!) == YAMLTest.at(2, 6))
    #expect(map.keyLocation(of: JSONPointer("/one/c")!) == YAMLTest.at(9, 3))
    #expect(map.location(of: JSONPointer("/list/c")!) == YAMLTest.at(6, 6))
    #expect(map.location(of: JSONPointer("/list/b")!) == YAMLTest.at(3, 6))
    #expect(map.location(of: JSONPointer("/override/a")!) == YAMLTest.at(14, 6))
    #expect(map.location(of: JSONPointer("/override/b")!) == YAMLTest.at(5, 6))
  }

  @Test func badMergeValues() {
    let text = """
      base: &b {a: 1}
      s: {<<: 5}
      l: {<<: [*b, [x]]}
      n:
        <<:
      twice: {<<: *b, <<: *b}
      """
    let diagnostics = YAMLTest.diagnostics(text)
    #expect(diagnostics.map(\.code) == ["yaml.merge", "yaml.merge", "yaml.merge", "yaml.duplicate-key"])
    #expect(
      diagnostics.map(\.location) == [YAMLTest.at(2, 9), YAMLTest.at(3, 14), YAMLTest.at(5, 6), YAMLTest.at(6, 17)]
    )
    #expect(diagnostics[0].path == "/s/<<")
    #expect(diagnostics[3].related.first?.location == YAMLTest.at(6, 9))
    #expect(diagnostics[1].message.contains("element 1") && diagnostics[1].message.contains("a sequence"))
    let afterBadMerge = YAMLTest.diagnostics("{<<: 1, <<: {a: 1}}")
    #expect(afterBadMerge.map(\.code) == ["yaml.merge", "yaml.duplicate-key"])
  }
}
