/// Loads YAML files into JSON values with a source position for every node.
///
/// libyaml does the parsing; everything YAML leaves to the application is decided here: YAML 1.2 core
/// schema resolution, refusal of plain values that YAML 1.1 reads differently, duplicate and complex keys,
/// anchors with an expansion budget, `<<` merge keys, and a nesting limit. Every problem becomes a
/// `Diagnostic` with file, line and column; a file yields either all its documents or all the problems found.
package enum YAMLLoader {
  /// Bounds that keep hostile or accidental inputs (huge files, "billion laughs" aliases, deep nesting) cheap.
  package struct Limits: Sendable {
    /// The largest file accepted, in bytes.
    package var maxFileBytes = ByteLimits.sourceFile
    /// The most nodes one file may expand to, counting every alias as the full size of what it repeats.
    package var maxNodes = 1_000_000
    /// The deepest collection nesting accepted, after alias expansion.
    package var maxDepth = 256

    /// The default limits.
    package init() {}
  }

  /// Loads every document of a YAML stream.
  ///
  /// An empty file (or one with only comments) gives no documents; an explicitly empty document such as a
  /// lone `---` gives a document whose value is `.null`. `file` appears verbatim in diagnostics.
  /// - Throws: `DiagnosticError` with every problem found, or at least the first fatal one (syntax error,
  ///   invalid UTF-8, size, depth or expansion budget).
  package static func load(
    _ bytes: [UInt8],
    file: String,
    limits: Limits = Limits()
  ) throws(DiagnosticError) -> [LocatedDocument] {
    guard bytes.count <= limits.maxFileBytes else {
      throw DiagnosticError(
        .error(
          "yaml.too-large",
          "the file has \(bytes.count) bytes, more than the limit of \(limits.maxFileBytes)",
          at: SourceLocation(file: file, line: 1, column: 1),
          hint: "split it into several files"
        )
      )
    }
    // libyaml would decode a UTF-16 file by its byte order mark; presets are UTF-8 only, so say so plainly
    // instead of reporting the mark as a bad UTF-8 byte.
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      throw DiagnosticError(
        .error(
          "yaml.utf16",
          "the file is UTF-16 (it starts with a UTF-16 byte order mark); preset files must be UTF-8",
          at: SourceLocation(file: file, line: 1, column: 1),
          hint: "save the file as UTF-8"
        )
      )
    }
    if let offset = UTF8Validation.firstInvalidOffset(bytes) {
      throw DiagnosticError(
        .error(
          "yaml.invalid-utf8",
          "invalid UTF-8 byte 0x\(String(bytes[offset], radix: 16, uppercase: true)) at byte offset \(offset)",
          at: SourceLocation(file: file, position: position(ofByteOffset: offset, in: bytes)),
          hint: "save the file as UTF-8"
        )
      )
    }
    var builder = YAMLTreeBuilder(file: file, limits: limits)
    if let error = YAMLParser.parse(bytes, into: &builder) {
      builder.diagnostics.append(syntaxDiagnostic(error, file: file))
    }
    guard builder.diagnostics.isEmpty else { throw DiagnosticError(builder.diagnostics) }
    return builder.documents
  }

  /// The line and column of a byte offset, ignoring a leading byte order mark the way libyaml does.
  static func position(ofByteOffset offset: Int, in bytes: [UInt8]) -> SourcePosition {
    var position = UTF8Validation.position(ofOffset: offset, in: bytes)
    let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    if hasBOM && position.line == 1 && offset >= 3 { position.column -= 1 }
    return position
  }

  private static func syntaxDiagnostic(_ error: YAMLSyntaxError, file: String) -> Diagnostic {
    var message = error.problem
    if let context = error.context { message += " (\(context))" }
    var diagnostic = Diagnostic.error("yaml.syntax", message, at: SourceLocation(file: file, position: error.position))
    if let context = error.context, let position = error.contextPosition {
      // libyaml says "while parsing a flow sequence"; the related location is where that construct began.
      var what = Substring(context)
      for prefix in ["while parsing ", "while scanning "] where what.hasPrefix(prefix) {
        what = what.dropFirst(prefix.count)
      }
      diagnostic.related.append(
        Diagnostic.Related(message: "\(what) started here", location: SourceLocation(file: file, position: position))
      )
    }
    return diagnostic
  }
}
