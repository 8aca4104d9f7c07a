import PresetKit
import Testing

@testable import PresetCore

/// What the strict parser accepts, and the values it builds.
@Suite struct JSONParserTests {
  @Test func scalars() throws {
    #expect(try JSONParser.parse("null") == .null)
    #expect(try JSONParser.parse("true") == .bool(true))
    #expect(try JSONParser.parse("false") == .bool(false))
    #expect(try JSONParser.parse("\"x\"") == .string("x"))
    #expect(try JSONParser.parse(" \t\r\n 42 \n\t") == .number(42))
  }

  @Test(arguments: [
    ("0", 0.0), ("-0", -0.0), ("1", 1), ("-1", -1), ("1.5", 1.5), ("-0.25", -0.25), ("0.0", 0),
    ("1e2", 100), ("1E2", 100), ("1e+2", 100), ("1E-2", 0.01), ("1.5e3", 1500), ("-2.5E+1", -25),
    ("0e0", 0), ("1e300", 1e300), ("1e-400", 0), ("5e-324", .leastNonzeroMagnitude),
    // Exponent and fraction forms are not integer literals: large values are accepted (and rounded).
    ("1e20", 1e20), ("9007199254740993.0", 9_007_199_254_740_992),
    ("1.8446744073709552e19", 18_446_744_073_709_551_616),
    ("123456789012345678901234567890e0", 1.2345678901234568e29),
    // Integers up to 2^53 in magnitude are exact.
    ("9007199254740992", 9_007_199_254_740_992), ("-9007199254740992", -9_007_199_254_740_992),
    ("9007199254740991", 9_007_199_254_740_991),
  ])
  func numbers(text: String, expected: Double) throws {
    let value = try JSONParser.parse(text)
    #expect(value == .number(expected))
    // Sign of zero survives.
    #expect(value.numberValue?.sign == expected.sign)
  }

