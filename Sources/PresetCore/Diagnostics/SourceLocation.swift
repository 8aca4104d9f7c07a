/// A 1-based line and column inside one source file.
///
/// Columns count Unicode scalars from the start of the line, the way libyaml reports them, so a caret
/// printed under a source line lands on the right character for ASCII and most non-ASCII text.
package struct SourcePosition: Sendable, Hashable, Comparable, Codable {
  /// 1-based line number.
  package var line: Int
  /// 1-based column number.
  package var column: Int

  /// Creates a position; both values are 1-based.
  package init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  package static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
    (lhs.line, lhs.column) < (rhs.line, rhs.column)
  }
}

/// A position inside a named file: what every diagnostic points at.
package struct SourceLocation: Sendable, Hashable, Comparable, Codable {
  /// The file path, relative to the repository root where one is known.
  package var file: String
  /// 1-based line number.
  package var line: Int
  /// 1-based column number.
  package var column: Int

  /// Creates a location; line and column are 1-based.
  package init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// Creates a location from a file and a position inside it.
  package init(file: String, position: SourcePosition) {
    self.init(file: file, line: position.line, column: position.column)
  }

  /// The position part, without the file.
  package var position: SourcePosition { SourcePosition(line: line, column: column) }

  package static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
  }
}
