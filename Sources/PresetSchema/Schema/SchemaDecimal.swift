/// A `multipleOf` divisor, kept as the decimal the schema author wrote.
///
/// Dividing doubles gets `0.0075 / 0.0001 == 75.00000000000001`, so a tolerance would be needed and would admit
/// wrong answers. Instead both numbers are taken as their shortest round-trip decimal (`digits × 10^exponent`,
/// which is what a person wrote in YAML or JSON) and divisibility is decided exactly on integers.
struct SchemaDecimal: Sendable {
  /// The divisor as written.
  package let value: Double
  private let digits: UInt64
  private let exponent: Int

  /// Nil for non-finite or non-positive divisors.
  init?(_ value: Double) {
    guard value.isFinite, value > 0, let parts = Self.decompose(value) else { return nil }
    self.value = value
    digits = parts.digits
    exponent = parts.exponent
  }

  /// True when `number` is an integer multiple of the divisor.
  func divides(_ number: Double) -> Bool {
    if number == 0 { return true }
    guard number.isFinite, let x = Self.decompose(number.magnitude) else { return false }
    let shift = x.exponent - exponent
    // x.digits has no trailing zeros, so it is never divisible by a further power of ten.
    guard shift >= 0 else { return false }
    var remainder = x.digits % digits
    var steps = 0
    while remainder != 0 && steps < shift {
      remainder = (remainder * 10) % digits
      steps += 1
    }
    return remainder == 0
  }

  /// Splits a positive finite double's shortest decimal form into integer digits (no trailing zeros) and a
  /// power of ten.
  static func decompose(_ value: Double) -> (digits: UInt64, exponent: Int)? {
    let text = value.description  // shortest round-trip digits, e.g. "0.0075", "1e-08", "1.5e+300"
    var mantissa = Substring(text)
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      guard let parsed = Int(String(text[text.index(after: e)...].filter { $0 != "+" })) else {
        return nil
      }
      exponent = parsed
      mantissa = text[..<e]
    }
    var digitText = ""
    var seenPoint = false
    for character in mantissa {
      if character == "." {
        seenPoint = true
      } else if character.isASCII, character.isNumber {
        digitText.append(character)
        if seenPoint { exponent -= 1 }
      } else {
        return nil
      }
    }
    while digitText.count > 1, digitText.hasSuffix("0") {
      digitText.removeLast()
      exponent += 1
    }
    while digitText.count > 1, digitText.hasPrefix("0") { digitText.removeFirst() }
    guard let digits = UInt64(digitText), digits > 0 else { return nil }
    return (digits, exponent)
  }
}
