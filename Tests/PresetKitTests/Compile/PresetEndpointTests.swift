import Testing

@testable import PresetKit
@testable import PresetModel
@testable import PresetSchema

@Suite("PresetEndpoint: the one builder of preset API paths")
struct PresetEndpointTests {
  @Test("a valid slug is its own encoding, so bundles keep their paths byte for byte", arguments: Skin.allCases)
  func validSlugUnchanged(skin: Skin) {
    #expect(PresetEndpoint.preset("team-chat-2") == "/presets/team-chat-2")
    #expect(PresetEndpoint.create("team-chat-2", skin: skin) == "/presets/team-chat-2/" + skin.endpointPath)
  }

  @Test("a slug that needs it is percent-encoded as one segment: no dot-segment, slash, query or space escapes")
  func hostileSlugEncoded() {
    #expect(PresetEndpoint.preset("..") == "/presets/%2E%2E")
    #expect(
      PresetEndpoint.create("a b/../c?x#y", skin: .chat) == "/presets/a%20b%2F%2E%2E%2Fc%3Fx%23y/chat/completions")
    #expect(PresetEndpoint.preset("é") == "/presets/%C3%A9")
  }
}
