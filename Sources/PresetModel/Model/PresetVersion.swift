import PresetCore

/// A content version: `sha256:<64 lowercase hex digits>` of a model's canonical JSON.
package struct PresetVersion: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
  /// The full text, `sha256:` included.
  package let rawValue: String

  /// Hashes canonical JSON bytes into a version.
  package init(canonicalJSON: [UInt8]) {
    rawValue = "sha256:" + SHA256.hexDigest(canonicalJSON)
  }

  /// Accepts a stored version text; nil unless it is `sha256:` followed by 64 lowercase hex digits.
  package init?(rawValue: String) {
    let hex = rawValue.utf8.dropFirst(7)
    guard rawValue.hasPrefix("sha256:"), hex.count == 64,
      hex.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
    else { return nil }
    self.rawValue = rawValue
  }

  /// The first 12 hex digits, the form shown to people.
  package var short: String { String(rawValue.dropFirst(7).prefix(12)) }

  /// The text shown to people.
  package var description: String { rawValue }

  package static func < (lhs: PresetVersion, rhs: PresetVersion) -> Bool { lhs.rawValue < rhs.rawValue }
}