  @Test func structures() throws {
    let value = try JSONParser.parse(#"{"b": [1, {"c": null}, [], {}], "a": true, "": "empty key"}"#)
    guard case .object(let object) = value else {
      Issue.record("expected an object")
      return
    }
    #expect(object.keys == ["b", "a", ""])
    #expect(object["b"] == [1, ["c": nil], [], [:]])
    #expect(object["a"] == true)
    #expect(object[""] == "empty key")
    #expect(try JSONParser.parse("[]") == .array([]))
    #expect(try JSONParser.parse("{}") == .object(JSONObject()))
    #expect(try JSONParser.parse(" [ 1 , 2 ] ") == [1, 2])
  }

  @Test func bytesAndStringEntryPointsAgree() throws {
    let text = #"{"k": ["é", 1.5, false]}"#
    #expect(try JSONParser.parse(text) == JSONParser.parse(Array(text.utf8)))
  }

  @Test(arguments: [
    (#""\"""#, "\""), (#""\\""#, "\\"), (#""\/""#, "/"), (#""\b""#, "\u{8}"), (#""\f""#, "\u{C}"),
    (#""\n""#, "\n"), (#""\r""#, "\r"), (#""\t""#, "\t"), (#""\u0041""#, "A"), (#""\u00e9""#, "é"),
    (#""\u00C9""#, "É"), (#""\u20AC""#, "€"), (#""\uD83D\uDE00""#, "😀"), (#""\udbff\udfff""#, "\u{10FFFF}"),
    (#""\u0000""#, "\u{0}"), (#""\u001f""#, "\u{1F}"), (#""\uFFFF""#, "\u{FFFF}"),
    // Raw UTF-8 before, between and after escapes.
    (#""é\u00e9é\n€""#, "ééé\n€"), (#""a\tb""#, "a\tb"), ("\"\u{7F}\"", "\u{7F}"),
  ])
  func escapes(text: String, expected: String) throws {
    let value = try JSONParser.parse(text)
    // Compare scalars, not Characters: "é" and "e\u{301}" must stay different.
    #expect(value.stringValue.map { Array($0.unicodeScalars) } == Array(expected.unicodeScalars))
  }

  @Test func keysDifferingOnlyByNormalisationAreDistinct() throws {
    let value = try JSONParser.parse("{\"é\": 1, \"e\u{301}\": 2}")
    #expect(value.objectValue?.count == 2)
    #expect(value["é"] == 1)
    #expect(value["e\u{301}"] == 2)
  }

  @Test func sameKeyInDifferentObjectsIsFine() throws {
    #expect(try JSONParser.parse(#"{"a": {"a": 1}, "b": [{"a": 2}, {"a": 3}]}"#)["a"] == ["a": 1])
  }

  @Test func depthLimit() {
    #expect(jsonParseError(nestedArrays(512)) == nil)
    let tooDeep = jsonParseError(nestedArrays(513))
    #expect(tooDeep?.message == "nesting deeper than 512 levels")
    #expect(tooDeep?.offset == 512)
    #expect(tooDeep?.column == 513)

    #expect(jsonParseError("[[1]]", maxDepth: 2) == nil)
    #expect(jsonParseError("[[[1]]]", maxDepth: 2)?.column == 3)
    #expect(jsonParseError(#"{"a":{"b":{}}}"#, maxDepth: 2)?.column == 11)
    #expect(jsonParseError(#"[{"a":[]}]"#, maxDepth: 2)?.column == 7)
    // Siblings do not add up: depth is nesting, not count.
    #expect(jsonParseError("[[1],[2],{},[[]]]", maxDepth: 3) == nil)
    #expect(jsonParseError("1", maxDepth: 0) == nil)
    #expect(jsonParseError("[]", maxDepth: 0) != nil)
  }

  @Test func hostileNestingDoesNotCrash() {
    let deep = String(repeating: "[", count: 200_000)
    #expect(jsonParseError(deep)?.message == "nesting deeper than 512 levels")
    let deepObjects = String(repeating: #"{"a":"#, count: 100_000)
    #expect(jsonParseError(deepObjects)?.message == "nesting deeper than 512 levels")
  }

  @Test func errorDescription() {
    #expect(jsonParseError("[\n1 2]")?.description == "2:3: expected ',' or ']' in an array")
  }
}

/// `parseSequence`: concatenated texts as in JSON Lines.
@Suite struct JSONParserSequenceTests {
  @Test func emptyAndBlankInputsGiveNoValues() throws {
    #expect(try JSONParser.parseSequence([]) == [])
    #expect(try JSONParser.parseSequence(Array(" \n\r\n\t ".utf8)) == [])
  }

  @Test func jsonLines() throws {
    let text = "{\"a\": 1}\n[1, 2]\r\n\"s\"\n\nnull\ntrue\n-1.5e1\n"
    let values = try JSONParser.parseSequence(Array(text.utf8))
    #expect(values == [["a": 1], [1, 2], "s", nil, true, -15])
  }

  @Test func adjacentContainersNeedNoSeparator() throws {
    #expect(try JSONParser.parseSequence(Array(#"{}[]"x"{"a":1}"#.utf8)) == [[:], [], "x", ["a": 1]])
    #expect(try JSONParser.parseSequence(Array("1 2 3".utf8)) == [1, 2, 3])
  }

  @Test func scalarsRunTogetherAreRejected() {
    // Without whitespace `1-2` would read as two numbers and `truefalse` as two literals.
    for text in ["truefalse", "1-2", "nulltrue", "0\"a\"", "1[2]", "false{}"] {
      let error = jsonSequenceError(text)
      #expect(error != nil, "\(text)")
    }
    #expect(jsonSequenceError("1-2")?.column == 2)
    #expect(jsonSequenceError("true false") == nil)
  }

  @Test func errorsPointIntoTheRightLine() {
    let error = jsonSequenceError("{\"a\": 1}\n{\"a\": 1, \"a\": 2}\n")
    #expect(error?.message == #"duplicate key "a""#)
    #expect(error?.line == 2)
    #expect(error?.column == 10)

    let garbage = jsonSequenceError("1\n2\n]\n")
    #expect(garbage?.line == 3)
    #expect(garbage?.column == 1)
  }

  @Test func depthIsPerValue() throws {
    let text = nestedArrays(512) + "\n" + nestedArrays(512)
    #expect(try JSONParser.parseSequence(Array(text.utf8)).count == 2)
    #expect(jsonSequenceError(nestedArrays(512) + "\n" + nestedArrays(513))?.line == 2)
  }

  @Test func invalidUTF8AnywhereFailsTheWholeSequence() throws {
    var bytes = Array("1\n2\n\"".utf8)
    bytes += [0xFF, UInt8(ascii: "\"")]
    do {
      _ = try JSONParser.parseSequence(bytes)
      Issue.record("expected an error")
    } catch {
      #expect(error.message == "invalid UTF-8")
      #expect(error.line == 3)
      #expect(error.column == 2)
      #expect(error.offset == 5)
    }
  }
}
