import Testing

@testable import PresetCore
@testable import PresetKit
@testable import PresetModel

@Suite struct NormalisationRulesTests {
  private func config(_ json: String) throws -> JSONObject {
    try #require(try JSONParser.parse(json).objectValue)
  }

  @Test func dropsTransientKeysNullsDefaultsAndEmpties() throws {
    let raw = try config(
      """
      {"model": "m", "messages": [{"role": "user"}], "stream": false, "stream_options": {"include_usage": true},
       "temperature": null, "tools": [],
       "provider": {"order": ["a"], "only": [], "ignore": null, "allow_fallbacks": true, "require_parameters": false,
                    "data_collection": "allow", "max_price": {}}}
      """)
    let model = NormalisationRules.model(config: raw, systemPrompt: nil)
    #expect(
      JSONWriter.canonicalString(model.json)
        == #"{"config":{"model":"m","provider":{"order":["a"]}},"system_prompt":null}"#)
  }

  @Test func keepsValuesThatOnlyLookLikeDefaults() throws {
    let raw = try config(
      #"{"temperature": 0, "provider": {"zdr": false, "allow_fallbacks": false, "data_collection": "deny"}}"#)
    let model = NormalisationRules.model(config: raw, systemPrompt: "x")
    #expect(model.config["temperature"] == 0)
    #expect(model.config["provider"] == ["zdr": false, "allow_fallbacks": false, "data_collection": "deny"])
  }

  @Test func defaultsAreDroppedOnlyDirectlyInsideProvider() throws {
    let raw = try config(#"{"allow_fallbacks": true, "x": {"provider": {"allow_fallbacks": true}}}"#)
    let model = NormalisationRules.model(config: raw, systemPrompt: nil)
    #expect(model.config["allow_fallbacks"] == true)
    #expect(model.config["x"] == ["provider": ["allow_fallbacks": true]])
  }

  @Test func providerOfOnlyDefaultsDisappears() throws {
    let raw = try config(#"{"model": "m", "provider": {"allow_fallbacks": true, "data_collection": "allow"}}"#)
    #expect(
      NormalisationRules.model(config: raw, systemPrompt: nil).config == JSONObject([.init(key: "model", value: "m")]))
  }

  @Test func arrayElementsAreNormalisedButNeverDropped() throws {
    let raw = try config(#"{"tools": [{}, null, {"a": null, "b": {"c": []}}, []]}"#)
    let model = NormalisationRules.model(config: raw, systemPrompt: nil)
    #expect(model.config["tools"] == [[:], nil, [:], []])
  }

  @Test func promptLineEndingsFoldAndEmptyBecomesNull() {
    #expect(NormalisationRules.normalisePrompt("a\r\nb\rc\n\r\n") == "a\nb\nc\n\n")
    #expect(NormalisationRules.normalisePrompt("") == nil)
    #expect(
      NormalisationRules.normalisePrompt("caf\u{e9}\r\n\u{1F600}\re\u{301}\r\r\n")
        == "caf\u{e9}\n\u{1F600}\ne\u{301}\n\n")
    #expect(NormalisationRules.normalisePrompt("  padded  \n") == "  padded  \n")
    #expect(NormalisationRules.normalisePrompt(nil) == nil)
  }

  @Test func emptyConfigIsKept() {
    let model = NormalisationRules.model(config: JSONObject(), systemPrompt: "")
    #expect(JSONWriter.canonicalString(model.json) == #"{"config":{},"system_prompt":null}"#)
  }

  @Test func versionIsSha256OfCanonicalModel() {
    let model = NormalisationRules.model(config: JSONObject(), systemPrompt: nil)
    // sha256 of {"config":{},"system_prompt":null}, computed independently with sha256sum.
    #expect(model.version.rawValue == "sha256:13386f733ac3fc7417e57211453c0f4c3abe275d7182d8b875f5138ca15ddb59")
    #expect(model.version.short.count == 12)
    #expect(PresetVersion(rawValue: model.version.rawValue) == model.version)
    #expect(PresetVersion(rawValue: "sha256:ABC") == nil)
  }
}
