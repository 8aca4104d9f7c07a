/// Plain values that YAML 1.1 and YAML 1.2 read differently. Presets are edited by people and checked by
/// many tools (PyYAML, editors, CI linters still on 1.1), so a value whose meaning depends on the reader is
/// an error with a hint to quote it or to spell it unambiguously.
///
/// Decisions (keys are never checked: a key is always the string of its text):
/// - `y`, `n`, `yes`, `no`, `on`, `off` in any letter case: 1.1 booleans (single `y`/`n` included, the 1.1
///   type repository lists them), 1.2 strings.
/// - `017`, `-09`: a leading zero means octal in 1.1 (or no number at all for `08`), decimal in 1.2. `0`,
///   `0.5` and `00.5` read the same in both and pass.
/// - `0o17`: octal in 1.2, a string in 1.1.
/// - `-0x1F`, `+0x1F`: a signed hexadecimal is a 1.1 integer, a 1.2 string (unsigned `0x1F` agrees).
/// - `0b1010`: binary is 1.1 only.
/// - `1:20`, `190:20:30`, `1:20.5`: base-60 numbers in 1.1, strings in 1.2.
/// - `1_000`, `1_000.5`, `0x_FF`: 1.1 allows `_` digit separators, 1.2 reads strings.
/// - `1e3`, `1.5e3`: 1.2 floats, but 1.1 (and PyYAML) floats need a `.` and a signed exponent, so these are
///   strings there; `1.0e+3` agrees.
/// Not flagged: timestamps such as `2024-01-31` (a 1.1 timestamp, a 1.2 string; in JSON both end up as the
/// same text), `1.2.3` (the 1.1 spec's regular expression would take it, PyYAML does not), `.inf`/`.nan`
/// (rejected anyway as non-finite), and the `=`/`<<` value types.
extension YAMLScalarResolver {
  /// The failure for a plain value that YAML 1.1 reads differently, or nil.
  static func ambiguity(_ b: UnsafeBufferPointer<UInt8>, text: String) -> Failure? {
    let n = b.count
    guard n > 0 else { return nil }
    if n <= 3, isBooleanWord(b) {
      return ambiguous(
        "'\(text)' is a boolean in YAML 1.1 but the string \"\(text)\" in YAML 1.2",
        hint: "quote it (\"\(text)\") for a string, or write true or false for a boolean"
      )
    }
    var i = 0
    if b[0] == UInt8(ascii: "-") || b[0] == UInt8(ascii: "+") { i = 1 }
    guard i < n else { return nil }
    let first = b[i]
    guard isDigit(first) || first == UInt8(ascii: ".") else { return nil }

    if first == UInt8(ascii: "0") && i + 1 < n {
      let second = b[i + 1]
      if isDigit(second) && all(b, from: i + 1, isDigit) {
        return ambiguous(
          "'\(text)' has a leading zero: YAML 1.1 reads it as an octal number, YAML 1.2 as a decimal one",
          hint: "write it without leading zeros for a number, or quote it for a string"
        )
      }
      if second == UInt8(ascii: "o") && i == 0 && classify(b) == .octalInt {
        return ambiguous(
          "'\(text)' is an octal number in YAML 1.2 but a string in YAML 1.1",
          hint: "write the decimal value for a number, or quote it for a string"
        )
      }
      if second == UInt8(ascii: "x") && i == 1 && n > 3 && all(b, from: 3, isHexOrUnderscore) {
        return ambiguous(
          "'\(text)' is a number in YAML 1.1 but a string in YAML 1.2 (a hexadecimal number has no sign there)",
          hint: "write the decimal value for a number, or quote it for a string"
        )
      }
      if second == UInt8(ascii: "b") && n > i + 2
        && all(b, from: i + 2, { $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: "1") || $0 == UInt8(ascii: "_") })
      {
        return ambiguous(
          "'\(text)' is a binary number in YAML 1.1 but a string in YAML 1.2",
          hint: "write the decimal value for a number, or quote it for a string"
        )
      }
    }
    if isSexagesimal(b, from: i) {
      return ambiguous(
        "'\(text)' is a base-60 number in YAML 1.1 but a string in YAML 1.2",
        hint: "quote it (\"\(text)\") to keep it as text"
      )
    }
    if b.contains(UInt8(ascii: "_")) && isNumberWithoutUnderscores(b) {
      return ambiguous(
        "'\(text)' is a number in YAML 1.1 (which allows '_' between digits) but a string in YAML 1.2",
        hint: "write the number without '_', or quote it for a string"
      )
    }
    if classify(b) == .float && isStringInYAML11Float(b) {
      return ambiguous(
        "'\(text)' is a number in YAML 1.2 but a string in YAML 1.1, whose floats need a '.' and a signed exponent",
        hint: "write it like 1.0e+3 for a number, or quote it for a string"
      )
    }
    return nil
  }

  private static func ambiguous(_ message: String, hint: String) -> Failure {
    Failure(code: "yaml.ambiguous-scalar", message: message, hint: hint)
  }

  private static func isHexOrUnderscore(_ c: UInt8) -> Bool {
    isDigit(c) || c == UInt8(ascii: "_") || (c | 0x20 >= UInt8(ascii: "a") && c | 0x20 <= UInt8(ascii: "f"))
  }

  /// `y n yes no on off`, compared without regard to letter case.
  private static func isBooleanWord(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    var lower: UInt32 = 0
    for c in b {
      guard c < 0x80 else { return false }
      lower = lower << 8 | UInt32(c | 0x20)
    }
    switch lower {
    case 0x79, 0x6E, 0x79_6573, 0x6E6F, 0x6F6E, 0x6F_6666: return true  // y n yes no on off
    default: return false
    }
  }

  /// `[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?` from `start`.
  private static func isSexagesimal(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
    let n = b.count
    var i = start
    guard i < n, isDigit(b[i]) else { return false }
    while i < n && (isDigit(b[i]) || b[i] == UInt8(ascii: "_")) { i += 1 }
    var groups = 0
    while i < n && b[i] == UInt8(ascii: ":") {
      i += 1
      let groupStart = i
      while i < n && isDigit(b[i]) && i - groupStart < 2 { i += 1 }
      let length = i - groupStart
      guard length == 1 || (length == 2 && b[groupStart] <= UInt8(ascii: "5")) else { return false }
      groups += 1
    }
    guard groups > 0 else { return false }
    if i < n && b[i] == UInt8(ascii: ".") {
      i += 1
      while i < n && (isDigit(b[i]) || b[i] == UInt8(ascii: "_")) { i += 1 }
    }
    return i == n
  }

  /// True when removing every `_` leaves a core-schema integer or float (the 1.1 reading of `1_000`).
  private static func isNumberWithoutUnderscores(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    var stripped: [UInt8] = []
    stripped.reserveCapacity(b.count)
    for c in b where c != UInt8(ascii: "_") { stripped.append(c) }
    return stripped.withUnsafeBufferPointer { s in
      switch classify(s) {
      case .decimalInt, .hexInt, .float: return true
      default:
        // A signed hexadecimal such as `-0x_1F` is a 1.1 integer too.
        return s.count > 3 && (s[0] == UInt8(ascii: "-") || s[0] == UInt8(ascii: "+"))
          && s[1] == UInt8(ascii: "0") && s[2] == UInt8(ascii: "x") && all(s, from: 3, isHexOrUnderscore)
      }
    }
  }

  /// For text the 1.2 core schema reads as a float: true when it has no `.` or an unsigned exponent.
  private static func isStringInYAML11Float(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    var sawDot = false
    var i = 0
    while i < b.count {
      let c = b[i]
      if c == UInt8(ascii: ".") { sawDot = true }
      if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
        guard i + 1 < b.count else { return true }
        let sign = b[i + 1]
        return !sawDot || (sign != UInt8(ascii: "-") && sign != UInt8(ascii: "+"))
      }
      i += 1
    }
    return false
  }
}
