/// Finds likely credentials in text by their well-known shapes, without regular expressions.
///
/// Shapes (each must start at a word boundary; see the README, "Policy and prompt lint"):
/// - `sk-or-v1-` + 16 or more letters/digits: an OpenRouter API key;
/// - `sk-` + 20 or more of `[A-Za-z0-9_-]` including a digit: an API key (OpenAI, Anthropic `sk-ant-`, …);
/// - `AKIA` + 16 of `[0-9A-Z]`, not followed by a letter or digit: an AWS access key ID;
/// - `ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_` + 30 or more letters/digits, or `github_pat_` + 20 or more: a GitHub token;
/// - `xoxb-`, `xoxp-`, `xoxa-`, `xoxr-`, `xoxs-` + 10 or more of `[A-Za-z0-9-]`: a Slack token;
/// - `-----BEGIN … PRIVATE KEY-----`: a PEM private key.
/// Findings show only the shape's prefix (`sk-or-v1-…`), never the secret itself.
package enum SecretScanner {
  /// The bytes a secret's body may contain.
  private enum Body: Sendable {
    case alnum, key, upperOrDigit, slack, pat

    func contains(_ c: UInt8) -> Bool {
      switch self {
      case .alnum: SecretScanner.alnum(c)
      case .key: SecretScanner.keyByte(c)
      case .upperOrDigit: (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A)
      case .slack: SecretScanner.alnum(c) || c == UInt8(ascii: "-")
      case .pat: SecretScanner.alnum(c) || c == UInt8(ascii: "_")
      }
    }
  }

  private struct Shape: Sendable {
    var prefix: [UInt8]
    var kind: String
    var minimum: Int
    var maximum: Int?
    var body: Body
    var needsDigit = false
  }

  private static func alnum(_ c: UInt8) -> Bool {
    (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
  }
  private static func keyByte(_ c: UInt8) -> Bool { alnum(c) || c == UInt8(ascii: "_") || c == UInt8(ascii: "-") }

  /// Most specific first: the first shape that matches at a position wins.
  private static let shapes: [Shape] =
    [
      Shape(prefix: Array("sk-or-v1-".utf8), kind: "OpenRouter API key", minimum: 16, body: .alnum),
      Shape(prefix: Array("sk-".utf8), kind: "API key", minimum: 20, body: .key, needsDigit: true),
      Shape(prefix: Array("AKIA".utf8), kind: "AWS access key ID", minimum: 16, maximum: 16, body: .upperOrDigit),
      Shape(prefix: Array("github_pat_".utf8), kind: "GitHub token", minimum: 20, body: .pat),
    ]
    + ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"].map {
      Shape(prefix: Array($0.utf8), kind: "GitHub token", minimum: 30, body: .alnum)
    }
    + ["xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-"].map {
      Shape(prefix: Array($0.utf8), kind: "Slack token", minimum: 10, body: .slack)
    }

  /// Every shape contains one of these; a text without any has no secret.
  private static let markers: [[UInt8]] = ["sk-", "AKIA", "gh", "github_pat_", "xox", "-----BEGIN "].map {
    Array($0.utf8)
  }

  private static let pemStart = Array("-----BEGIN ".utf8)
  private static let pemEnd = Array("PRIVATE KEY-----".utf8)

  /// Every likely secret in `b`, in order.
  package static func scan(_ bytes: [UInt8]) -> [PromptScanner.Finding] { bytes.withUnsafeBufferPointer { scan($0) } }

  /// Every likely secret in `b`, in order.
  package static func scan(_ b: UnsafeBufferPointer<UInt8>) -> [PromptScanner.Finding] {
    guard markers.contains(where: { ByteSearch.contains($0, in: b) }) else { return [] }
    var found: [PromptScanner.Finding] = []
    let n = b.count
    // Local constants: the first bytes of every shape, checked before anything else.
    let (s, a, g, x, dash): (UInt8, UInt8, UInt8, UInt8, UInt8) = (0x73, 0x41, 0x67, 0x78, 0x2D)
    var i = 0
    scanning: while i < n {
      let c = b[i]
      guard c == s || c == a || c == g || c == x || c == dash else {
        i += 1
        continue
      }
      if c == dash, let length = pem(b, at: i) {
        found.append(PromptScanner.Finding(offset: i, length: length, text: "PEM private key (`-----BEGIN …`)"))
        i += length
        continue
      }
      if i > 0, keyByte(b[i - 1]) {
        i += 1
        continue
      }
      for shape in shapes where starts(b, at: i, with: shape.prefix) {
        var j = i + shape.prefix.count
        var digit = false
        while j < n, shape.body.contains(b[j]) {
          if b[j] >= 0x30 && b[j] <= 0x39 { digit = true }
          j += 1
        }
        let count = j - i - shape.prefix.count
        guard count >= shape.minimum, shape.maximum.map({ count <= $0 }) ?? true, !shape.needsDigit || digit,
          j == n || !alnum(b[j])
        else { continue }
        let prefix = String(decoding: shape.prefix, as: UTF8.self)
        found.append(PromptScanner.Finding(offset: i, length: j - i, text: "\(shape.kind) (`\(prefix)…`)"))
        i = j
        continue scanning
      }
      i += 1
    }
    return found
  }

  private static func starts(_ b: UnsafeBufferPointer<UInt8>, at i: Int, with prefix: [UInt8]) -> Bool {
    guard i + prefix.count <= b.count else { return false }
    for k in 0..<prefix.count where b[i + k] != prefix[k] { return false }
    return true
  }

  /// The length of a `-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----` header at `i`.
  private static func pem(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
    guard starts(b, at: i, with: pemStart) else { return nil }
    var j = i + pemStart.count
    let limit = min(b.count, j + 40)
    while j <= limit {
      if starts(b, at: j, with: pemEnd) { return j + pemEnd.count - i }
      guard j < b.count, (b[j] >= 0x41 && b[j] <= 0x5A) || b[j] == UInt8(ascii: " ") else { return nil }
      j += 1
    }
    return nil
  }
}
