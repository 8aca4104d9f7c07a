/// Removes an API key from text that may have come from a server (which can echo the key back).
package struct KeyScrubber {
  /// Tokens at least this long that occur inside the key are treated as a piece of it.
  package static let minimumPiece = 8

  package let secret: String

  /// A scrubber for `secret`.
  package init(secret: String) { self.secret = secret }

  package func scrub(_ text: String) -> String {
    guard !secret.isEmpty else { return text }
    var result = text.replacingOccurrences(of: secret, with: "<redacted>")
    guard secret.count >= Self.minimumPiece else { return result }
    // Check each token (split at whitespace, quotes, brackets, and punctuation the key itself does not use)
    // for being a sizeable fragment of the key.
    let separators = Set("\"'`,;()[]{}<>").union(Set(".:!?/=&").subtracting(Set(secret)))
    var output = ""
    var token = ""
    func flush() {
      if token.count >= Self.minimumPiece && secret.contains(token) {
        output += "<redacted>"
      } else {
        output += token
      }
      token = ""
    }
    for character in result {
      if character.isWhitespace || separators.contains(character) {
        flush()
        output.append(character)
      } else {
        token.append(character)
      }
    }
    flush()
    result = output
    return result
  }
}
