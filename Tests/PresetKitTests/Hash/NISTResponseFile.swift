import Foundation

/// A NIST CAVP response (`.rsp`) file: `#` comments, `[L = 32]` headers, and blank-line-separated records of
/// `Name = value` lines (CRLF or LF).
struct NISTResponseFile {
  /// The records in file order, each as its `Name = value` pairs (names kept as written).
  var records: [[String: String]]

  /// Reads and splits a response file.
  init(contentsOf url: URL) throws {
    let text = try String(contentsOf: url, encoding: .utf8)
    self.init(text: text)
  }

  /// Splits response-file text.
  init(text: String) {
    var records: [[String: String]] = []
    var current: [String: String] = [:]
    for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
      let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
      if line.isEmpty {
        if !current.isEmpty { records.append(current) }
        current = [:]
        continue
      }
      if line.hasPrefix("#") || line.hasPrefix("[") { continue }
      guard let equals = line.firstIndex(of: "=") else { continue }
      let name = line[..<equals].trimmingCharacters(in: .whitespaces)
      let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
      current[name] = value
    }
    if !current.isEmpty { records.append(current) }
    self.records = records
  }
}

/// Lowercase hexadecimal text of bytes.
func hexString(_ bytes: [UInt8]) -> String {
  bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
}

/// Bytes from hexadecimal text, or nil when the text has an odd length or a non-hex character.
func bytes(fromHex hex: String) -> [UInt8]? {
  let digits = Array(hex.utf8)
  guard digits.count % 2 == 0 else { return nil }
  func nibble(_ c: UInt8) -> UInt8? {
    switch c {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
    default: nil
    }
  }
  var out: [UInt8] = []
  out.reserveCapacity(digits.count / 2)
  var i = 0
  while i < digits.count {
    guard let high = nibble(digits[i]), let low = nibble(digits[i + 1]) else { return nil }
    out.append(high << 4 | low)
    i += 2
  }
  return out
}
