/// Turns scalar text into a JSON value: the YAML 1.2 core schema for plain scalars, explicit core tags, and
/// the YAML 1.1 look-alikes that we refuse because 1.1 tools (PyYAML, many CI linters) read them differently.
///
/// Works on the UTF-8 bytes of the text with no Foundation and no intermediate strings: this runs once per
/// scalar of every file of a repository.
enum YAMLScalarResolver {
  /// Why a scalar cannot become a value.
  struct Failure: Sendable {
    /// The diagnostic code (`yaml.ambiguous-scalar`, `yaml.invalid-value`, ...).
    var code: String
    /// What is wrong.
    var message: String
    /// How to fix it.
    var hint: String?
  }

  /// The value of a scalar, or why there is none.
  enum Outcome: Sendable {
    case value(JSONValue)
    case failure(Failure)
  }

  /// What the core schema makes of a plain scalar's text.
  enum CoreKind: Equatable {
    case null
    case bool(Bool)
    case decimalInt
    case octalInt
    case hexInt
    case float
    case infinity
    case nan
    case string
  }

  // MARK: - Entry points

  /// Resolves an untagged plain scalar in value position.
  static func resolvePlainValue(_ text: String) -> Outcome {
    withBytes(text) { bytes in
      if let failure = ambiguity(bytes, text: text) { return .failure(failure) }
      return value(of: classify(bytes), bytes: bytes, text: text, tag: nil)
    }
  }

  /// Resolves a scalar of any style carrying an explicit core tag.
  package static func resolve(_ text: String, tag: YAMLCoreTag, written: String) -> Outcome {
    switch tag {
    case .str, .nonSpecific:
      return .value(.string(text))
    case .map, .seq:
      return .failure(
        Failure(
          code: "yaml.invalid-value",
          message: "tag \(YAMLCoreTag.display(written)) cannot be used on a scalar",
          hint: nil
        )
      )
    case .int, .float, .bool, .null:
      return withBytes(text) { bytes in
        let kind = classify(bytes)
        let accepted: Bool
        switch (tag, kind) {
        case (.int, .decimalInt), (.int, .octalInt), (.int, .hexInt): accepted = true
        case (.float, .decimalInt), (.float, .octalInt), (.float, .hexInt), (.float, .float), (.float, .infinity),
          (.float, .nan):
          accepted = true
        case (.bool, .bool): accepted = true
        case (.null, .null): accepted = true
        default: accepted = false
        }
        guard accepted else {
          return .failure(
            Failure(
              code: "yaml.invalid-value",
              message: "'\(text)' is not a valid \(YAMLCoreTag.display(written)) value",
              hint: hint(for: tag)
            )
          )
        }
        return value(of: kind, bytes: bytes, text: text, tag: written)
      }
    }
  }

  private static func hint(for tag: YAMLCoreTag) -> String? {
    switch tag {
    case .int: "write a decimal integer, 0x hexadecimal or 0o octal"
    case .float: "write a number such as 1.5, -2 or 1.0e+3"
    case .bool: "write true or false"
    case .null: "write null, ~ or nothing"
    default: nil
    }
  }

