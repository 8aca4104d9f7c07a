import Testing

@testable import PresetCore
@testable import PresetKit
@testable import PresetReconcile
@testable import PresetRender

/// The one neutraliser every renderer uses: each format's escaping, and that safe text passes unchanged.
@Suite struct SafeTextTests {
  /// Every scalar class that must not reach output raw.
  static let hostile = "a\u{1B}[2Jb\rc\nd\te\u{7F}f\u{9B}g\u{202E}h\u{2066}i\u{200E}j\u{061C}k\u{2028}l"

  static func hasUnsafe(_ text: String, allowing: Set<Unicode.Scalar> = []) -> Bool {
    text.unicodeScalars.contains { SafeText.isUnsafe($0) && !allowing.contains($0) }
  }

  @Test func safeTextIsUnchanged() {
    let plain = "openai/gpt-5.4 — “quoted” 👨‍👩‍👧 日本語"
    #expect(SafeText.terminal(plain) == plain)
    #expect(SafeText.terminalLines(plain + "\n\tnext") == plain + "\n\tnext")
    #expect(SafeText.annotation(plain) == plain)
  }

  @Test func terminalEscapesEveryUnsafeScalarVisibly() {
    let out = SafeText.terminal(Self.hostile)
    #expect(!Self.hasUnsafe(out))
    #expect(out == "a\\u{1B}[2Jb\\rc\\nd\\te\\u{7F}f\\u{9B}g\\u{202E}h\\u{2066}i\\u{200E}j\\u{61C}k\\u{2028}l")
    let lines = SafeText.terminalLines(Self.hostile)
    #expect(!Self.hasUnsafe(lines, allowing: ["\n", "\t"]))
    #expect(lines.contains("c\nd\te"))
  }

  @Test func snippetReplacesOneForOne() {
    let out = SafeText.snippet("k: \u{1B}[31m\u{202E}v\tx")
    #expect(out == "k: \u{FFFD}[31m\u{FFFD}v\tx")
    #expect(out.unicodeScalars.count == "k: \u{1B}[31m\u{202E}v\tx".unicodeScalars.count)
  }

  @Test func markdownTextKeepsTableCells() {
    let cell = SafeText.markdownText("a|b\nc`d<img src=x>[link](http://e)&amp;*_#")
    #expect(!cell.contains("\n"))
    // Every `|` is escaped: a table row keeps its column count.
    #expect(MarkdownCheck.cellCount("| x | \(cell) |") == 2)
    #expect(cell.contains("\\<img src=x\\>"))
    #expect(cell.contains("\\[link\\]") && cell.contains("\\&amp;") && cell.contains("\\`"))
    #expect(!Self.hasUnsafe(SafeText.markdownText(Self.hostile)))
  }

  @Test func markdownCodeSurvivesBackticksPipesAndNewlines() {
    #expect(SafeText.markdownCode("plain") == "`plain`")
    #expect(SafeText.markdownCode("a``b") == "```a``b```")
    #expect(SafeText.markdownCode("`x") == "`` `x ``")
    let cell = SafeText.markdownCode("a|b\nc", inTable: true)
    #expect(cell == "`a\\|b\\nc`")
    #expect(MarkdownCheck.cellCount("| \(cell) | y |") == 2)
    #expect(!Self.hasUnsafe(SafeText.markdownCode(Self.hostile)))
  }

  @Test func markdownHTMLEscapesTags() {
    #expect(SafeText.markdownHTML("<b>&\"'</b>") == "&lt;b&gt;&amp;&quot;&#39;&lt;/b&gt;")
    #expect(!Self.hasUnsafe(SafeText.markdownHTML(Self.hostile)))
  }

  @Test func fenceCannotBeClosedFromInside() {
    let body = "+```\n-````\n ``` \n+\u{1B}[2J\u{202E}\n"
    let block = SafeText.markdownFence(body, info: "diff")
    #expect(block.hasPrefix("`````diff\n") && block.hasSuffix("\n`````\n"))
    #expect(MarkdownCheck.fencesAreBalanced(block))
    #expect(!Self.hasUnsafe(block, allowing: ["\n"]))
    #expect(SafeText.markdownFence("x") == "```\nx\n```\n")
  }

  @Test func annotationsStayOnOneLine() {
    let data = SafeText.annotation("50% done\r\nnext\u{1B}[2J\u{202E}")
    #expect(data == "50%25 done%0D%0Anext\\u{1B}[2J\\u{202E}")
    let property = SafeText.annotationProperty("a:b,c\nd%")
    #expect(property == "a%3Ab%2Cc%0Ad%25")
    #expect(!Self.hasUnsafe(SafeText.annotation(Self.hostile)))
  }

  @Test func jsonEscapesBidiAndC1AndStaysEquivalent() throws {
    let value = JSONValue.object(JSONObject([.init(key: "v\u{202E}", value: .string(Self.hostile))]))
    let document = SafeText.json(JSONWriter.string(value))
    #expect(!Self.hasUnsafe(document, allowing: ["\n"]))
    #expect(document.contains("\\u202e") && document.contains("\\u009b") && document.contains("\\u007f"))
    #expect(try JSONParser.parse(Array(document.utf8)) == value)
  }

  @Test func consoleScrubsTheKeyAndItsPieces() {
    let key = "sk-or-v1-test-0123456789abcdef-SECRET"
    let box = OutputBox()
    let console = Console(out: { box.append($0) }, err: { box.append($0) }).scrubbing(APIKey(key))
    console.write("prompt: use \(key) now\n")
    console.error("piece: \(key.suffix(24))\n")
    console.write("\"\(key.prefix(20))\"\n")
    console.write("nothing secret here\n")
    let text = box.text
    #expect(!text.contains(key) && !text.contains(String(key.suffix(24))) && !text.contains(String(key.prefix(20))))
    #expect(text.contains("<redacted>") && text.contains("nothing secret here\n"))
    // Without a key the console passes text through untouched.
    let plain = Console(out: { box.append($0) }, err: { box.append($0) }).scrubbing(nil)
    #expect(plain.scrubbers.isEmpty)
  }

  @Test func snippetsMaskSecretsByRedactionAndByScan() {
    let file = "a: 1\nkey: abcdef0123456789 tail\nuser: sk-or-v1-0123456789abcdef0123\n"
    let renderer = DiagnosticRenderer(sources: { _ in Array(file.utf8) })
    let redacted = Diagnostic(
      code: "lint.secret", message: "likely secret", location: SourceLocation(file: "f.yaml", line: 2, column: 6),
      redactions: [Diagnostic.Redaction(line: 2, column: 6, length: 16)])
    let out = renderer.text(redacted)
    #expect(!out.contains("abcdef0123456789") && out.contains("key: **************** tail"))
    let toEnd = Diagnostic(
      code: "lint.secret", message: "m", location: SourceLocation(file: "f.yaml", line: 2, column: 6),
      redactions: [Diagnostic.Redaction(line: 2, column: 6, length: nil)])
    #expect(renderer.text(toEnd).contains("key: *********************\n"))
    // Another finding on a line holding a secret: the scanner masks it in the snippet too.
    let other = Diagnostic.error("schema.type", "wrong", at: SourceLocation(file: "f.yaml", line: 3, column: 1))
    #expect(!renderer.text(other).contains("sk-or-v1-0123456789abcdef0123"))
  }
}
