/// Writes JSON values as block YAML that presetctl's own loader reads back to the identical value.
///
/// Strings are double-quoted (never ambiguous under YAML 1.1 or 1.2), with characters YAML may not carry raw
/// escaped; numbers use the ECMAScript form, which is valid YAML 1.2 core. Long prompts can be written as
/// literal block scalars when that is exact.
package enum YAMLWriter {
  /// A mapping's members as block YAML at the given indent (no trailing newline handling needed: each line ends
  /// with `\n`). `blockScalarKeys` names members (at this level) to prefer as literal block scalars.
  package static func mapping(_ object: JSONObject, indent: Int = 0, blockScalarKeys: Set<String> = []) -> String {
    var out = ""
    let pad = String(repeating: " ", count: indent)
    for member in object.members {
      let written = key(member.key)
      if written.utf8.count > maxImplicitKeyBytes {
        // libyaml refuses implicit keys longer than 1024 characters; the explicit `? key` form has no limit.
        out += pad + "? " + written + "\n" + pad + ":"
      } else {
        out += pad + written + ":"
      }
      out += value(member.value, indent: indent, preferBlock: blockScalarKeys.contains(member.key))
    }
    return out
  }

  /// The longest key written in the plain `key: value` form, in bytes (libyaml's limit is 1024 characters).
  static let maxImplicitKeyBytes = 1000

  /// The text after `key:` (or `-`) for a value: ` scalar\n`, or a newline and a nested block.
  package static func value(_ value: JSONValue, indent: Int, preferBlock: Bool = false) -> String {
    switch value {
    case .object(let object) where !object.isEmpty:
      return "\n" + mapping(object, indent: indent + 2)
    case .array(let elements) where !elements.isEmpty:
      if elements.allSatisfy(isShortScalar) {
        return " [" + elements.map(scalar).joined(separator: ", ") + "]\n"
      }
      var out = "\n"
      let pad = String(repeating: " ", count: indent + 2)
      for element in elements {
        if case .object(let object) = element, !object.isEmpty {
          // `- key: value` with the following keys aligned under the first.
          let body = mapping(object, indent: indent + 4)
          out += pad + "- " + body.dropFirst(indent + 4)
        } else {
          out += pad + "-" + self.value(element, indent: indent + 2)
        }
      }
      return out
    case .string(let s) where preferBlock:
      if let block = literalBlock(s, indent: indent + 2) { return " " + block }
      return " " + scalar(value) + "\n"
    default:
      return " " + scalar(value) + "\n"
    }
  }

  private static func isShortScalar(_ value: JSONValue) -> Bool {
    switch value {
    case .object, .array: false
    case .string(let s): s.unicodeScalars.count <= 60
    default: true
    }
  }

  /// A scalar in flow form: `null`, `true`, `0.7`, `"text"`, `{}`, `[]`.
  static func scalar(_ value: JSONValue) -> String {
    switch value {
    case .null: "null"
    case .bool(let b): b ? "true" : "false"
    case .number(let n): number(n)
    case .string(let s): quoted(s)
    case .object: "{}"
    case .array: "[]"
    }
  }

  /// A number in a spelling that YAML 1.1 and 1.2 read alike (`1e-7` is a string to YAML 1.1, so exponent
  /// forms get a fraction: `1.0e-7`).
  ///
  /// Integers above 2^53 (ECMAScript writes those below 10^21 as plain digits) get an exponent form too: the
  /// loader refuses integer literals beyond 2^53 as inexact, but reads the float spelling back to the same double.
  static func number(_ n: Double) -> String {
    let text = ECMAScriptNumber.format(n)
    if abs(n) > jsonMaxExactInteger, !text.contains("e") {
      let negative = text.hasPrefix("-")
      var digits = Substring(negative ? text.dropFirst() : text[...])
      let exponent = digits.count - 1
      while digits.count > 1 && digits.last == "0" { digits.removeLast() }
      let fraction = digits.count > 1 ? digits.dropFirst() : "0"
      return (negative ? "-" : "") + "\(digits.prefix(1)).\(fraction)e+\(exponent)"
    }
    guard let e = text.firstIndex(of: "e") else { return text }
    let mantissa = text[..<e]
    return mantissa.contains(".") ? text : mantissa + ".0" + text[e...]
  }

  /// A mapping key: plain when it is a simple identifier, else double-quoted.
  package static func key(_ key: String) -> String {
    let simple =
      !key.isEmpty
      && key.utf8.allSatisfy { b in
        (0x61...0x7A).contains(b) || (0x41...0x5A).contains(b) || (0x30...0x39).contains(b) || b == 0x5F || b == 0x2D
      } && key.utf8.first != 0x2D
    return simple ? key : quoted(key)
  }

  /// True for characters YAML allows raw in a document (the `c-printable` set).
  static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0x85, 0xA0...0xD7FF, 0xE000...0xFEFE, 0xFF00...0xFFFD, 0x10000...0x10FFFF: true
    default: false
    }
  }

  /// A double-quoted YAML string that loads back to exactly `s`.
  package static func quoted(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        if isPrintable(scalar) && scalar.value != 0x85 {
          out.unicodeScalars.append(scalar)
        } else {
          let hex = String(scalar.value, radix: 16)
          out +=
            scalar.value <= 0xFFFF
            ? "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            : "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
        }
      }
    }
    return out + "\""
  }

  /// A literal block scalar (`|`, `|-`, `|+`, with an indentation indicator when a line starts with a space),
  /// or nil when the text cannot be written that way exactly.
  static func literalBlock(_ s: String, indent: Int) -> String? {
    guard !s.isEmpty, s.unicodeScalars.allSatisfy({ isPrintable($0) && $0 != "\r" && $0.value != 0x85 }),
      s.unicodeScalars.contains(where: { $0 != "\n" })
    else { return nil }
    var lines = s.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var trailingNewlines = 0
    while lines.count > 1, lines.last == "" {
      lines.removeLast()
      trailingNewlines += 1
    }
    // Lines made only of spaces before the last content line would be read as indentation: not exact.
    if lines.contains(where: { !$0.isEmpty && $0.allSatisfy { $0 == " " } }) { return nil }
    if lines.first?.isEmpty == true && lines.contains(where: { $0.hasPrefix(" ") }) { return nil }
    let chomp = trailingNewlines == 0 ? "-" : trailingNewlines == 1 ? "" : "+"
    let needsIndicator = lines.contains { $0.hasPrefix(" ") || $0.hasPrefix("\t") }
    var out = "|" + (needsIndicator ? "2" : "") + chomp + "\n"
    let pad = String(repeating: " ", count: indent)
    for line in lines { out += line.isEmpty ? "\n" : pad + line + "\n" }
    if trailingNewlines > 1 { out += String(repeating: "\n", count: trailingNewlines - 1) }
    return out
  }
}
