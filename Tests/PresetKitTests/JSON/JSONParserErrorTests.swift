import PresetKit
import Testing

@testable import PresetCore

/// What the strict parser rejects, with the message and the position of the offending byte.
///
/// Columns count bytes (see `JSONParser.Error.column`); offsets are 0-based.
@Suite struct JSONParserErrorTests {
  /// Asserts that `text` fails with `message` at a 1-based line and byte column.
  private func expectError(
    _ text: String, _ message: String, line: Int = 1, column: Int,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    guard let error = jsonParseError(text) else {
      Issue.record("\(text.debugDescription) parsed", sourceLocation: sourceLocation)
      return
    }
    #expect(error.message == message, "\(text.debugDescription)", sourceLocation: sourceLocation)
    #expect(error.line == line, "\(text.debugDescription)", sourceLocation: sourceLocation)
    #expect(error.column == column, "\(text.debugDescription)", sourceLocation: sourceLocation)
  }

  @Test func duplicateKeys() {
    expectError(#"{"a": 1, "a": 2}"#, #"duplicate key "a""#, column: 10)
    // The same key spelled with an escape is still the same key.
    expectError(#"{"a": 1, "\u0061": 2}"#, #"duplicate key "a""#, column: 10)
    expectError(#"{"x": {"k": 1, "y": 2, "k": 3}}"#, #"duplicate key "k""#, column: 24)
    expectError("{\"\": 1, \"\": 2}", #"duplicate key """#, column: 9)
  }

  @Test func duplicateKeysInLargeObjectsAreFoundQuickly() {
    // A hostile object with many members must not take quadratic time to check.
    let count = 20_000
    let members = (0..<count).map { "\"k\($0)\": \($0)" }.joined(separator: ",")
    var value: JSONValue?
    let cpu = ThreadCPUTime.measure { value = try? JSONParser.parse("{" + members + "}") }
    #expect(value?.objectValue?.count == count)
    #expect(cpu < 5)
    let error = jsonParseError("{" + members + ",\"k7\": 0}")
    #expect(error?.message == #"duplicate key "k7""#)
  }

  @Test func loneSurrogates() {
    expectError(#""\uD800""#, "lone high surrogate in \\u escape", column: 2)
    expectError(#"["ok", "\uDBFFx"]"#, "lone high surrogate in \\u escape", column: 9)
    expectError(#""\uDC00""#, "lone low surrogate in \\u escape", column: 2)
    expectError(#""\uDFFF\uD800""#, "lone low surrogate in \\u escape", column: 2)
    expectError(#""\uD800\u0041""#, "invalid surrogate pair", column: 2)
    expectError(#""\uD800\uD800""#, "invalid surrogate pair", column: 2)
    expectError(#""\uD800\n""#, "lone high surrogate in \\u escape", column: 2)
    expectError(#""\uD800\u12""#, "truncated \\u escape", column: 10)
    expectError(#""\uD800\u12x4""#, "invalid hex digit in \\u escape", column: 12)
  }

  @Test func invalidUTF8() {
    let cases: [([UInt8], offset: Int, line: Int, column: Int)] = [
      ([0x22, 0xFF, 0x22], 1, 1, 2),  // never valid
      ([0x22, 0xC0, 0xAF, 0x22], 1, 1, 2),  // overlong '/'
      ([0x22, 0xED, 0xA0, 0x80, 0x22], 1, 1, 2),  // encoded surrogate U+D800
      ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], 1, 1, 2),  // above U+10FFFF
      ([0x22, 0xE2, 0x82, 0x22], 1, 1, 2),  // truncated, closing quote instead of continuation
      ([0x22, 0xE2, 0x82], 1, 1, 2),  // truncated by the end of input
      (Array("[1,\n 2, \"é".utf8) + [0x80, 0x22, 0x5D], 11, 2, 8),  // stray continuation after é
      ([0x7B, 0xFE, 0x7D], 1, 1, 2),  // outside a string too
    ]
    for (bytes, offset, line, column) in cases {
      let error = jsonParseError(bytes)
      #expect(error?.message == "invalid UTF-8", "\(bytes)")
      #expect(error?.offset == offset, "\(bytes)")
      #expect(error?.line == line, "\(bytes)")
      #expect(error?.column == column, "\(bytes)")
    }
  }

  @Test func byteOrderMarkIsRejected() {
    #expect(jsonParseError([0xEF, 0xBB, 0xBF, 0x31])?.message == "unexpected character 0xef")
  }

  @Test func leadingZeros() {
    expectError("01", "leading zeros are not allowed in numbers", column: 2)
    expectError("-01", "leading zeros are not allowed in numbers", column: 3)
    expectError("00", "leading zeros are not allowed in numbers", column: 2)
    expectError("[0123]", "leading zeros are not allowed in numbers", column: 3)
    expectError("01.5", "leading zeros are not allowed in numbers", column: 2)
    expectError("-00.0", "leading zeros are not allowed in numbers", column: 3)
  }

  @Test func malformedNumbers() {
    expectError("-", "invalid number", column: 2)
    expectError("-a", "invalid number", column: 2)
    expectError("1.", "expected a digit after '.'", column: 3)
    expectError("1.e5", "expected a digit after '.'", column: 3)
    expectError("1e", "expected a digit in the exponent", column: 3)
    expectError("1e+", "expected a digit in the exponent", column: 4)
    expectError("1E-x", "expected a digit in the exponent", column: 4)
    expectError(".5", "unexpected character '.'", column: 1)
    expectError("+1", "unexpected character '+'", column: 1)
    expectError("NaN", "unexpected character 'N'", column: 1)
    expectError("Infinity", "unexpected character 'I'", column: 1)
    expectError("-Infinity", "invalid number", column: 2)
    expectError("0x10", "unexpected text after the JSON value", column: 2)
    expectError("1.5.5", "unexpected text after the JSON value", column: 4)
    expectError("1e400", "number 1e400 is out of range", column: 1)
    expectError("[0, -1E999]", "number -1E999 is out of range", column: 5)
  }

  @Test func integersBeyondTwoToThe53AreRejected() {
    let limit = "(limit 2^53)"
    // 2^53 + 1 rounds to 2^53 as a Double: it must be rejected, not silently rounded.
    expectError(
      "9007199254740993", "integer 9007199254740993 is too large to be represented exactly \(limit)", column: 1)
    expectError(
      "-9007199254740993", "integer -9007199254740993 is too large to be represented exactly \(limit)", column: 1)
    expectError(
      "9007199254740995", "integer 9007199254740995 is too large to be represented exactly \(limit)", column: 1)
    expectError(
      #"{"id": 18446744073709551616}"#,
      "integer 18446744073709551616 is too large to be represented exactly \(limit)", column: 8)
    expectError(
      "[\n  12345678901234567890123\n]",
      "integer 12345678901234567890123 is too large to be represented exactly \(limit)", line: 2, column: 3)
    // The limit itself is exact; an exponent form is not an integer literal and may round.
    #expect(jsonParseError("9007199254740992") == nil)
    #expect(jsonParseError("-9007199254740992") == nil)
    #expect(jsonParseError("9007199254740993e0") == nil)
  }

  @Test func trailingText() {
    expectError("1 2", "unexpected text after the JSON value", column: 3)
    expectError("{}x", "unexpected text after the JSON value", column: 3)
    expectError("[1]]", "unexpected text after the JSON value", column: 4)
    expectError(#""a" "b""#, "unexpected text after the JSON value", column: 5)
    expectError("truex", "unexpected text after the JSON value", column: 5)
    expectError("null\n\n  ,", "unexpected text after the JSON value", line: 3, column: 3)
    expectError("{} // comment", "unexpected text after the JSON value", column: 4)
  }

  @Test func controlCharactersInStrings() {
    expectError("\"a\nb\"", "control character 0xa must be escaped in a string", column: 3)
    expectError("\"\t\"", "control character 0x9 must be escaped in a string", column: 2)
    expectError("\"\u{0}\"", "control character 0x0 must be escaped in a string", column: 2)
    expectError("\"\u{1F}\"", "control character 0x1f must be escaped in a string", column: 2)
    // After an escape the slow path must apply the same rule.
    expectError("\"\\n\r\"", "control character 0xd must be escaped in a string", column: 4)
  }

  @Test func badEscapes() {
    expectError(#""\x""#, "invalid escape \\'x'", column: 3)
    expectError(#""\'""#, "invalid escape \\'''", column: 3)
    expectError(#""\U0041""#, "invalid escape \\'U'", column: 3)
    expectError(#""\u12G4""#, "invalid hex digit in \\u escape", column: 6)
    expectError(#""\u12""#, "truncated \\u escape", column: 4)
    expectError("\"\\", "unterminated escape", column: 3)
    expectError("\"abc", "unterminated string", column: 1)
    expectError("[\"a\\n", "unterminated string", column: 2)
  }

  @Test func malformedStructure() {
    expectError("", "unexpected end of input", column: 1)
    expectError(" \n ", "unexpected end of input", line: 2, column: 2)
    expectError("[", "unexpected end of input", column: 2)
    expectError("[1,]", "unexpected character ']'", column: 4)
    expectError("[1 2]", "expected ',' or ']' in an array", column: 4)
    expectError("{", "expected a string key", column: 2)
    expectError(#"{"a":1,}"#, "expected a string key", column: 8)
    expectError("{a:1}", "expected a string key", column: 2)
    expectError("{'a':1}", "expected a string key", column: 2)
    expectError(#"{"a" 1}"#, "expected ':' after an object key", column: 6)
    expectError(#"{"a":}"#, "unexpected character '}'", column: 6)
    expectError(#"{"a":"#, "unexpected end of input", column: 6)
    expectError(#"{"a":1 "b":2}"#, "expected ',' or '}' in an object", column: 8)
    expectError("[tru]", "invalid literal", column: 2)
    expectError("nul", "invalid literal", column: 1)
    expectError("True", "unexpected character 'T'", column: 1)
  }

  @Test func positionsCountLinesAndBytes() {
    // LF and CRLF both end lines; columns count bytes, so "é" (2 bytes) moves later columns by 2.
    expectError("{\n  \"a\": 1,\n  \"a\": 2\n}", #"duplicate key "a""#, line: 3, column: 3)
    expectError("{\r\n  \"a\": 1,\r\n  \"a\": 2\r\n}", #"duplicate key "a""#, line: 3, column: 3)
    expectError("[\"é\", x]", "unexpected character 'x'", column: 8)
    let error = jsonParseError("[\n\n   ?")
    #expect(error?.offset == 6)
  }
}
