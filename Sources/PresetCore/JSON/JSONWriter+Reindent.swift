extension JSONWriter {
  /// Re-lays canonical JSON (`Options.canonical` output) in the pretty layout, nested `level` deep, without
  /// parsing it. The two forms differ only by whitespace outside strings (same key order, escaping and
  /// numbers), so inserting newlines, indentation and `": "` reproduces `bytes(_:options: .pretty)` exactly;
  /// empty `{}` and `[]` stay on one line as there. Bundles keep entries canonical (half the memory) and
  /// re-indent them while writing.
  package static func prettyFromCanonical(_ bytes: [UInt8], level: Int = 0) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count * 2)
    var depth = level
    var inString = false
    var escaped = false
    func newline(_ depth: Int) {
      out.append(0x0A)
      out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }
    var i = 0
    while i < bytes.count {
      let byte = bytes[i]
      i += 1
      if inString {
        out.append(byte)
        if escaped {
          escaped = false
        } else if byte == UInt8(ascii: "\\") {
          escaped = true
        } else if byte == UInt8(ascii: "\"") {
          inString = false
        }
        continue
      }
      switch byte {
      case UInt8(ascii: "\""):
        out.append(byte)
        inString = true
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        out.append(byte)
        let close = byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
        if i < bytes.count && bytes[i] == close {
          out.append(close)
          i += 1
        } else {
          depth += 1
          newline(depth)
        }
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        depth -= 1
        newline(depth)
        out.append(byte)
      case UInt8(ascii: ","):
        out.append(byte)
        newline(depth)
      case UInt8(ascii: ":"):
        out.append(contentsOf: [UInt8(ascii: ":"), UInt8(ascii: " ")])
      default:
        out.append(byte)
      }
    }
    return out
  }
}