  private static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
    return Array(text.utf8).withUnsafeBufferPointer(body)
  }

  // MARK: - Core schema

  /// Classifies text by the YAML 1.2 core schema regular expressions.
  static func classify(_ b: UnsafeBufferPointer<UInt8>) -> CoreKind {
    let n = b.count
    if n == 0 { return .null }
    switch b[0] {
    case UInt8(ascii: "~"):
      return n == 1 ? .null : .string
    case UInt8(ascii: "n"), UInt8(ascii: "N"):
      return equals(b, "null") || equals(b, "Null") || equals(b, "NULL") ? .null : .string
    case UInt8(ascii: "t"), UInt8(ascii: "T"):
      return equals(b, "true") || equals(b, "True") || equals(b, "TRUE") ? .bool(true) : .string
    case UInt8(ascii: "f"), UInt8(ascii: "F"):
      return equals(b, "false") || equals(b, "False") || equals(b, "FALSE") ? .bool(false) : .string
    default:
      break
    }
    if n > 2 && b[0] == UInt8(ascii: "0") {
      if b[1] == UInt8(ascii: "o") && all(b, from: 2, isOctalDigit) { return .octalInt }
      if b[1] == UInt8(ascii: "x") && all(b, from: 2, isHexDigit) { return .hexInt }
    }
    var i = 0
    if b[0] == UInt8(ascii: "-") || b[0] == UInt8(ascii: "+") { i = 1 }
    if i < n && b[i] == UInt8(ascii: ".") {
      let after = i + 1
      if equals(b, from: after, "inf") || equals(b, from: after, "Inf") || equals(b, from: after, "INF") {
        return .infinity
      }
      if i == 0 && (equals(b, from: 1, "nan") || equals(b, from: 1, "NaN") || equals(b, from: 1, "NAN")) {
        return .nan
      }
    }
    return numberShape(b, from: i)
  }

  /// `[0-9]+` → int; `( \.[0-9]+ | [0-9]+(\.[0-9]*)? )([eE][-+]?[0-9]+)?` → float.
  private static func numberShape(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> CoreKind {
    let n = b.count
    var i = start
    let intStart = i
    while i < n && isDigit(b[i]) { i += 1 }
    let intDigits = i - intStart
    if i == n { return intDigits > 0 ? .decimalInt : .string }
    var fractionDigits = 0
    if b[i] == UInt8(ascii: ".") {
      i += 1
      let fractionStart = i
      while i < n && isDigit(b[i]) { i += 1 }
      fractionDigits = i - fractionStart
    }
    guard intDigits > 0 || fractionDigits > 0 else { return .string }
    if i < n && (b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E")) {
      i += 1
      if i < n && (b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+")) { i += 1 }
      let exponentStart = i
      while i < n && isDigit(b[i]) { i += 1 }
      if i == exponentStart { return .string }
    }
    return i == n ? .float : .string
  }

  /// The JSON value of classified text, or the range / finiteness failure.
  private static func value(
    of kind: CoreKind,
    bytes: UnsafeBufferPointer<UInt8>,
    text: String,
    tag: String?
  ) -> Outcome {
    switch kind {
    case .null: return .value(.null)
    case .bool(let flag): return .value(.bool(flag))
    case .string: return .value(.string(text))
    case .decimalInt, .octalInt, .hexInt:
      guard let number = integer(bytes, kind: kind) else {
        return .failure(
          Failure(
            code: "yaml.integer-range",
            message: "integer \(text) is beyond 2^53 and cannot be kept exactly as a JSON number",
            hint: "quote it to keep it as a string"
          )
        )
      }
      return .value(.number(number))
    case .infinity, .nan:
      return .failure(nonFinite(text, overflow: false))
    case .float:
      // Only strings already matching the core float shape reach the stdlib parser, so its extra spellings
      // (hex floats, `inf`) never apply.
      guard let number = Double(text) else {
        return .failure(Failure(code: "yaml.invalid-value", message: "'\(text)' is not a valid number", hint: nil))
      }
      guard number.isFinite else { return .failure(nonFinite(text, overflow: true)) }
      return .value(.number(number))
    }
  }

  private static func nonFinite(_ text: String, overflow: Bool) -> Failure {
    Failure(
      code: "yaml.non-finite",
      message: overflow
        ? "number \(text) is too large to be a finite JSON number"
        : "\(text) is not a finite number and has no JSON representation",
      hint: "quote it to keep it as a string"
    )
  }

  /// The integer's value when its magnitude is at most 2^53; nil when larger.
  private static func integer(_ b: UnsafeBufferPointer<UInt8>, kind: CoreKind) -> Double? {
    let limit: UInt64 = 1 << 53
    var i = 0
    var negative = false
    let radix: UInt64
    switch kind {
    case .octalInt:
      radix = 8
      i = 2
    case .hexInt:
      radix = 16
      i = 2
    default:
      radix = 10
      if b[0] == UInt8(ascii: "-") || b[0] == UInt8(ascii: "+") {
        negative = b[0] == UInt8(ascii: "-")
        i = 1
      }
    }
    var magnitude: UInt64 = 0
    while i < b.count {
      magnitude = magnitude * radix + UInt64(digitValue(b[i]))
      if magnitude > limit { return nil }
      i += 1
    }
    let value = Double(magnitude)
    return negative && magnitude != 0 ? -value : value
  }

  // MARK: - Byte helpers

  static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

  private static func isOctalDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "7") }

  private static func isHexDigit(_ c: UInt8) -> Bool {
    isDigit(c) || (c | 0x20 >= UInt8(ascii: "a") && c | 0x20 <= UInt8(ascii: "f"))
  }

  private static func digitValue(_ c: UInt8) -> UInt8 {
    isDigit(c) ? c - UInt8(ascii: "0") : (c | 0x20) - UInt8(ascii: "a") + 10
  }

  static func all(_ b: UnsafeBufferPointer<UInt8>, from start: Int, _ predicate: (UInt8) -> Bool) -> Bool {
    var i = start
    while i < b.count {
      if !predicate(b[i]) { return false }
      i += 1
    }
    return true
  }

  /// True when the bytes from `start` to the end equal the ASCII word (no array literal: this runs per scalar).
  static func equals(_ b: UnsafeBufferPointer<UInt8>, from start: Int = 0, _ word: StaticString) -> Bool {
    let count = word.utf8CodeUnitCount
    guard count == b.count - start else { return false }
    let pointer = word.utf8Start
    for k in 0..<count where pointer[k] != b[start + k] {
      return false
    }
    return true
  }
}
