extension PromptScanner {
  /// Words that make a `JSON` after them an instruction about the answer: verbs (`respond`, `return`, …), and
  /// the nouns that name the answer (`your response must be JSON`), and `format` (`Output format: JSON`).
  static let answerWords: Set<String> = [
    "respond", "response", "responses", "answer", "answers", "reply", "replies", "return", "output", "outputs",
    "result", "results", "write", "produce", "give", "emit", "generate", "print", "provide", "format", "formatted",
    "send",
  ]

  /// Words allowed between an answer word and `JSON` (`respond only in valid JSON`, `return a JSON object`,
  /// `your output should be a JSON array`): articles, pronouns, adverbs, prepositions, adjectives of JSON.
  static let linkWords: Set<String> = [
    "a", "an", "the", "your", "my", "me", "us", "them", "it", "this", "that", "all", "each", "every", "final",
    "whole", "entire", "only", "always", "strictly", "exclusively", "just", "please", "valid", "strict", "raw",
    "pure", "plain", "proper", "minified", "compact", "single", "well", "formed", "pretty", "printed",
    "structured", "machine", "readable", "parseable", "parsable", "in", "as", "with", "using", "into", "via",
    "must", "should", "will", "shall", "be", "is", "are", "back",
  ]

  /// Words that, just before the answer word, turn the instruction around (`never respond in JSON`).
  static let negations: Set<String> = ["not", "never", "no", "without", "dont", "don't", "t", "cannot", "can't"]

  /// Most words walked back from `JSON` to its answer word.
  static let maxLinkWords = 8

  /// The first `JSON` (as a word, any case) that is part of an instruction to answer in JSON, or nil.
  ///
  /// Rule (README "Prompt lint"): within one sentence (`.`, `!`, `?`, `;` and line breaks end one), `JSON` is
  /// an instruction when it is preceded by `valid` or `only`, followed by `only` (`JSON only`, `JSON-only`), or
  /// reached from an answer word (`respond`, `answer`, `reply`, `return`, `output`, `format:`, `your response`,
  /// …) over at most `maxLinkWords` link words (`in`, `as`, `with`, `a`, `valid`, `be`, …), unless the answer
  /// word follows a negation (`not`, `never`, `don't`). "JSON is a data format" or "the user may paste JSON"
  /// are not instructions.
  static func jsonRequest(_ bytes: [UInt8]) -> Finding? { bytes.withUnsafeBufferPointer { jsonRequest($0) } }

  static func jsonRequest(_ b: UnsafeBufferPointer<UInt8>) -> Finding? {
    guard ByteSearch.containsAny(of: [0x4A, 0x6A], in: b) else { return nil }
    let n = b.count
    var i = 0
    while i + 4 <= n {
      defer { i += 1 }
      // `| 0x20` lower-cases ASCII letters; the first byte filters almost every position.
      guard b[i] | 0x20 == 0x6A, b[i + 1] | 0x20 == 0x73, b[i + 2] | 0x20 == 0x6F, b[i + 3] | 0x20 == 0x6E,
        i == 0 || !isWordByte(b[i - 1]), i + 4 == n || !isWordByte(b[i + 4])
      else { continue }
      if isInstruction(jsonAt: i, in: b) {
        return Finding(offset: i, length: 4, text: String(decoding: b[i..<i + 4], as: UTF8.self))
      }
    }
    return nil
  }

  /// One token of the sentence around a `JSON`: a word (lower-cased) or a colon.
  private enum Token: Equatable {
    case word(String)
    case colon
  }

  private static func isInstruction(jsonAt start: Int, in b: UnsafeBufferPointer<UInt8>) -> Bool {
    if let next = token(after: start + 4, in: b)?.token, next == .word("only") { return true }
    var end = start
    var walked = 0
    var previous: Token?
    while walked <= maxLinkWords, let (token, tokenStart) = token(before: end, in: b) {
      defer {
        end = tokenStart
        walked += 1
        previous = token
      }
      if walked == 0, token == .word("valid") || token == .word("only") { return true }
      guard case .word(let word) = token else { continue }
      if answerWords.contains(word) && !(word == "format" && previous == nil) {
        guard let before = self.token(before: tokenStart, in: b)?.token, case .word(let w) = before else { return true }
        return !negations.contains(w)
      }
      if !linkWords.contains(word) { return false }
    }
    return false
  }

  /// The token ending at or before `end`, with its start; nil at a sentence break or the start of the text.
  private static func token(before end: Int, in b: UnsafeBufferPointer<UInt8>) -> (token: Token, start: Int)? {
    var i = end
    while i > 0 {
      let byte = b[i - 1]
      if isTokenByte(byte) && !isTypographicSeparator(endingAt: i - 1, in: b) {
        var start = i - 1
        while start > 0, isTokenByte(b[start - 1]), !isTypographicSeparator(endingAt: start - 1, in: b) { start -= 1 }
        return (.word(lowered(b[start..<i])), start)
      }
      if byte == UInt8(ascii: ":") { return (.colon, i - 1) }
      if isTypographicSeparator(endingAt: i - 1, in: b) {
        i -= 3
        continue
      }
      guard isSkipped(byte) else { return nil }
      i -= 1
    }
    return nil
  }

  /// The token starting at or after `start`; nil at a sentence break or the end of the text.
  private static func token(after start: Int, in b: UnsafeBufferPointer<UInt8>) -> (token: Token, end: Int)? {
    var i = start
    while i < b.count {
      if isWordByte(b[i]) {
        var end = i + 1
        while end < b.count, isWordByte(b[end]) { end += 1 }
        return (.word(lowered(b[i..<end])), end)
      }
      guard isSkipped(b[i]) else { return nil }
      i += 1
    }
    return nil
  }

  /// Letters, digits, `_`, `'` and non-ASCII bytes (so `don't` and `café` stay one word).
  private static func isTokenByte(_ byte: UInt8) -> Bool { isWordByte(byte) || byte == 0x27 || byte >= 0x80 }

  /// Bytes between words inside one sentence: spaces, tabs, commas, hyphens, quotes, emphasis, brackets.
  private static func isSkipped(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x20, 0x09, 0x2C, 0x2D, 0x22, 0x2A, 0x60, 0x28, 0x29: true
    default: false
    }
  }

  /// True when the 3 bytes ending at `last` are a curly quote or a dash (U+2013/U+2014, U+2018–U+201D), which
  /// separate words like their ASCII counterparts.
  private static func isTypographicSeparator(endingAt last: Int, in b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard last >= 2, b[last - 2] == 0xE2, b[last - 1] == 0x80 else { return false }
    return (0x93...0x94).contains(b[last]) || (0x98...0x9D).contains(b[last])
  }

  private static func lowered(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
    String(decoding: bytes.map(lower), as: UTF8.self)
  }
}
