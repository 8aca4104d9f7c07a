import Testing

@testable import PresetCore
@testable import PresetKit

@Suite struct JSONValueTests {
  @Test func keysCompareByCodeUnits() {
    var object = JSONObject()
    object["é"] = 1
    object["e\u{301}"] = 2
    #expect(object.count == 2)
    #expect(object["é"] == 1)
    #expect(object["e\u{301}"] == 2)
  }

  @Test func objectEqualityIgnoresOrder() {
    let a: JSONValue = ["a": 1, "b": [true, nil]]
    let b: JSONValue = ["b": [true, nil], "a": 1.0]
    #expect(a == b)
    #expect(JSONValue.bool(true) != JSONValue.number(1))
  }

  @Test func pointerEscapes() {
    let p = JSONPointer.root.appending("a/b").appending("~x").appending(2)
    #expect(p.description == "/a~1b/~0x/2")
    #expect(JSONPointer("/a~1b/~0x/2")?.components == [.key("a/b"), .key("~x"), .key("2")])
    #expect(p.dotted == "a/b.~x[2]")
  }
}
