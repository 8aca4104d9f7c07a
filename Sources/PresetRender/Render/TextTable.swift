/// A plain left-aligned text table with a bold header, widths measured in Unicode scalars.
package struct TextTable: Sendable {
  /// Column titles.
  package var header: [String]
  /// Rows of cells.
  package var rows: [[String]]

  /// Creates a table.
  package init(header: [String], rows: [[String]]) {
    self.header = header
    self.rows = rows
  }

  /// The table as lines, two spaces between columns, no trailing spaces.
  package func render(style: Style) -> String {
    var widths = header.map(\.unicodeScalars.count)
    for row in rows {
      for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.unicodeScalars.count) }
    }
    func line(_ cells: [String]) -> String {
      var out = ""
      for (i, cell) in cells.enumerated() {
        out += cell
        if i < cells.count - 1 { out += String(repeating: " ", count: widths[i] - cell.unicodeScalars.count + 2) }
      }
      return out
    }
    var out = style.bold(line(header)) + "\n"
    for row in rows { out += line(row) + "\n" }
    return out
  }
}
