import Foundation
import PresetCore

/// Maps a byte offset inside a prompt (or another request string) to the file, line and column where that
/// character was written.
///
/// Exact for prompt files (the text is the file, line endings folded to LF). For YAML strings it is a best
/// effort, since only the value's start and end are known, not its source text:
/// - a value on one source line: the line, and the value's column plus the offset (one more when the value's
///   width shows it is quoted), exact for plain and simply quoted scalars;
/// - a multi-line value whose text has line breaks (a `|` block scalar): text line k sits on the line after the
///   indicator plus k, and columns assume the block is indented two spaces deeper than its key (or, in a list,
///   at the indicator's column);
/// - anything else: the value's start.
/// A prompt made of several text parts maps each offset into the part it falls in.
struct TextLocator {
  /// How one piece of text sits in its file.
  enum Placement {
    /// A whole prompt file: text line k, column c is file line k+1, column c+1.
    case file(String)
    /// A block scalar: text line k is `firstLine + k`, column c is `column + c`.
    case block(file: String, firstLine: Int, column: Int)
    /// A one-line scalar: its first text line is at `line`, from `column`; later lines map to `start`.
    case inline(file: String, line: Int, column: Int, start: SourcePosition)
    /// Every offset maps to this location.
    case fixed(SourceLocation)
  }

  /// Pieces of the text, by their starting byte offset (ascending).
  var segments: [(start: Int, placement: Placement)]

  /// A locator for a single placement.
  init(_ placement: Placement) { segments = [(0, placement)] }

  /// A locator for text parts joined by `separator` bytes.
  init(parts: [(length: Int, placement: Placement)], separatorLength: Int) {
    var start = 0
    segments = []
    for part in parts {
      segments.append((start, part.placement))
      start += part.length + separatorLength
    }
  }

  /// The placement of a YAML string value from its node.
  static func placement(of node: SourceNode, file: String, text: String) -> Placement {
    let start = node.start
    if node.end.line == start.line {
      let width = node.end.column - start.column
      let quoted = width == text.unicodeScalars.count + 2
      return .inline(file: file, line: start.line, column: start.column + (quoted ? 1 : 0), start: start)
    }
    if text.utf8.contains(UInt8(ascii: "\n")) {
      let column = node.keyStart.map { $0.column + 2 } ?? start.column
      return .block(file: file, firstLine: start.line + 1, column: column)
    }
    return .fixed(SourceLocation(file: file, position: start))
  }

  /// The location of the character at byte `offset` of `bytes` (the whole text).
  func location(ofOffset offset: Int, in bytes: [UInt8]) -> SourceLocation {
    var segment = segments.first ?? (0, .fixed(SourceLocation(file: "", line: 1, column: 1)))
    for candidate in segments where candidate.start <= offset { segment = candidate }
    let from = max(0, min(segment.start, bytes.count))
    let end = max(from, min(offset, bytes.count))
    var line = 0
    var lineStart = from
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      // Lines by memchr; only the last line's bytes are walked, to count its scalars.
      while lineStart < end, let hit = memchr(base + lineStart, 0x0A, end - lineStart) {
        line += 1
        lineStart = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
      }
    }
    var column = 0
    for i in lineStart..<end where bytes[i] & 0xC0 != 0x80 { column += 1 }
    switch segment.placement {
    case .file(let file):
      return SourceLocation(file: file, line: 1 + line, column: 1 + column)
    case .block(let file, let firstLine, let firstColumn):
      return SourceLocation(file: file, line: firstLine + line, column: firstColumn + column)
    case .inline(let file, let firstLine, let firstColumn, let start):
      return line == 0
        ? SourceLocation(file: file, line: firstLine, column: firstColumn + column)
        : SourceLocation(file: file, position: start)
    case .fixed(let location):
      return location
    }
  }
}
