import Foundation

extension PresetBundle {
  /// The bundle file bytes and digest, with each preset serialised on its own (in parallel); byte-identical to
  /// `JSONWriter.bytes(json, options: .pretty)` and `digest`, which a test checks.
  public struct Encoded: Sendable {
    /// The file content.
    public var bytes: [UInt8]
    /// `sha256:` + hex SHA-256 of the canonical JSON of `presets`.
    public var digest: String
  }

  /// Serialises every preset once in pretty and canonical form and assembles the file around them.
  public func encoded(parallelism: Int = ProcessInfo.processInfo.activeProcessorCount) -> Encoded {
    let parts = ParallelMap.map(presets, parallelism: parallelism) { preset -> (pretty: [UInt8], canonical: [UInt8]) in
      let json = Self.json(for: preset)
      var pretty: [UInt8] = []
      JSONWriter.append(json, to: &pretty, options: .pretty, level: 2)
      return (pretty, JSONWriter.canonicalBytes(json))
    }
    var hasher = SHA256()
    hasher.update([UInt8(ascii: "[")])
    for (i, part) in parts.enumerated() {
      if i > 0 { hasher.update([UInt8(ascii: ",")]) }
      hasher.update(part.canonical)
    }
    hasher.update([UInt8(ascii: "]")])
    let digest = "sha256:" + SHA256.hexString(hasher.finalize())
    var out: [UInt8] = []
    out.reserveCapacity(parts.reduce(256) { $0 + $1.pretty.count + 8 })
    out.append(contentsOf: "{\n  \"digest\": \"\(digest)\",\n  \"format\": \"\(Self.format)\",\n  \"presets\": ".utf8)
    if parts.isEmpty {
      out.append(contentsOf: "[]".utf8)
    } else {
      out.append(UInt8(ascii: "["))
      for (i, part) in parts.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        out.append(contentsOf: "\n    ".utf8)
        out.append(contentsOf: part.pretty)
      }
      out.append(contentsOf: "\n  ]".utf8)
    }
    out.append(contentsOf: "\n}\n".utf8)
    return Encoded(bytes: out, digest: digest)
  }
}
