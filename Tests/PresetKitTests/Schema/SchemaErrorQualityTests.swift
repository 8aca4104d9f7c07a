import Testing

@testable import PresetCompiler
@testable import PresetCore
@testable import PresetKit
@testable import PresetSchema

/// The wording, codes and locations of violations: what a user sees when a preset is wrong.
@Suite struct SchemaErrorQualityTests {
  typealias S = SchemaTestSupport

  @Test func typeMismatchNamesBothTypes() throws {
    let found = try S.violations(#"{"properties":{"n":{"type":"number"}}}"#, #"{"n":"x"}"#)
    #expect(
      found == [
        SchemaViolation(
          code: "schema.type", message: "expected a number, got a string", instancePath: JSONPointer("/n")!,
          schemaPath: "/properties/n/type")
      ])
  }

  @Test func integerTypeAcceptsOnePointZero() throws {
    #expect(try S.violations(#"{"type":"integer"}"#, "1.0").isEmpty)
    #expect(try S.violations(#"{"type":"integer"}"#, "1.5").map(\.message) == ["expected an integer, got 1.5"])
    #expect(
      try S.violations(#"{"type":["string","null"]}"#, "true").map(\.message)
        == ["expected a string or null, got a boolean"])
  }

  @Test func unknownKeySuggestsNearestKey() throws {
    let schema = #"{"properties":{"temperature":{},"top_p":{}},"additionalProperties":false}"#
    let found = try S.violations(schema, #"{"top_p":1,"temprature":0.5}"#)
    #expect(
      found == [
        SchemaViolation(
          code: "schema.unknown-key", message: "unknown key `temprature`", instancePath: JSONPointer("/temprature")!,
          schemaPath: "/additionalProperties", atKey: true, hint: "did you mean `temperature`?")
      ])
  }

