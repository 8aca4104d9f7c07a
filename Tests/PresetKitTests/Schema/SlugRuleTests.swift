import Testing

@testable import PresetKit
@testable import PresetSchema

@Suite("SlugRule: the one slug rule")
struct SlugRuleTests {
  @Test(
    "valid slugs",
    arguments: ["a", "0", "chat", "team-chat-2", String(repeating: "a", count: SlugRule.maxLength)])
  func valid(slug: String) { #expect(SlugRule.isValid(slug)) }

  @Test(
    "invalid slugs: empty, dashes at the ends or doubled, other characters, too long",
    arguments: [
      "", "-a", "a-", "a--b", "A", "a_b", "a.b", "a b", "a/b", "..", "é", "a\u{0}", "ａ",
      String(repeating: "a", count: SlugRule.maxLength + 1),
    ])
  func invalid(slug: String) { #expect(!SlugRule.isValid(slug)) }

  @Test("the schema's slug property is the rule's pattern and length")
  func schemaUsesTheRule() {
    let slug = EmbeddedSchemas.presetFileDocument["properties"]?["slug"]
    #expect(slug?["pattern"]?.stringValue == SlugRule.pattern)
    #expect(slug?["maxLength"] == .number(Double(SlugRule.maxLength)))
  }
}
