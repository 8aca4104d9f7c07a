import Foundation
import Testing

@testable import PresetCore
@testable import PresetKit

@Suite struct CanonicalJSONTests {
  static let vectorNames = ["arrays", "french", "structures", "unicode", "values", "weird"]

  @Test(.enabled(if: Shared.isAvailable, Shared.skipReason), arguments: vectorNames)
  func rfc8785Vectors(name: String) throws {
    let base = Shared.url("testsuites/json-canonicalization/testdata")
    let input = try Data(contentsOf: base.appendingPathComponent("input/\(name).json"))
    let expected = try Data(contentsOf: base.appendingPathComponent("output/\(name).json"))
    let value = try JSONParser.parse(Array(input))
    #expect(JSONWriter.canonicalBytes(value) == Array(expected))
  }

  @Test(.enabled(if: Shared.isAvailable, Shared.skipReason))
  func es6NumberFormatting() throws {
    let text = try String(
      contentsOf: Shared.url("testsuites/json-canonicalization/generated/es6testfile-10000.txt"), encoding: .utf8)
    var checked = 0
    var failures: [String] = []
    for line in text.split(separator: "\n") {
      let parts = line.split(separator: ",", maxSplits: 1)
      guard parts.count == 2, let bits = UInt64(parts[0], radix: 16) else {
        Issue.record("bad line \(line)")
        continue
      }
      let formatted = ECMAScriptNumber.format(Double(bitPattern: bits))
      if formatted != parts[1] { failures.append("\(parts[0]): got \(formatted), want \(parts[1])") }
      checked += 1
    }
    #expect(checked == 10_000)
    #expect(failures.isEmpty, "\(failures.prefix(10))")
  }

  @Test func numberLayouts() {
    let cases: [(Double, String)] = [
      (0, "0"), (-0.0, "0"), (1, "1"), (-1.5, "-1.5"), (1e21, "1e+21"), (1e20, "100000000000000000000"),
      (1e-7, "1e-7"), (0.000001, "0.000001"), (123.456, "123.456"), (4.5, "4.5"), (2e-3, "0.002"),
      (9_007_199_254_740_992, "9007199254740992"), (5e-324, "5e-324"),
      (1.7976931348623157e308, "1.7976931348623157e+308"),
    ]
    for (value, expected) in cases {
      #expect(ECMAScriptNumber.format(value) == expected)
    }
  }

  @Test func sortsByUTF16AndEscapesMinimally() throws {
    let value = try JSONParser.parse(#"{"😂":1,"\uFB33":2,"a/b":"\u0001\n\"","é":true,"e\u0301":false}"#)
    #expect(
      JSONWriter.canonicalString(value)
        == "{\"a/b\":\"\\u0001\\n\\\"\",\"e\u{301}\":false,\"é\":true,\"😂\":1,\"\u{FB33}\":2}")
  }

  /// The escape scan reads eight bytes at a time: every byte that needs escaping (and its neighbours that do
  /// not) at every offset around those words is written as a byte-at-a-time reference writes it.
  @Test func escapesAtEveryOffsetAroundTheWordScan() {
    func reference(_ text: String) -> [UInt8] {
      var out: [UInt8] = [0x22]
      for byte in text.utf8 {
        switch byte {
        case 0x22: out += Array(#"\""#.utf8)
        case 0x5C: out += Array(#"\\"#.utf8)
        case 0x08: out += Array(#"\b"#.utf8)
        case 0x09: out += Array(#"\t"#.utf8)
        case 0x0A: out += Array(#"\n"#.utf8)
        case 0x0C: out += Array(#"\f"#.utf8)
        case 0x0D: out += Array(#"\r"#.utf8)
        case 0..<0x20: out += Array(String(format: "\\u%04x", byte).utf8)
        default: out.append(byte)
        }
      }
      return out + [0x22]
    }
    let specials: [Unicode.Scalar] = [
      "\u{0}", "\u{1F}", "\"", "\\", "\n", "\t", "\u{7F}", " ", "!", "#", "[", "]", "é",
    ]
    for special in specials {
      for offset in 0..<20 {
        for tail in [0, 1, 9] {
          let text =
            String(repeating: "a", count: offset) + String(Character(special)) + String(repeating: "z", count: tail)
          #expect(JSONWriter.canonicalBytes(.string(text)) == reference(text), "\(text.debugDescription)")
        }
      }
    }
  }

  @Test func prettyFormIsStable() throws {
    let value = try JSONParser.parse(#"{"b":[1,{}],"a":{"y":null,"x":[]}}"#)
    #expect(
      JSONWriter.string(value)
        == "{\n  \"a\": {\n    \"x\": [],\n    \"y\": null\n  },\n  \"b\": [\n    1,\n    {}\n  ]\n}\n")
    #expect(JSONWriter.string(value, options: .compact) == #"{"b":[1,{}],"a":{"y":null,"x":[]}}"#)
  }
}

@Suite struct ReindentTests {
  /// Input that is not canonical JSON (cut inside a string, an escape at the very end) is copied, not read
  /// past its end.
  @Test(arguments: [#""abc"#, #""abc\"#, #"{"a":"x\"#, #"["#, #"\"#, #"}]"#])
  func truncatedInputStaysInBounds(text: String) {
    let out = JSONWriter.prettyFromCanonical(Array(text.utf8))
    #expect(out.count >= text.utf8.count)
  }

  @Test(arguments: [
    #"{"a":{},"b":[],"c":[{}, [], {"x": [1, {"y": "}{][,:\"\\"}]}],"d":"é\n","e":null}"#,
    #"[]"#, #"{}"#, #""x""#, #"[[[]],{"k":{"k":{}}}]"#, #"{"z":1.5e-7,"a":true}"#,
    #"{"k":"\\","l":"\"","m":"\\\"x,{","n":["\\",":"]}"#,
  ])
  func prettyFromCanonicalEqualsThePrettyWriter(json: String) throws {
    let value = try JSONParser.parse(json)
    #expect(
      JSONWriter.prettyFromCanonical(JSONWriter.canonicalBytes(value)) + [0x0A]
        == JSONWriter.bytes(value, options: .pretty))
    var nested: [UInt8] = []
    JSONWriter.append(value, to: &nested, options: .pretty, level: 3)
    #expect(JSONWriter.prettyFromCanonical(JSONWriter.canonicalBytes(value), level: 3) == nested)
  }
}