  @Test func unknownKeyListsAllowedKeysWhenNothingIsClose() throws {
    let schema = #"{"properties":{"temperature":{},"top_p":{}},"additionalProperties":false}"#
    let found = try S.violations(schema, #"{"zzz":1,"qqq":2}"#)
    #expect(S.summary(found) == ["schema.unknown-key /zzz", "schema.unknown-key /qqq"])
    #expect(found.first?.hint == "allowed keys here: `temperature`, `top_p`")
  }

  @Test func unevaluatedPropertiesSeesReferencedKeysAndDoesNotRepeatTheirErrors() throws {
    let schema = #"""
      {"$defs":{"base":{"properties":{"model":{"type":"string"}}}},
       "allOf":[{"$ref":"#/$defs/base"}],
       "properties":{"temperature":{"type":"number"}},
       "unevaluatedProperties":false}
      """#
    let found = try S.violations(schema, #"{"model":5,"temperatur":1}"#)
    #expect(S.summary(found) == ["schema.type /model", "schema.unknown-key /temperatur"])
    #expect(found[0].schemaPath == "/$defs/base/properties/model/type")
    #expect(found[1].schemaPath == "/unevaluatedProperties")
    #expect(found[1].atKey)
    #expect(found[1].hint == "did you mean `temperature`?")
  }

  @Test func theSameUnknownKeyIsReportedOnce() throws {
    let schema = #"""
      {"allOf":[{"properties":{"a":{}},"additionalProperties":false},{"properties":{"a":{}},"additionalProperties":false}],
       "properties":{"a":{}},"unevaluatedProperties":false}
      """#
    let found = try S.violations(schema, #"{"a":1,"b":2}"#)
    #expect(S.summary(found) == ["schema.unknown-key /b"])
    #expect(found.first?.schemaPath == "/allOf/0/additionalProperties")
  }

  @Test func requiredPointsAtTheParentAndNamesTheKey() throws {
    let schema = #"{"required":["model"],"properties":{"provider":{"required":["order"]}}}"#
    let found = try S.violations(schema, #"{"provider":{}}"#)
    #expect(found.map(\.message) == ["missing required key `model`", "missing required key `order`"])
    #expect(found.map(\.instancePath.description) == ["", "/provider"])
    #expect(found.map(\.schemaPath) == ["/required", "/properties/provider/required"])
    #expect(found.allSatisfy { $0.code == "schema.required" && !$0.atKey })
  }

  @Test func requiredSpotsAMisspelledKey() throws {
    let found = try S.violations(#"{"required":["model"]}"#, #"{"modle":"x"}"#)
    #expect(found.map(\.hint) == ["is `modle` a misspelling of `model`?"])
  }

  @Test func enumListsOptionsAndSuggestsOne() throws {
    let schema =
      #"{"properties":{"provider":{"properties":{"sort":{"enum":["price","throughput","latency","exacto"]}}}}}"#
    let found = try S.violations(schema, #"{"provider":{"sort":"prise"}}"#)
    #expect(
      found == [
        SchemaViolation(
          code: "schema.enum", message: "must be one of: price, throughput, latency, exacto",
          instancePath: JSONPointer("/provider/sort")!, schemaPath: "/properties/provider/properties/sort/enum",
          hint: "did you mean `price`?")
      ])
  }

  @Test func boundsMessagesGiveLimitAndValue() throws {
    let schema = #"""
      {"properties":{
        "t":{"maximum":2},"m":{"minimum":1},"x":{"exclusiveMinimum":0},"y":{"exclusiveMaximum":1},
        "o":{"maxItems":2},"s":{"minLength":3,"maxLength":4},"p":{"minProperties":1},
        "k":{"multipleOf":0.5}}}
      """#
    let found = try S.violations(schema, #"{"t":3,"m":0.5,"x":0,"y":1,"o":[1,2,3],"s":"😀😀","p":{},"k":1.25}"#)
    #expect(
      found.map { "\($0.code) \($0.instancePath): \($0.message)" } == [
        "schema.maximum /t: must be at most 2 (got 3)",
        "schema.minimum /m: must be at least 1 (got 0.5)",
        "schema.exclusive-minimum /x: must be greater than 0 (got 0)",
        "schema.exclusive-maximum /y: must be less than 1 (got 1)",
        "schema.max-items /o: must have at most 2 items (got 3)",
        "schema.min-length /s: must be at least 3 characters long (got 2)",
        "schema.min-properties /p: must have at least 1 key (got 0)",
        "schema.multiple-of /k: must be a multiple of 0.5 (got 1.25)",
      ])
  }

  @Test func violationsFollowDocumentOrder() throws {
    let schema = #"{"required":["c"],"properties":{"a":{"type":"string"},"b":{"type":"string"}}}"#
    let found = try S.violations(schema, #"{"b":1,"a":[2]}"#)
    #expect(S.summary(found) == ["schema.required ", "schema.type /b", "schema.type /a"])
  }

  @Test func anyOfReportsTheBranchWithTheRightType() throws {
    let schema = #"""
      {"anyOf":[{"type":"string"},
                {"type":"object","properties":{"id":{"type":"string"}},"required":["id"]}]}
      """#
    let found = try S.violations(schema, #"{"id":5}"#)
    #expect(S.summary(found) == ["schema.type /id"])
    #expect(found.first?.schemaPath == "/anyOf/1/properties/id/type")
  }

  @Test func anyOfWithOnlyWrongTypesGivesOneTypeMessage() throws {
    let schema = #"{"anyOf":[{"type":"string"},{"type":"array","items":{"type":"string"}}]}"#
    let found = try S.violations(schema, "5")
    #expect(
      found == [
        SchemaViolation(
          code: "schema.type", message: "expected a string or an array, got a number", instancePath: .root,
          schemaPath: "/anyOf")
      ])
  }

  @Test func oneOfMatchingSeveralBranches() throws {
    let found = try S.violations(#"{"oneOf":[{"type":"number"},{"minimum":0},{"type":"string"}]}"#, "5")
    #expect(found.map(\.code) == ["schema.one-of"])
    #expect(found.first?.message == "matches 2 alternatives of `oneOf` (0, 1); exactly one must match")
  }

  @Test func oneOfPrefersTheBranchWhoseKeysMatch() throws {
    let schema = #"""
      {"oneOf":[
        {"type":"object","properties":{"effort":{"enum":["low","high"]}},"required":["effort"],"additionalProperties":false},
        {"type":"object","properties":{"max_tokens":{"type":"integer"}},"required":["max_tokens"],"additionalProperties":false}]}
      """#
    let found = try S.violations(schema, #"{"effort":"hi"}"#)
    #expect(S.summary(found) == ["schema.enum /effort"])
  }

  @Test func constOnAMemberActsAsAnImplicitDiscriminator() throws {
    // Branch 0 has a single violation (the const), branch 1 two; the const mismatch still rules branch 0 out.
    let schema = #"""
      {"anyOf":[
        {"properties":{"kind":{"const":"a"},"x":{"type":"number"}},"required":["kind"]},
        {"properties":{"kind":{"const":"b"},"y":{"type":"string"}},"required":["kind","z"]}]}
      """#
    let found = try S.violations(schema, #"{"kind":"b","y":1}"#)
    #expect(S.summary(found) == ["schema.required ", "schema.type /y"])
  }

  static let toolSchema = #"""
    {"oneOf":[{"$ref":"#/$defs/fn"},{"$ref":"#/$defs/web"}],
     "discriminator":{"propertyName":"type","mapping":{"fn":"#/$defs/fn"}},
     "$defs":{
      "fn":{"type":"object","properties":{"type":{"enum":["function","fn"]},"name":{"type":"string"}},
            "required":["type","name"],"additionalProperties":false},
      "web":{"type":"object","properties":{"type":{"const":"web_search"},"max_results":{"type":"integer","maximum":10}},
             "required":["type"],"additionalProperties":false}}}
    """#

  @Test func discriminatorSelectsTheBranchToReport() throws {
    let found = try S.violations(Self.toolSchema, #"{"type":"web_search","max_results":20,"name":"x"}"#)
    #expect(S.summary(found) == ["schema.maximum /max_results", "schema.unknown-key /name"])
    #expect(
      found.map(\.schemaPath) == ["/$defs/web/properties/max_results/maximum", "/$defs/web/additionalProperties"])
    // The mapping entry selects the function branch.
    #expect(S.summary(try S.violations(Self.toolSchema, #"{"type":"fn"}"#)) == ["schema.required "])
    #expect(try S.violations(Self.toolSchema, #"{"type":"fn","name":"f"}"#).isEmpty)
  }

  @Test func discriminatorMissingOrUnknown() throws {
    let missing = try S.violations(Self.toolSchema, #"{"name":"x"}"#)
    #expect(
      missing == [
        SchemaViolation(
          code: "schema.required", message: "missing required key `type`", instancePath: .root, schemaPath: "/oneOf",
          hint: "`type` selects the variant: fn, function, web_search")
      ])
    let unknown = try S.violations(Self.toolSchema, #"{"type":"web_serch"}"#)
    #expect(
      unknown == [
        SchemaViolation(
          code: "schema.discriminator", message: "must be one of: fn, function, web_search",
          instancePath: JSONPointer("/type")!, schemaPath: "/oneOf", hint: "did you mean `web_search`?")
      ])
  }

  @Test func propertyNamesPointAtTheKey() throws {
    let found = try S.violations(#"{"propertyNames":{"pattern":"^[a-z_]+$"}}"#, #"{"ok":1,"Bad-Key":2}"#)
    #expect(
      found == [
        SchemaViolation(
          code: "schema.property-names", message: "key `Bad-Key` must match the pattern `^[a-z_]+$`",
          instancePath: JSONPointer("/Bad-Key")!, schemaPath: "/propertyNames/pattern", atKey: true)
      ])
  }

  @Test func falseSubschemasForbidKeysAndItems() throws {
    let keys = try S.violations(#"{"properties":{"secret":false}}"#, #"{"secret":1}"#)
    #expect(keys.map { "\($0.code) \($0.instancePath) \($0.atKey)" } == ["schema.forbidden-key /secret true"])
    let items = try S.violations(#"{"prefixItems":[{"type":"string"}],"items":false}"#, #"["a","b"]"#)
    #expect(S.summary(items) == ["schema.unexpected-item /1"])
    #expect(items.first?.message == "unexpected item 1: at most 1 item is allowed")
  }

  @Test func uniqueItemsPointsAtTheDuplicate() throws {
    let found = try S.violations(#"{"uniqueItems":true}"#, #"[1,{"a":1},1.0,{"a":1}]"#)
    #expect(S.summary(found) == ["schema.unique-items /2", "schema.unique-items /3"])
    #expect(found.first?.message == "duplicate of item 0; items must be unique")
  }

  @Test func dependentRequiredNamesBothKeys() throws {
    let found = try S.violations(#"{"dependentRequired":{"min":["max"]}}"#, #"{"min":1}"#)
    #expect(found.map(\.message) == ["missing key `max`, required when `min` is present"])
    #expect(found.map(\.code) == ["schema.dependent-required"])
  }

  @Test func containsCodes() throws {
    #expect(try S.violations(#"{"contains":{"type":"string"}}"#, "[1]").map(\.code) == ["schema.contains"])
    #expect(
      try S.violations(#"{"contains":{"type":"string"},"maxContains":1}"#, #"["a","b"]"#).map(\.message)
        == ["must contain at most 1 item matching `contains` (got 2)"])
  }
}
