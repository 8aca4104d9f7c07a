/// Formats doubles the way ECMAScript's `Number.prototype.toString` does, as RFC 8785 section 3.2.2.3 requires.
///
/// Built on Swift's `description`, which already yields the shortest digits that round-trip; only the layout
/// (where the point goes, when to switch to exponent form, `e+21` vs `e-7`) is rearranged here.
package enum ECMAScriptNumber {
  /// The ECMAScript string for a finite double; `-0` prints as `0`. Non-finite values have no JSON form and
  /// print as `null`, but loaders never produce them.
  package static func format(_ value: Double) -> String {
    guard value.isFinite else { return "null" }
    if value == 0 { return "0" }
    if value.rounded(.towardZero) == value && abs(value) < 1e15 {
      // Fast path for the common integer case: exact and no exponent form below 1e21.
      return String(Int64(value))
    }
    let negative = value < 0
    let (digits, pointPosition) = decompose(abs(value).description)
    var out = negative ? "-" : ""
    let k = digits.count
    let n = pointPosition
    if k <= n && n <= 21 {
      out += digits
      out += String(repeating: "0", count: n - k)
    } else if 0 < n && n <= 21 {
      let split = digits.index(digits.startIndex, offsetBy: n)
      out += digits[..<split]
      out += "."
      out += digits[split...]
    } else if -6 < n && n <= 0 {
      out += "0."
      out += String(repeating: "0", count: -n)
      out += digits
    } else {
      let exponent = n - 1
      out += String(digits.prefix(1))
      if k > 1 {
        out += "."
        out += digits.dropFirst()
      }
      out += exponent < 0 ? "e-" : "e+"
      out += String(abs(exponent))
    }
    return out
  }

  /// Splits Swift's shortest round-trip text (`"1.5e-07"`, `"123.25"`) into significant digits without
  /// leading or trailing zeros and the position of the decimal point relative to them (value = 0.DIGITS × 10^n).
  private static func decompose(_ text: String) -> (digits: String, pointPosition: Int) {
    var mantissa = Substring(text)
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      mantissa = text[..<e]
      exponent = Int(text[text.index(after: e)...]) ?? 0
    }
    var integerPart = mantissa
    var fractionPart = Substring("")
    if let dot = mantissa.firstIndex(of: ".") {
      integerPart = mantissa[..<dot]
      fractionPart = mantissa[mantissa.index(after: dot)...]
    }
    var digits = String(integerPart) + fractionPart
    var pointPosition = integerPart.count + exponent
    while digits.first == "0" {
      digits.removeFirst()
      pointPosition -= 1
    }
    while digits.last == "0" { digits.removeLast() }
    return (digits.isEmpty ? "0" : digits, pointPosition)
  }
}
