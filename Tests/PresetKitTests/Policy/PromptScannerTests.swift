import Testing

@testable import PresetKit
@testable import PresetPolicy
@testable import PresetReconcile

/// The byte-level scanners on their own: edge cases that are awkward to build as repositories.
@Suite struct PromptScannerTests {
  private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

  @Test func byteSearchFindsNeedlesAnywhere() {
    let hay = bytes("abc{{")
    hay.withUnsafeBufferPointer { b in
      #expect(ByteSearch.contains(bytes("{{"), in: b))
      #expect(ByteSearch.contains(bytes("abc{{"), in: b))
      #expect(!ByteSearch.contains(bytes("abc{{x"), in: b))
      #expect(!ByteSearch.contains(bytes("c{x"), in: b))
      #expect(ByteSearch.containsAny(of: [0x7B], in: b))
      #expect(!ByteSearch.containsAny(of: [0x80, 0x7D], in: b))
    }
    [UInt8]().withUnsafeBufferPointer { #expect(!ByteSearch.contains(bytes("a"), in: $0)) }
  }

  @Test func placeholderEdgeCases() {
    #expect(PromptScanner.placeholders(bytes("{{unclosed\n}}")).isEmpty)
    #expect(PromptScanner.placeholders(bytes("${}")).isEmpty)
    #expect(PromptScanner.placeholders(bytes("{{")).isEmpty)
    #expect(PromptScanner.placeholders(bytes("${a} {{ b.c }}")).map(\.text) == ["${a}", "{{ b.c }}"])
    #expect(PromptScanner.placeholders(bytes("{{" + String(repeating: "a", count: 300) + "}}")).isEmpty)
  }

  @Test func invisibleRunsAndEmojiJoiners() {
    let found = PromptScanner.invisibleCharacters(bytes("a\u{200B}\u{200C}b\u{2066}"))
    #expect(found.map(\.offset) == [1, 8])
    #expect(found.map(\.text) == ["2 characters, U+200B ZERO WIDTH SPACE", "U+2066 LEFT-TO-RIGHT ISOLATE"])
    // A joiner between letters is reported; between emoji it is part of the sequence.
    #expect(PromptScanner.invisibleCharacters(bytes("a\u{200D}b")).count == 1)
    #expect(PromptScanner.invisibleCharacters(bytes("🏳️\u{200D}🌈")).isEmpty)
    #expect(PromptScanner.invisibleCharacters(bytes("café – naïve ü")).isEmpty)
  }

  /// The ASCII skip reads eight bytes at a time: a finding at every offset around those words, after ASCII
  /// runs of every length, is still found at its byte offset, and runs still join only when adjacent.
  @Test func invisibleCharactersAtEveryOffsetAroundTheWordSkip() {
    for prefix in 0..<20 {
      for gap in [0, 1, 7, 8, 9] {
        let text =
          String(repeating: "a", count: prefix) + "\u{200B}" + String(repeating: "b", count: gap) + "\u{202E}—z"
        let found = PromptScanner.invisibleCharacters(bytes(text))
        if gap == 0 {
          #expect(found.map(\.offset) == [prefix], "prefix \(prefix)")
          #expect(found.first?.length == 6)
        } else {
          #expect(found.map(\.offset) == [prefix, prefix + 3 + gap], "prefix \(prefix) gap \(gap)")
        }
      }
    }
    #expect(PromptScanner.invisibleCharacters(bytes(String(repeating: "x", count: 17) + "🏳️\u{200D}🌈")).isEmpty)
    #expect(PromptScanner.invisibleCharacters(bytes(String(repeating: "x", count: 17) + "\u{200D}🌈")).count == 1)
  }

  @Test func secretShapesAndBoundaries() {
    func kinds(_ text: String) -> [String] { SecretScanner.scan(bytes(text)).map(\.text) }
    #expect(kinds("x sk-ant-api03-abcdefghij0123456789") == ["API key (`sk-…`)"])
    #expect(kinds("ask-ant-api03-abcdefghij0123456789").isEmpty)
    #expect(kinds("AKIAIOSFODNN7EXAMPLEX").isEmpty)
    #expect(kinds("github_pat_11ABCDEFG0123456789abcdef") == ["GitHub token (`github_pat_…`)"])
    #expect(kinds("-----BEGIN PRIVATE KEY-----") == ["PEM private key (`-----BEGIN …`)"])
    #expect(kinds("-----BEGIN OPENSSH PRIVATE KEY-----") == ["PEM private key (`-----BEGIN …`)"])
    #expect(kinds("-----BEGIN CERTIFICATE-----").isEmpty)
    #expect(kinds("xoxb-short").isEmpty)
  }

  @Test func jsonNeedsAnOutputWordNearby() {
    #expect(PromptScanner.jsonRequest(bytes("Format: json")) != nil)
    #expect(PromptScanner.jsonRequest(bytes("Return a JSONL file")) == nil)
    #expect(PromptScanner.jsonRequest(bytes("reply " + String(repeating: ".", count: 100) + " JSON")) == nil)
    #expect(PromptScanner.jsonRequest(bytes("Answer as Json."))?.offset == 10)
  }

  /// The class: a prompt that merely mentions JSON near an output-ish word. Only instructions to answer in JSON
  /// count; statements about JSON, negated instructions and JSON in another sentence do not.
  @Test func jsonOnlyWhenTheAnswerMustBeJSON() {
    let instructions = [
      "Respond in JSON.", "Always respond in JSON with keys a and b.", "Answer as a JSON object.",
      "Reply with valid JSON.", "Return JSON only.", "Return a JSON array of tags.", "Output JSON.",
      "Output format: JSON", "Format: json", "JSON only, no prose.", "Use JSON-only output.",
      "Your response must be valid JSON.", "Your output should be a single JSON object.",
      "Give me the answer as JSON.", "Please format your reply as strict JSON.", "Only JSON.",
      "Reply in “JSON”, please.", "Respond **in JSON**.", "Make sure the result is well-formed JSON.",
      "Responses are JSON objects.",
    ]
    for text in instructions {
      #expect(PromptScanner.jsonRequest(bytes(text)) != nil, "\(text)")
    }
    let statements = [
      "JSON is a data format.", "The user may paste JSON; summarise it in plain English.",
      "Answer questions about JSON Schema.", "Never respond in JSON.", "Do not return JSON.",
      "Don't answer in JSON, answer in prose.", "Don’t reply in JSON.", "Parse the JSON the user sends.",
      "We keep notes as JSON internally; be polite.", "Respond politely. JSON inputs may be large.",
      "The response from the API is JSON encoded; explain it.", "Respond in English.\nJSON appears in logs.",
      "Explain the data format JSON to beginners.", "Treat it as JSON and explain the fields.",
      "Return a JSONL file",
    ]
    for text in statements {
      #expect(PromptScanner.jsonRequest(bytes(text)) == nil, "\(text)")
    }
    // The first instruction is reported, not the first mention.
    #expect(PromptScanner.jsonRequest(bytes("JSON is a format. Respond in JSON."))?.offset == 29)
  }
}
