import Testing

@testable import PresetKit
@testable import PresetRender

@Suite("DiffText")
struct DiffTextTests {
  static let diff = "--- live\n+++ file\n@@ -1 +1 @@\n-old\u{1B}[2J\n+new\n context\n"

  @Test("headers bold, hunks info, +/- lines coloured; nothing but presetctl's own escapes")
  func styled() {
    let out = DiffText.terminal(Self.diff, style: Style(enabled: true))
    let lines = out.split(separator: "\n").map(String.init)
    #expect(lines[0] == "\u{1B}[1m--- live\u{1B}[0m")
    #expect(lines[2] == "\u{1B}[36m@@ -1 +1 @@\u{1B}[0m")
    #expect(lines[4] == "\u{1B}[32m+new\u{1B}[0m")
    #expect(lines[5] == " context")
    #expect(lines[3].hasPrefix("\u{1B}[31m-old") && !lines[3].contains("\u{1B}[2J"))
  }

  @Test("empty stays empty; unstyled output is the neutralised diff")
  func plain() {
    #expect(DiffText.terminal("", style: Style(enabled: true)).isEmpty)
    let out = DiffText.terminal(Self.diff, style: Style(enabled: false))
    #expect(out.hasPrefix("--- live\n+++ file\n@@ -1 +1 @@\n-old"))
    #expect(!out.contains("\u{1B}"))
  }
}
