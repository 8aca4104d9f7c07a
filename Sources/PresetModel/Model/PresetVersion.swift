import PresetCore

/// A content version: `sha256:<64 lowercase hex digits>` of a model's canonical JSON.
package struct PresetVersion: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
  /// The digest, held inline: a build keeps every preset's version until its summary is printed.
  private let digest: SHA256Digest

  /// The full text, `sha256:` included.
  package var rawValue: String { "sha256:" + digest.hex }

  /// Hashes canonical JSON bytes into a version.
  package init(canonicalJSON: [UInt8]) {
    digest = SHA256Digest(hashing: canonicalJSON)
  }

  /// Accepts a stored version text; nil unless it is `sha256:` followed by 64 lowercase hex digits.
  package init?(rawValue: String) {
    guard rawValue.hasCodeUnitPrefix("sha256:"), let digest = SHA256Digest(hex: rawValue.utf8.dropFirst(7)) else {
      return nil
    }
    self.digest = digest
  }

  /// Encoded as its text, as before the digest was held inline.
  package init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let text = try container.decode(String.self, forKey: .rawValue)
    guard let version = PresetVersion(rawValue: text) else {
      throw DecodingError.dataCorruptedError(
        forKey: .rawValue, in: container, debugDescription: "not sha256: and 64 lowercase hex digits")
    }
    self = version
  }

  /// Encodes the text under `rawValue`.
  package func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(rawValue, forKey: .rawValue)
  }

  private enum CodingKeys: String, CodingKey {
    case rawValue
  }

  /// The first 12 hex digits, the form shown to people.
  package var short: String { String(rawValue.dropFirst(7).prefix(12)) }

  /// The text shown to people.
  package var description: String { rawValue }

  /// The order of the texts (lowercase hex after one prefix: the order of the digests).
  package static func < (lhs: PresetVersion, rhs: PresetVersion) -> Bool { lhs.digest < rhs.digest }
}
