import PresetModel
import Testing

@testable import PresetCore

/// The inline digest: same text as the hex helpers, parsing that rejects every non-canonical form, and an order
/// that agrees with the order of the texts.
@Suite struct SHA256DigestTests {
  @Test func hexMatchesTheHexDigestAndRoundTrips() throws {
    for message in ["", "abc", "The quick brown fox jumps over the lazy dog"] {
      let bytes = Array(message.utf8)
      let digest = SHA256Digest(hashing: bytes)
      #expect(digest.hex == SHA256.hexDigest(bytes))
      #expect(SHA256Digest(hex: Array(digest.hex.utf8)) == digest)
      #expect(SHA256Digest(bytes: SHA256.hash(bytes)) == digest)
    }
  }

  @Test func parsingRejectsWhatIsNotSixtyFourLowercaseHexDigits() {
    let good = SHA256.hexDigest([])
    #expect(SHA256Digest(hex: Array(good.utf8)) != nil)
    #expect(SHA256Digest(hex: Array(good.uppercased().utf8)) == nil)
    #expect(SHA256Digest(hex: Array(good.utf8.dropLast())) == nil)
    #expect(SHA256Digest(hex: Array((good + "0").utf8)) == nil)
    #expect(SHA256Digest(hex: Array(("g" + good.dropFirst()).utf8)) == nil)
    #expect(SHA256Digest(hex: Array(("/" + good.dropFirst()).utf8)) == nil)
    #expect(SHA256Digest(bytes: [UInt8](repeating: 0, count: 31)) == nil)
  }

  @Test func orderIsTheOrderOfTheTexts() {
    let digests = (0..<200).map { SHA256Digest(hashing: [UInt8(truncatingIfNeeded: $0), 7]) }
    let byDigest = digests.sorted().map(\.hex)
    #expect(byDigest == digests.map(\.hex).sorted())
    // Digests that differ only in the last word, and only in the first.
    let low = SHA256Digest(hex: Array((String(repeating: "0", count: 63) + "1").utf8))
    let high = SHA256Digest(hex: Array(("1" + String(repeating: "0", count: 63)).utf8))
    #expect(low.map { d in high.map { d < $0 } ?? false } == true)
  }

  @Test func versionsKeepTheirTextRulesAndOrder() throws {
    let text = "sha256:" + SHA256.hexDigest(Array("x".utf8))
    let version = try #require(PresetVersion(rawValue: text))
    #expect(version.rawValue == text)
    #expect(version.description == text)
    #expect(version.short == String(text.dropFirst(7).prefix(12)))
    #expect(PresetVersion(rawValue: "sha256:" + String(repeating: "A", count: 64)) == nil)
    #expect(PresetVersion(rawValue: "SHA256:" + SHA256.hexDigest([])) == nil)
    #expect(PresetVersion(rawValue: "sha256" + SHA256.hexDigest([])) == nil)
    #expect(PresetVersion(rawValue: "sha256:\u{301}" + SHA256.hexDigest([]).dropFirst()) == nil)
    let versions = (0..<50).map { PresetVersion(canonicalJSON: [UInt8($0)]) }
    #expect(versions.sorted().map(\.rawValue) == versions.map(\.rawValue).sorted())
  }
}
