import Testing

@testable import PresetKit
@testable import PresetRender

@Suite("TextTable")
struct TextTableTests {
  @Test("left-aligned columns two spaces apart, widths in scalars, no trailing spaces")
  func layout() {
    let table = TextTable(header: ["SLUG", "V"], rows: [["a", "1"], ["ünïcode-long", "22"]])
    #expect(table.render(style: Style(enabled: false)) == "SLUG          V\na             1\nünïcode-long  22\n")
  }

  @Test("the header alone is bold when styled")
  func boldHeader() {
    let out = TextTable(header: ["A", "B"], rows: [["x", "y"]]).render(style: Style(enabled: true))
    #expect(out == "\u{1B}[1mA  B\u{1B}[0m\nx  y\n")
  }
}
