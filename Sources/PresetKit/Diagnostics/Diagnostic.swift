/// One finding about the user's input: the single diagnostic model used by every stage
/// (YAML loading, schema validation, compilation, planning) and every output format.
package struct Diagnostic: Sendable, Hashable {
  /// How serious a finding is; only errors make a command fail.
  package enum Severity: String, Sendable, Hashable, Codable, Comparable {
    case error
    case warning
    case note

    private var rank: Int {
      switch self {
      case .error: 0
      case .warning: 1
      case .note: 2
      }
    }

    package static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
  }

  /// A secondary location that helps explain the finding (for example the first occurrence of a duplicate key).
  package struct Related: Sendable, Hashable {
    /// What this location is.
    package var message: String
    /// Where it is.
    package var location: SourceLocation

    /// Creates a related location.
    package init(message: String, location: SourceLocation) {
      self.message = message
      self.location = location
    }
  }

  /// A stretch of a source line that snippets must not show (a secret found there), in the diagnostic's file.
  package struct Redaction: Sendable, Hashable {
    /// 1-based line.
    package var line: Int
    /// 1-based column (Unicode scalars) of the first hidden character.
    package var column: Int
    /// Scalars hidden; nil hides the rest of the line (when the exact end in the source is not known).
    package var length: Int?

    /// Creates a redaction.
    package init(line: Int, column: Int, length: Int?) {
      self.line = line
      self.column = column
      self.length = length
    }
  }

  /// Error, warning or note.
  package var severity: Severity
  /// A stable, dotted code such as `yaml.duplicate-key` or `schema.type`; scripts may match on it.
  package var code: String
  /// One sentence a person can act on.
  package var message: String
  /// Where the problem was written, when it has a place in a file.
  package var location: SourceLocation?
  /// The JSON pointer of the offending value inside the document (RFC 6901), when there is one.
  package var path: String?
  /// Other places that explain the finding.
  package var related: [Related]
  /// An optional suggestion ("quote the value", "did you mean ...").
  package var hint: String?
  /// Parts of source lines the text renderer masks in snippets (set by `lint.secret`).
  package var redactions: [Redaction]
  /// The environments whose compilation produced the finding (`staging`, or `staging, production` when
  /// several did), when it does not occur in every environment compiled; nil otherwise.
  package var environment: String?

  /// Creates a diagnostic.
  package init(
    severity: Severity = .error,
    code: String,
    message: String,
    location: SourceLocation? = nil,
    path: String? = nil,
    related: [Related] = [],
    hint: String? = nil,
    redactions: [Redaction] = [],
    environment: String? = nil
  ) {
    self.severity = severity
    self.code = code
    self.message = message
    self.location = location
    self.path = path
    self.related = related
    self.hint = hint
    self.redactions = redactions
    self.environment = environment
  }

  /// Shorthand for an error diagnostic.
  package static func error(
    _ code: String,
    _ message: String,
    at location: SourceLocation? = nil,
    path: String? = nil,
    hint: String? = nil
  ) -> Diagnostic {
    Diagnostic(severity: .error, code: code, message: message, location: location, path: path, hint: hint)
  }

  /// Shorthand for a warning diagnostic.
  package static func warning(
    _ code: String,
    _ message: String,
    at location: SourceLocation? = nil,
    path: String? = nil,
    hint: String? = nil
  ) -> Diagnostic {
    Diagnostic(severity: .warning, code: code, message: message, location: location, path: path, hint: hint)
  }
}

extension Diagnostic {
  /// The order every report uses: by file, then position, then severity and code, so output is deterministic.
  package static func sortedForReport(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    diagnostics.sorted { lhs, rhs in
      let l = lhs.location ?? SourceLocation(file: "", line: 0, column: 0)
      let r = rhs.location ?? SourceLocation(file: "", line: 0, column: 0)
      if l != r { return l < r }
      if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
      if lhs.code != rhs.code { return lhs.code < rhs.code }
      return lhs.message < rhs.message
    }
  }
}

/// An error that carries one or more diagnostics; thrown by stages that stop at the first fatal problem
/// of a file (a YAML syntax error, say) while still reporting it with a location.
package struct DiagnosticError: Error, Sendable {
  /// The findings, at least one of them an error.
  package var diagnostics: [Diagnostic]

  /// Wraps several diagnostics.
  package init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

  /// Wraps one diagnostic.
  package init(_ diagnostic: Diagnostic) { self.diagnostics = [diagnostic] }
}
