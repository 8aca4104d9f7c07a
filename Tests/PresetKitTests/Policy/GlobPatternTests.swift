import Foundation
import Testing

@testable import PresetKit
@testable import PresetPolicy

@Suite struct GlobPatternTests {
  @Test func pathStarStaysInOneSegment() {
    let glob = GlobPattern("presets/*.yaml", syntax: .path)
    #expect(glob.matches("presets/a.yaml"))
    #expect(!glob.matches("presets/support/a.yaml"))
    #expect(!glob.matches("presets/a.yml"))
  }

  @Test func pathDoubleStarCrossesSegments() {
    let glob = GlobPattern("presets/support/**", syntax: .path)
    #expect(glob.matches("presets/support/a.yaml"))
    #expect(glob.matches("presets/support/deep/er/a.yaml"))
    #expect(!glob.matches("presets/supporting/a.yaml"))
    #expect(!glob.matches("presets/marketing/a.yaml"))
  }

  @Test func pathDoubleStarSlashMatchesNoFolderToo() {
    let glob = GlobPattern("presets/**/triage.yaml", syntax: .path)
    #expect(glob.matches("presets/triage.yaml"))
    #expect(glob.matches("presets/support/triage.yaml"))
    #expect(glob.matches("presets/a/b/triage.yaml"))
    #expect(!glob.matches("presets/a/xtriage.yaml"))
    #expect(GlobPattern("**/*.yaml", syntax: .path).matches("a.yaml"))
    #expect(GlobPattern("**/*.yaml", syntax: .path).matches("x/y/a.yaml"))
  }

  @Test func questionMarkIsOneCharacter() {
    #expect(GlobPattern("support-?", syntax: .name).matches("support-a"))
    #expect(!GlobPattern("support-?", syntax: .name).matches("support-ab"))
    #expect(GlobPattern("a?c", syntax: .name).matches("aéc"))
    #expect(!GlobPattern("a?c", syntax: .path).matches("a/c"))
  }

  @Test func nameStarCrossesSlashes() {
    let free = GlobPattern("*:free", syntax: .name)
    #expect(free.matches("meta-llama/llama-3.3-70b-instruct:free"))
    #expect(!free.matches("meta-llama/llama-3.3-70b-instruct"))
    #expect(GlobPattern("openai/*", syntax: .name).matches("openai/gpt-5.4-mini"))
    #expect(!GlobPattern("openai/*", syntax: .name).matches("anthropic/claude"))
    #expect(GlobPattern("*", syntax: .name).matches(""))
    #expect(!GlobPattern("", syntax: .name).matches("x"))
  }

  @Test func caseFoldingIsOptIn() {
    #expect(GlobPattern("openai/*", syntax: .name, ignoresCase: true).matches("OpenAI/GPT"))
    #expect(!GlobPattern("openai/*", syntax: .name).matches("OpenAI/GPT"))
  }

  @Test func manyStarsStayFast() {
    let glob = GlobPattern(String(repeating: "*a", count: 50) + "b", syntax: .name)
    let subject = String(repeating: "a", count: 5000)
    let start = Date()
    #expect(!glob.matches(subject))
    #expect(Date().timeIntervalSince(start) < 5)
  }
}
