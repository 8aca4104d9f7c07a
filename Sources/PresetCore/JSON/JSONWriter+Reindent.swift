extension JSONWriter {
  /// Re-lays canonical JSON (`Options.canonical` output) in the pretty layout, nested `level` deep, without
  /// parsing it. The two forms differ only by whitespace outside strings (same key order, escaping and
  /// numbers), so inserting newlines, indentation and `": "` reproduces `bytes(_:options: .pretty)` exactly;
  /// empty `{}` and `[]` stay on one line as there. Bundles keep entries canonical (half the memory) and
  /// re-indent them while writing.
  package static func prettyFromCanonical(_ bytes: [UInt8], level: Int = 0) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + bytes.count / 2 + 64)
    bytes.withUnsafeBufferPointer { input in
      var depth = level
      var i = 0
      let count = input.count
      while i < count {
        let byte = input[i]
        switch byte {
        case UInt8(ascii: "\""):
          // Strings (prompts, mostly) are most of the bytes: find the closing quote, skipping escapes, and
          // copy the whole string at once instead of byte by byte.
          var end = i + 1
          while end < count {
            let c = input[end]
            if c == UInt8(ascii: "\\") {
              end += 2
            } else if c == UInt8(ascii: "\"") {
              break
            } else {
              end += 1
            }
          }
          let stop = min(end + 1, count)
          out.append(contentsOf: UnsafeBufferPointer(rebasing: input[i..<stop]))
          i = stop
          continue
        case UInt8(ascii: "{"), UInt8(ascii: "["):
          out.append(byte)
          let close = byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
          if i + 1 < count && input[i + 1] == close {
            out.append(close)
            i += 1
          } else {
            depth += 1
            newline(&out, depth)
          }
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
          depth -= 1
          newline(&out, depth)
          out.append(byte)
        case UInt8(ascii: ","):
          out.append(byte)
          newline(&out, depth)
        case UInt8(ascii: ":"):
          out.append(UInt8(ascii: ":"))
          out.append(UInt8(ascii: " "))
        default:
          out.append(byte)
        }
        i += 1
      }
    }
    return out
  }

  /// A line break and the indentation of `depth` (a static function, not a closure over `out`: a captured
  /// `var` is boxed and every append then pays a dynamic exclusivity check).
  @inline(__always)
  private static func newline(_ out: inout [UInt8], _ depth: Int) {
    out.append(0x0A)
    out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * max(0, depth)))
  }
}
