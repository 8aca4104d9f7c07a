import PresetCore
import PresetPolicy

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#else
  import Darwin
#endif

/// Renders diagnostics as text with a source snippet and caret, as JSON, as Markdown, or as GitHub annotations.
package struct DiagnosticRenderer: Sendable {
  /// Returns a file's bytes by its diagnostic path, for snippets; nil when unavailable.
  package typealias SourceProvider = @Sendable (String) -> [UInt8]?

  /// ANSI styling for text output.
  package var style: Style
  /// Where snippet text comes from.
  package var sources: SourceProvider

  /// Creates a renderer.
  package init(style: Style = Style(enabled: false), sources: @escaping SourceProvider = { _ in nil }) {
    self.style = style
    self.sources = sources
  }

  /// All diagnostics in one format. Text is consolidated (`DiagnosticGrouping`) and ends with a summary line
  /// that counts every diagnostic; JSON is one document; JSON, GitHub and Markdown keep every diagnostic.
  package func render(_ diagnostics: [Diagnostic], format: OutputFormat) -> String {
    switch format {
    case .text: return text(diagnostics) + summary(diagnostics)
    case .json: return json(diagnostics)
    case .github: return diagnostics.map(github).joined()
    case .markdown: return markdown(diagnostics)
    }
  }

  /// Several diagnostics as text, repeated ones consolidated (`DiagnosticGrouping`), without the count line:
  /// every text path that prints more than one diagnostic goes through here.
  package func text(_ diagnostics: [Diagnostic]) -> String {
    var out = ""
    for item in DiagnosticGrouping.consolidate(diagnostics) {
      switch item {
      case .full(let d): out += text(d)
      case .compact(let d): out += headline(d)
      case .summary(let rest):
        let kind =
          rest.severity == .warning ? style.warning("warning[\(rest.code)]") : style.info("note[\(rest.code)]")
        let files = rest.files == 0 ? "" : " in \(rest.files) file\(rest.files == 1 ? "" : "s")"
        out += "\(kind): … and \(rest.hidden) more like this\(files) (--format json lists every one)\n"
      }
    }
    return out
  }

  /// `file:line:col: error[code]: message`, the source line, a caret, then hint and related notes.
  package func text(_ d: Diagnostic) -> String {
    var out = headline(d)
    if let location = d.location, let fullLine = sourceLine(file: location.file, line: location.line) {
      let masked = Self.masked(fullLine, redactions: d.redactions.filter { $0.line == location.line })
      let (line, caretIndex) = Self.window(masked, column: location.column)
      let number = String(location.line)
      let gutter = String(repeating: " ", count: number.count)
      out += style.dim(" \(number) |") + " \(line)\n"
      var pad = ""
      for (i, scalar) in line.unicodeScalars.enumerated() where i < caretIndex {
        pad.unicodeScalars.append(scalar == "\t" ? "\t" : " ")
      }
      out +=
        style.dim(" \(gutter) |") + " \(pad)" + (d.severity == .error ? style.error("^") : style.warning("^")) + "\n"
    }
    if let hint = d.hint { out += "  " + style.info("hint:") + " \(Self.printable(hint))\n" }
    for related in d.related {
      out +=
        "  " + style.info("note:")
        + " \(Self.printable(related.message)): \(Self.printable(related.location.file)):"
        + "\(related.location.line):\(related.location.column)\n"
    }
    return out
  }

  /// `file:line:col: error[code] [env …]: message`, one line.
  func headline(_ d: Diagnostic) -> String {
    var out = ""
    let label =
      d.severity == .error
      ? style.error("error[\(d.code)]")
      : d.severity == .warning
        ? style.warning("warning[\(d.code)]") : style.info("note[\(d.code)]")
    // Messages quote file content (keys, values, paths) and server text: unsafe scalars are escaped
    // (`SafeText`) so a hostile file or server cannot send escape sequences or bidi controls through a diagnostic.
    if let location = d.location {
      out += style.bold("\(Self.printable(location.file)):\(location.line):\(location.column):") + " "
    }
    let environment = d.environment.map { " " + style.info("[env \(Self.printable($0))]") } ?? ""
    return out + "\(label)\(environment): \(Self.printable(d.message))\n"
  }

  /// The closing count line of text output.
  package func summary(_ diagnostics: [Diagnostic]) -> String {
    let errors = diagnostics.filter { $0.severity == .error }.count
    let warnings = diagnostics.filter { $0.severity == .warning }.count
    guard errors + warnings > 0 else { return "" }
    func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
    return "\(plural(errors, "error")), \(plural(warnings, "warning"))\n"
  }

  /// `{"diagnostics": [{"severity","code","message","file","line","column","path"}]}`.
  package func json(_ diagnostics: [Diagnostic]) -> String {
    let array = diagnostics.map { Self.jsonValue($0) }
    return SafeText.json(JSONWriter.string(.object(JSONObject([.init(key: "diagnostics", value: .array(array))]))))
  }

  /// One diagnostic as JSON; absent location fields are null.
  package static func jsonValue(_ d: Diagnostic) -> JSONValue {
    var object = JSONObject()
    object["severity"] = .string(d.severity.rawValue)
    object["code"] = .string(d.code)
    object["message"] = .string(d.message)
    object["file"] = d.location.map { .string($0.file) } ?? .null
    object["line"] = d.location.map { .number(Double($0.line)) } ?? .null
    object["column"] = d.location.map { .number(Double($0.column)) } ?? .null
    object["path"] = d.path.map(JSONValue.string) ?? .null
    if let hint = d.hint { object["hint"] = .string(hint) }
    if let environment = d.environment { object["environment"] = .string(environment) }
    if !d.related.isEmpty {
      object["related"] = .array(
        d.related.map { r in
          .object(
            JSONObject([
              .init(key: "message", value: .string(r.message)), .init(key: "file", value: .string(r.location.file)),
              .init(key: "line", value: .number(Double(r.location.line))),
              .init(key: "column", value: .number(Double(r.location.column))),
            ]))
        })
    }
    return .object(object)
  }

  /// `::error file=…,line=…,col=…,title=…::message` (GitHub Actions workflow command).
  package func github(_ d: Diagnostic) -> String {
    let command = d.severity == .error ? "error" : d.severity == .warning ? "warning" : "notice"
    var properties: [String] = []
    if let location = d.location {
      properties.append("file=\(SafeText.annotationProperty(location.file))")
      properties.append("line=\(location.line)")
      properties.append("col=\(location.column)")
    }
    properties.append("title=\(SafeText.annotationProperty(d.code))")
    var message = (d.environment.map { "[env \($0)] " } ?? "") + d.message
    if let hint = d.hint { message += " (\(hint))" }
    return "::\(command) \(properties.joined(separator: ","))::\(SafeText.annotation(message))\n"
  }

  /// A Markdown table of findings.
  package func markdown(_ diagnostics: [Diagnostic]) -> String {
    guard !diagnostics.isEmpty else { return "No problems found.\n" }
    var out = "| | location | code | message |\n|---|---|---|---|\n"
    for d in diagnostics {
      let icon = d.severity == .error ? "❌" : d.severity == .warning ? "⚠️" : "ℹ️"
      let location = d.location.map { SafeText.markdownCode("\($0.file):\($0.line):\($0.column)", inTable: true) }
      let message = SafeText.markdownMessage(
        Self.cut((d.environment.map { "[env \($0)] " } ?? "") + d.message + (d.hint.map { " — \($0)" } ?? "")),
        inTable: true)
      out +=
        "| \(icon) | \(location ?? "") | \(SafeText.markdownCode(d.code, inTable: true)) | \(message) |\n"
    }
    return out + "\n" + summary(diagnostics)
  }

  private func sourceLine(file: String, line: Int) -> String? {
    guard line >= 1, let bytes = sources(file) else { return nil }
    // `memchr` from line break to line break: a multi-megabyte file (or one 4 MB line) is found in
    // microseconds, also in a debug build, where an element-by-element loop takes seconds.
    let range = bytes.withUnsafeBufferPointer { buffer -> Range<Int>? in
      guard let base = buffer.baseAddress else { return line == 1 ? 0..<0 : nil }
      var current = 1
      var start = 0
      while true {
        let rest = buffer.count - start
        let found = rest > 0 ? memchr(base + start, 0x0A, rest) : nil
        let end = found.map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? buffer.count
        if current == line { return start..<end }
        guard found != nil else { return nil }
        current += 1
        start = end + 1
      }
    }
    return range.map { Self.clean(bytes[$0]) }
  }

  private static func clean(_ bytes: ArraySlice<UInt8>) -> String {
    var line = String(decoding: bytes, as: UTF8.self)
    if line.hasSuffix("\r") { line.removeLast() }
    return SafeText.snippet(line)
  }

  /// The line with redacted stretches and every likely secret the scanner finds in it replaced by `*`, one
  /// for one (a snippet must not print what `lint.secret` masks in its message, nor a secret under another
  /// finding on the same line).
  static func masked(_ line: String, redactions: [Diagnostic.Redaction]) -> String {
    let bytes = Array(line.utf8)
    let found = SecretScanner.scan(bytes)
    guard !redactions.isEmpty || !found.isEmpty else { return line }
    var hidden: [Range<Int>] = redactions.map { r in
      let start = max(0, r.column - 1)
      return start..<(r.length.map { start + max(0, $0) } ?? Int.max)
    }
    // Scanner offsets are bytes; convert to scalar indices.
    var scalarIndex: [Int] = []
    scalarIndex.reserveCapacity(bytes.count + 1)
    var index = 0
    for byte in bytes {
      if byte & 0xC0 != 0x80 { index += 1 }
      scalarIndex.append(index - 1)
    }
    for finding in found where finding.length > 0 && finding.offset < bytes.count {
      let first = scalarIndex[finding.offset]
      let last = scalarIndex[min(bytes.count, finding.offset + finding.length) - 1]
      hidden.append(first..<(last + 1))
    }
    var out = ""
    for (i, scalar) in line.unicodeScalars.enumerated() {
      out.unicodeScalars.append(hidden.contains { $0.contains(i) } && scalar != "\t" ? "*" : scalar)
    }
    return out
  }

  /// Scalars of a message shown at most: a message quoting a 4 MB value is cut, not printed whole.
  static let messageLimit = 1000

  /// The text on one line, unsafe scalars escaped (`SafeText.terminal`), cut after `limit` scalars.
  static func printable(_ text: String, limit: Int = messageLimit) -> String {
    SafeText.terminal(cut(text, limit: limit))
  }

  /// The text cut after `limit` scalars, with `…` when cut.
  static func cut(_ text: String, limit: Int = messageLimit) -> String {
    guard text.utf8.count > limit && text.unicodeScalars.count > limit else { return text }
    return String(String.UnicodeScalarView(text.unicodeScalars.prefix(limit))) + "…"
  }

  /// Snippet scalars shown at most; a longer line (a minified blob, a 4 MB scalar) is cut around the column.
  static let snippetWidth = 160

  /// The part of a line to show and the caret's index in it.
  static func window(_ line: String, column: Int) -> (text: String, caretIndex: Int) {
    let scalars = Array(line.unicodeScalars.prefix(column + snippetWidth))
    let caret = max(0, column - 1)
    guard scalars.count > snippetWidth || caret >= snippetWidth else { return (line, caret) }
    let start = max(0, min(caret - snippetWidth / 2, scalars.count - snippetWidth))
    let end = min(scalars.count, start + snippetWidth)
    var text = start > 0 ? "…" : ""
    text.unicodeScalars.append(contentsOf: scalars[start..<end])
    if end < line.unicodeScalars.count { text += "…" }
    return (text, caret - start + (start > 0 ? 1 : 0))
  }
}
