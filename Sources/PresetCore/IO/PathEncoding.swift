/// Percent-encoding for one URL path segment or query component.
package enum PathEncoding {
  /// Encodes everything except ASCII letters, digits, `-`, `_` and `~`. The dot is encoded too, so a slug
  /// such as `..` cannot become a dot-segment that a URL library would resolve away.
  package static func segment(_ text: String) -> String {
    var output = ""
    output.reserveCapacity(text.utf8.count)
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "~"):
        output.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        let hex = Array("0123456789ABCDEF".utf8)
        output += "%"
        output.unicodeScalars.append(Unicode.Scalar(hex[Int(byte >> 4)]))
        output.unicodeScalars.append(Unicode.Scalar(hex[Int(byte & 0x0F)]))
      }
    }
    return output
  }
}
