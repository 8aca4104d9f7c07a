import PresetCore
import PresetSchema

/// One prompt lint silenced for a preset, with the reason a reviewer reads: the `suppress` key of a preset file
/// or a `_defaults.yaml`.
///
/// Rule (README "Suppressing a lint"): `suppress: [{code: lint.placeholder, reason: "…"}]`. Only the prompt
/// lints in `suppressibleCodes` can be suppressed; policy rules (`policy.*`) belong to the organisation and
/// `lint.secret` means a credential to remove, so suppressing them, an unknown code, a missing or empty reason,
/// or one code twice in one list are errors. Suppressions inherit down the folder tree like defaults, merged by
/// code (the deeper file's reason wins, the preset's own over all). They are not part of the request, so they
/// never change the normalised model or the version.
package struct LintSuppression: Sendable, Equatable, Hashable {
  /// The lint code silenced (`lint.placeholder`).
  package var code: String
  /// Why this preset may keep what the lint finds.
  package var reason: String
  /// Where the suppression was written (its `code` value).
  package var location: SourceLocation

  /// Creates a suppression.
  package init(code: String, reason: String, location: SourceLocation) {
    self.code = code
    self.reason = reason
    self.location = location
  }

  /// The top-level key in preset files and `_defaults.yaml`.
  package static let key = "suppress"

  /// The lint codes a preset may suppress.
  package static let suppressibleCodes = SchemaDerivation.suppressibleLintCodes

  /// The keys of one suppression.
  static let itemKeys = ["code", "reason"]

  /// The `suppress` entries of a document's top-level mapping (none when absent) and whether any entry had a
  /// problem (reported with `codePrefix`).
  static func read(from top: JSONObject, map: SourceMap, codePrefix: String, diagnostics: inout [Diagnostic]) -> (
    suppressions: [LintSuppression], failed: Bool
  ) {
    guard let value = top[key] else { return ([], false) }
    let before = diagnostics.count
    let found = parse(
      value, at: JSONPointer.root.appending(key), map: map, codePrefix: codePrefix, diagnostics: &diagnostics)
    return (merge([], found), diagnostics.count > before)
  }

  /// The suppressions written at `pointer` (the `suppress` value) of a document; problems are reported with
  /// `codePrefix` (`preset` or `defaults`) and the entries with problems are left out.
  static func parse(
    _ value: JSONValue, at pointer: JSONPointer, map: SourceMap, codePrefix: String, diagnostics: inout [Diagnostic]
  ) -> [LintSuppression] {
    let code = codePrefix + ".suppress"
    func fail(_ message: String, _ at: JSONPointer, atKey: Bool = false, hint: String? = nil) {
      let location = atKey ? map.keyLocation(of: at) : map.location(of: at)
      diagnostics.append(.error(code, message, at: location, path: at.description, hint: hint))
    }
    guard case .array(let items) = value else {
      fail("`suppress` must be a list of `{code, reason}` mappings, got \(value.typeName)", pointer)
      return []
    }
    var found: [LintSuppression] = []
    for (index, item) in items.enumerated() {
      let itemPointer = pointer.appending(index)
      guard case .object(let object) = item else {
        fail("a `suppress` entry must be a mapping `{code: lint.…, reason: …}`, got \(item.typeName)", itemPointer)
        continue
      }
      var usable = true
      for member in object.members where !itemKeys.contains(member.key) {
        usable = false
        fail(
          "unknown key `\(member.key)` in a `suppress` entry (allowed: code, reason)",
          itemPointer.appending(member.key), atKey: true,
          hint: DidYouMean.suggestion(for: member.key, among: itemKeys).map { "did you mean `\($0)`?" })
      }
      guard case .string(let lint)? = object["code"] else {
        fail("a `suppress` entry needs `code`, the lint to silence (one of: \(listed))", itemPointer)
        continue
      }
      let codePointer = itemPointer.appending("code")
      if let problem = refusal(of: lint) {
        fail(
          problem.message, codePointer,
          hint: problem.hint
            ?? DidYouMean.suggestion(for: lint, among: suppressibleCodes).map { "did you mean `\($0)`?" }
        )
        usable = false
      }
      let reason = object["reason"]?.stringValue ?? ""
      if reason.allSatisfy(\.isWhitespace) {
        fail(
          "suppressing `\(lint)` needs a non-empty `reason`: why this preset may keep what the lint finds (reviewers read it)",
          object["reason"] == nil ? itemPointer : itemPointer.appending("reason"))
        usable = false
      }
      if found.contains(where: { $0.code == lint }) {
        fail("`\(lint)` is suppressed twice in this list; keep one entry", codePointer)
        usable = false
      }
      if usable { found.append(LintSuppression(code: lint, reason: reason, location: map.location(of: codePointer))) }
    }
    return found
  }

  private static var listed: String { suppressibleCodes.joined(separator: ", ") }

  /// Why `code` cannot be suppressed, or nil when it can.
  private static func refusal(of code: String) -> (message: String, hint: String?)? {
    if suppressibleCodes.contains(code) { return nil }
    if code.hasPrefix("policy.") {
      return (
        "`\(code)` cannot be suppressed in a preset: policy rules are the organisation's, set in presetctl.yaml",
        "change the rule's `files`, `slugs` or `severity` in presetctl.yaml"
      )
    }
    if code == "lint.secret" {
      return (
        "`lint.secret` cannot be suppressed in a preset: a credential in a preset reaches git and OpenRouter",
        "remove the credential; for a false positive everywhere, set `lint.secrets: ignore` in presetctl.yaml"
      )
    }
    return ("`\(code)` is not a lint a preset can suppress (suppressible: \(listed))", nil)
  }

  /// `inherited` (shallower files) with `own` over it, by code; sorted by code.
  static func merge(_ inherited: [LintSuppression], _ own: [LintSuppression]) -> [LintSuppression] {
    guard !inherited.isEmpty else { return own.sorted { $0.code < $1.code } }
    var byCode: [String: LintSuppression] = [:]
    for suppression in inherited + own { byCode[suppression.code] = suppression }
    return byCode.values.sorted { $0.code < $1.code }
  }

  /// `diagnostics` without the findings `suppressions` silence.
  package static func apply(_ suppressions: [LintSuppression], to diagnostics: [Diagnostic]) -> [Diagnostic] {
    guard !suppressions.isEmpty else { return diagnostics }
    let codes = Set(suppressions.map(\.code))
    return diagnostics.filter { !codes.contains($0.code) }
  }

  /// `{"code", "reason", "file", "line"}`.
  package static func jsonValue(_ s: LintSuppression) -> JSONValue {
    .object(
      JSONObject([
        .init(key: "code", value: .string(s.code)), .init(key: "reason", value: .string(s.reason)),
        .init(key: "file", value: .string(s.location.file)),
        .init(key: "line", value: .number(Double(s.location.line))),
      ]))
  }
}
