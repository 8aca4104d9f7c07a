import Foundation
import Testing

@testable import PresetCore
@testable import PresetKit
@testable import PresetModel
@testable import PresetSchema

/// Semantics beyond the official suite: numbers, regex translation, references, compile errors, robustness.
@Suite struct SchemaValidationTests {
  typealias S = SchemaTestSupport

  @Test func multipleOfIsDecidedOnDecimals() throws {
    let small = try S.schema(##"{"multipleOf":0.0001}"##)
    #expect(small.isValid(0.0075))
    #expect(!small.isValid(0.00751))
    #expect(try S.schema(##"{"multipleOf":0.01}"##).isValid(19.99))
    #expect(try S.schema(##"{"multipleOf":0.1}"##).isValid(0.3))
    #expect(try S.schema(##"{"multipleOf":1.5}"##).isValid(4.5))
    #expect(!(try S.schema(##"{"multipleOf":1.5}"##).isValid(35)))
    #expect(try S.schema(##"{"multipleOf":0.5}"##).isValid(1e308))
    #expect(!(try S.schema(##"{"multipleOf":0.123456789}"##).isValid(1e308)))
    #expect(try S.schema(##"{"multipleOf":1e-8}"##).isValid(12391239123))
    #expect(try S.schema(##"{"multipleOf":3}"##).isValid(-9))
  }

  @Test func lengthsCountCodePoints() throws {
    let schema = try S.schema(##"{"maxLength":2,"minLength":2}"##)
    #expect(schema.isValid("😀é"))
    #expect(schema.isValid("e\u{301}"))  // two code points, one grapheme
    #expect(!schema.isValid("😀"))
  }

  @Test func patternsFollowECMAScript() throws {
    let digits = try S.schema(##"{"pattern":"^\\d+$"}"##)
    #expect(digits.isValid("42"))
    #expect(!digits.isValid("\u{0663}"))  // ARABIC-INDIC DIGIT THREE is not `\d` in ECMA-262
    #expect(!(try S.schema(##"{"pattern":"^a$"}"##).isValid("a\n")))
    #expect(try S.schema(##"{"pattern":"^\\w+$"}"##).isValid("a_1"))
    #expect(!(try S.schema(##"{"pattern":"^\\w+$"}"##).isValid("é")))
    #expect(try S.schema(##"{"pattern":"^\\s$"}"##).isValid("\u{FEFF}"))
    #expect(try S.schema(##"{"pattern":"^[[]x{$"}"##).isValid("[x{"))
    #expect(try S.schema(##"{"pattern":"^\\p{Letter}+$"}"##).isValid("héllo"))
    #expect(try S.schema(##"{"pattern":"^[^]$"}"##).isValid("\n"))
    #expect(!(try S.schema(##"{"pattern":"[]"}"##).isValid("a")))
    #expect(try S.schema(##"{"pattern":"a{2}"}"##).isValid("xaa"))
    #expect(try S.schema(##"{"patternProperties":{"^x-":{"type":"string"}}}"##).isValid(["x-a": "s", "y": 1]))
  }

  @Test func regexTranslation() {
    #expect(SchemaRegex.translate(#"^\d[\d\w]$"#) == #"^[0-9][0-9a-zA-Z0-9_]\z"#)
    #expect(SchemaRegex.translate(#"a{1,2}b{c}[&$:]"#) == #"a{1,2}b\{c\}[\&\$\:]"#)
    #expect(SchemaRegex.translate(#"\p{L}\u{1F600}"#) == #"\p{L}\x{1F600}"#)
  }

  @Test func referencesAcrossTheRegistry() throws {
    let common: JSONValue = try JSONParser.parse(
      ##"{"$id":"https://example.com/common","$defs":{"slug":{"type":"string","pattern":"^[a-z-]+$"}}}"##)
    let schema = try S.schema(
      ##"{"properties":{"slug":{"$ref":"https://example.com/common#/$defs/slug"}}}"##,
      registry: ["https://example.com/common": common])
    #expect(schema.isValid(["slug": "my-preset"]))
    let found = schema.validate(["slug": "My Preset"])
    #expect(found.map(\.schemaPath) == ["https://example.com/common#/$defs/slug/pattern"])
  }

  @Test func recursiveSchemasValidateDeepInstances() throws {
    let schema = try S.schema(##"{"type":"array","items":{"$ref":"#"}}"##)
    var deep: JSONValue = []
    for _ in 0..<240 { deep = .array([deep]) }
    #expect(schema.isValid(deep))
    var broken: JSONValue = ["x"]
    for _ in 0..<50 { broken = .array([broken]) }
    let found = schema.validate(broken)
    #expect(found.map(\.code) == ["schema.type"])
    #expect(found.first?.instancePath.components.count == 51)
    // Far deeper than any parsed document: refused with a violation, not a stack overflow.
    var absurd: JSONValue = []
    for _ in 0..<5_000 { absurd = .array([absurd]) }
    #expect(!schema.isValid(absurd))
    #expect(schema.validate(absurd).map(\.code) == ["schema.too-deep"])
  }

  @Test func endlessReferenceLoopsFailInsteadOfCrashing() throws {
    let schema = try S.schema(
      ##"{"$defs":{"a":{"$ref":"#/$defs/b"},"b":{"allOf":[{"$ref":"#/$defs/a"}]}},"$ref":"#/$defs/a"}"##)
    #expect(!schema.isValid(1))
    #expect(schema.validate(1).map(\.code) == ["schema.loop"])
  }

  @Test func compileErrorsNameTheKeyword() {
    func failure(_ text: String) -> SchemaCompileError? {
      do {
        _ = try S.schema(text)
        return nil
      } catch let error as SchemaCompileError {
        return error
      } catch {
        return nil
      }
    }
    #expect(failure(##"{"properties":{"a":{"$ref":"#/$defs/missing"}}}"##)?.schemaPath == "/properties/a/$ref")
    #expect(failure(##"{"pattern":"("}"##)?.schemaPath == "/pattern")
    #expect(failure(##"{"type":"strng"}"##)?.message == "unknown type `strng` in `type`")
    #expect(failure(##"{"minLength":-1}"##)?.schemaPath == "/minLength")
    #expect(failure(##"{"multipleOf":0}"##)?.schemaPath == "/multipleOf")
    #expect(failure(##"{"allOf":[1]}"##)?.schemaPath == "/allOf/0")
    #expect(failure(##"{"$ref":"other.json"}"##)?.message.contains("`other.json`") == true)
  }

  @Test func annotationsAreIgnored() throws {
    let schema = try S.schema(##"{"format":"email","default":1,"title":"t","contentMediaType":"application/json"}"##)
    #expect(schema.isValid("not an email"))
  }

  @Test func uriResolution() {
    #expect(SchemaURI.resolve("b/c.json", against: "http://x.org/a/d.json") == "http://x.org/a/b/c.json")
    #expect(SchemaURI.resolve("../c", against: "http://x.org/a/b/d") == "http://x.org/a/c")
    #expect(SchemaURI.resolve("#foo", against: "urn:uuid:1234") == "urn:uuid:1234#foo")
    #expect(SchemaURI.resolve("/z", against: "http://x.org/a/b?q#f") == "http://x.org/z")
    #expect(SchemaURI.resolve("", against: "http://x.org/a#f") == "http://x.org/a")
    #expect(SchemaURI.splitFragment("http://x#/a%25b").fragment == "/a%b")
  }

  @Test func validatingTenThousandBodiesIsFast() throws {
    let schema = try S.schema(
      #"""
      {"type":"object","required":["model"],"additionalProperties":false,
       "properties":{
        "model":{"type":"string","minLength":1},
        "temperature":{"type":"number","minimum":0,"maximum":2},
        "max_tokens":{"type":"integer","minimum":1},
        "stop":{"anyOf":[{"type":"string"},{"type":"array","items":{"type":"string"},"maxItems":4}]},
        "provider":{"type":"object","additionalProperties":false,"properties":{
           "sort":{"enum":["price","throughput","latency"]},
           "order":{"type":"array","items":{"type":"string","pattern":"^[a-z0-9-]+$"},"uniqueItems":true}}},
        "reasoning":{"oneOf":[
           {"type":"object","properties":{"effort":{"enum":["low","medium","high"]}},"required":["effort"]},
           {"type":"object","properties":{"max_tokens":{"type":"integer"}},"required":["max_tokens"]}]}}}
      """#)
    let body = try JSONParser.parse(
      #"""
      {"model":"openai/gpt-4o","temperature":0.7,"max_tokens":1000,"stop":["\n\n"],
       "provider":{"sort":"price","order":["openai","azure"]},"reasoning":{"effort":"high"}}
      """#)
    let clock = ContinuousClock()
    var valid = 0
    let elapsed = clock.measure {
      for _ in 0..<10_000 where schema.isValid(body) { valid += 1 }
    }
    print("schema: 10,000 preset bodies validated in \(elapsed) (debug build)")
    #expect(valid == 10_000)
    #expect(elapsed < .seconds(20))
  }
}

extension SchemaValidationTests {
  @Test func oneCompiledSchemaServesConcurrentValidations() async throws {
    let schema = try S.schema(#"{"properties":{"id":{"pattern":"^[a-z]+$"}},"additionalProperties":false}"#)
    let failures = await withTaskGroup(of: Int.self) { group in
      for worker in 0..<8 {
        group.addTask {
          var count = 0
          for i in 0..<200 {
            let id: JSONValue = (i + worker) % 2 == 0 ? "abc" : "ABC"
            count += schema.validate(["id": id]).count
          }
          return count
        }
      }
      return await group.reduce(0, +)
    }
    #expect(failures == 800)
  }
}
