#if canImport(Glibc)
  import Glibc
#endif

/// Finds preset references in application source text, byte by byte (`presetctl refs`).
///
/// Forms (FACTS.md "Referencing presets in requests"): `@preset/<slug>` anywhere (a model string
/// `"@preset/x"`, or `"<model>@preset/x"`), and a `preset` key (quoted with `"`/`'` or bare) whose value is a
/// quoted string, `"preset": "<slug>"`, when the word `model` occurs within 256 bytes before or after it.
/// A slug is the run of `[A-Za-z0-9._-]` after the prefix (so a malformed slug is still found, and reported as
/// defined nowhere). The search runs on `memchr`, so text without `@` or `p` costs little more than one pass.
package enum ReferenceScan {
  /// One reference found in a file.
  package struct Hit: Sendable, Hashable {
    /// The slug referenced.
    package var slug: String
    /// The byte offset of the slug's first byte.
    package var offset: Int
    /// 1-based line.
    package var line: Int
    /// 1-based column, in Unicode scalars.
    package var column: Int
  }

  /// How far (bytes) the word `model` may be from a `preset` key for the key to count.
  static let modelWindow = 256

  /// Every reference in `bytes`, in file order.
  package static func hits(in bytes: UnsafeBufferPointer<UInt8>) -> [Hit] {
    var found: [(slug: String, offset: Int)] = []
    forEach("@preset/", in: bytes) { at in
      let start = at + 8
      let end = slugEnd(bytes, from: start)
      if end > start { found.append((text(bytes, start, end), start)) }
    }
    forEach("preset", in: bytes) { at in
      if let hit = keyReference(bytes, at: at) { found.append(hit) }
    }
    found.sort { $0.offset < $1.offset }
    return positions(found, in: bytes)
  }

  /// Calls `body` with the offset of each occurrence of `needle`.
  private static func forEach(_ needle: StaticString, in bytes: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
    var offset = 0
    while let at = find(needle, in: bytes, from: offset, to: bytes.count) {
      body(at)
      offset = at + 1
    }
  }

  /// The first offset of `needle` in `bytes[from..<to]`: `memchr` for its first byte, `memcmp` for the rest
  /// (glibc's `memmem` is not visible to Swift without `_GNU_SOURCE`).
  static func find(_ needle: StaticString, in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
    guard let base = bytes.baseAddress else { return nil }
    let count = needle.utf8CodeUnitCount
    let first = Int32(needle.utf8Start.pointee)
    var offset = from
    while offset + count <= to {
      guard let hit = memchr(base + offset, first, to - count - offset + 1) else { return nil }
      let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
      if memcmp(base + at, needle.utf8Start, count) == 0 { return at }
      offset = at + 1
    }
    return nil
  }

  /// The slug of a `preset` key at `at` (`"preset": "x"`, `'preset': 'x'`, `preset: "x"`, `preset="x"`).
  private static func keyReference(_ bytes: UnsafeBufferPointer<UInt8>, at: Int) -> (slug: String, offset: Int)? {
    var i = at + 6
    let before = at > 0 ? bytes[at - 1] : 0x20
    var quote: UInt8?
    if before == 0x22 || before == 0x27 {
      quote = before
    } else if isWordByte(before) || before == 0x40 || before == 0x2F {
      return nil  // `@preset/`, `presets`, `my_preset`
    }
    if let quote {
      guard i < bytes.count, bytes[i] == quote else { return nil }
      i += 1
    } else if i < bytes.count, isWordByte(bytes[i]) {
      return nil
    }
    i = skipSpaces(bytes, i)
    guard i < bytes.count, bytes[i] == 0x3A || bytes[i] == 0x3D else { return nil }  // `:` or `=`
    i = skipSpaces(bytes, i + 1)
    guard i < bytes.count, bytes[i] == 0x22 || bytes[i] == 0x27 else { return nil }
    let open = bytes[i]
    let start = i + 1
    let end = slugEnd(bytes, from: start)
    guard end > start, end < bytes.count, bytes[end] == open else { return nil }
    guard mentionsModel(bytes, around: at, end: end) else { return nil }
    return (text(bytes, start, end), start)
  }

  private static func mentionsModel(_ bytes: UnsafeBufferPointer<UInt8>, around at: Int, end: Int) -> Bool {
    find("model", in: bytes, from: max(0, at - modelWindow), to: min(bytes.count, end + modelWindow)) != nil
  }

  private static func skipSpaces(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int) -> Int {
    var i = from
    while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
    return i
  }

  private static func isWordByte(_ b: UInt8) -> Bool {
    (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) || b == 0x5F || b == 0x2D
  }

  private static func slugEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var i = start
    while i < bytes.count, isWordByte(bytes[i]) || bytes[i] == 0x2E, i - start < 256 { i += 1 }
    // A trailing `.` ends a sentence (`see @preset/a.`), it is not part of the slug.
    while i > start, bytes[i - 1] == 0x2E { i -= 1 }
    return i
  }

  private static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
  }

  /// Adds line and column to offsets sorted ascending, counting newlines once over the file.
  private static func positions(_ found: [(slug: String, offset: Int)], in bytes: UnsafeBufferPointer<UInt8>) -> [Hit] {
    var hits: [Hit] = []
    var line = 1
    var lineStart = 0
    var scanned = 0
    for item in found {
      guard let base = bytes.baseAddress else { break }
      while scanned < item.offset,
        let newline = memchr(base + scanned, 0x0A, item.offset - scanned)
      {
        let at = base.distance(to: newline.assumingMemoryBound(to: UInt8.self))
        line += 1
        lineStart = at + 1
        scanned = at + 1
      }
      scanned = item.offset
      var column = 1
      for i in lineStart..<item.offset where bytes[i] & 0xC0 != 0x80 { column += 1 }
      if hits.last.map({ $0.offset == item.offset }) == true { continue }
      hits.append(Hit(slug: item.slug, offset: item.offset, line: line, column: column))
    }
    return hits
  }
}
