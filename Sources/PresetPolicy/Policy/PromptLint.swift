import PresetCore
import PresetModel

/// The prompt lints: placeholders, invisible characters, secrets, JSON without a format, prompt length.
enum PromptLint {
  /// Most findings of one lint reported for one preset; the last reported says how many more there are.
  static let maxFindings = 20

  /// All lint findings for one preset.
  static func check(_ view: PresetView, settings: LintSettings) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let prompt = view.preset.model.systemPrompt.map { Array($0.utf8) } ?? []
    let extraction = promptExtraction(view)
    let locator = prompt.isEmpty ? nil : promptLocator(view, pointer: extraction)
    func report(
      _ findings: [PromptScanner.Finding], severity: Diagnostic.Severity, code: String, hint: String? = nil,
      masked: Bool = false, message: (PromptScanner.Finding) -> String
    ) {
      guard let locator else { return }
      for (i, finding) in findings.prefix(maxFindings).enumerated() {
        var text = message(finding)
        if i == maxFindings - 1, findings.count > maxFindings {
          text += " (and \(findings.count - maxFindings) more)"
        }
        let location = locator.location(ofOffset: finding.offset, in: prompt)
        diagnostics.append(
          Diagnostic(
            severity: severity, code: code, message: text, location: location,
            path: extraction.map(view.path) ?? "/system_prompt_file", hint: hint,
            redactions: masked
              ? [redaction(of: finding, at: location, locator: locator, in: prompt, exact: extraction == nil)] : []))
      }
    }
    if let severity = settings.placeholders {
      report(
        PromptScanner.placeholders(prompt), severity: severity, code: "lint.placeholder",
        hint: "fill it in, or set `lint.placeholders: ignore` in presetctl.yaml if the model should see it"
      ) { "unresolved template placeholder `\($0.text)` in the system prompt" }
    }
    if let severity = settings.invisibleCharacters {
      report(PromptScanner.invisibleCharacters(prompt), severity: severity, code: "lint.invisible-character") {
        "invisible or bidirectional-control character in the system prompt: \($0.text)"
      }
    }
    if let severity = settings.secrets {
      report(
        SecretScanner.scan(prompt), severity: severity, code: "lint.secret",
        hint: "remove it and rotate the credential; presets are stored in git and on OpenRouter", masked: true
      ) { "likely secret in the system prompt: \($0.text)" }
      diagnostics += requestSecrets(view, skipping: extraction, severity: severity)
    }
    if let severity = settings.jsonWithoutFormat, let finding = PromptScanner.jsonRequest(prompt),
      let setting = missingStructuredOutput(view)
    {
      report([finding], severity: severity, code: "lint.json-without-format", hint: "set \(setting)") { _ in
        "the system prompt asks for JSON but the request sets no structured output format"
      }
    }
    if let limit = settings.maxPromptTokens, !prompt.isEmpty {
      let estimate = (prompt.count + 3) / 4
      if estimate > limit.limit {
        report(
          [PromptScanner.Finding(offset: 0, length: 0, text: "")], severity: limit.severity, code: "lint.prompt-length"
        ) { _ in
          "the system prompt is about \(estimate) tokens (UTF-8 bytes / 4), over the limit of \(limit.limit)"
        }
      }
    }
    return diagnostics
  }

  /// The pointer (inside the request) of a prompt written in YAML; nil for prompt files and bundle presets.
  static func promptExtraction(_ view: PresetView) -> JSONPointer? {
    guard view.map != nil else { return nil }
    return SystemPromptExtraction.extract(from: view.request, skin: view.preset.skin) { _ in nil }.pointer
  }

  /// Where the prompt's characters were written.
  static func promptLocator(_ view: PresetView, pointer: JSONPointer?) -> TextLocator? {
    guard let origin = view.preset.promptSource else { return nil }
    guard let pointer else {
      let isYAML = origin.file.hasSuffix(".yaml") || origin.file.hasSuffix(".yml")
      return TextLocator(
        isYAML ? .fixed(SourceLocation(file: origin.file, line: origin.line, column: 1)) : .file(origin.file))
    }
    let fallback = TextLocator.Placement.fixed(SourceLocation(file: origin.file, line: origin.line, column: 1))
    switch JSONValue.object(view.request).value(at: pointer) {
    case .string(let text)?:
      return TextLocator(
        view.node(at: pointer).map { TextLocator.placement(of: $0.node, file: $0.file, text: text) } ?? fallback)
    case .array(let parts)?:
      let pieces = parts.enumerated().map { i, part -> (length: Int, placement: TextLocator.Placement) in
        let textPointer = pointer.appending(i).appending("text")
        let text = part["text"]?.stringValue ?? ""
        let placement = view.node(at: textPointer).map { TextLocator.placement(of: $0.node, file: $0.file, text: text) }
        return (text.utf8.count, placement ?? fallback)
      }
      return TextLocator(parts: pieces, separatorLength: NormalisationRules.partSeparator.utf8.count)
    default:
      return TextLocator(fallback)
    }
  }

  /// Secrets in every string of the request outside the prompt, at the string's location.
  static func requestSecrets(_ view: PresetView, skipping prompt: JSONPointer?, severity: Diagnostic.Severity)
    -> [Diagnostic]
  {
    var diagnostics: [Diagnostic] = []
    var components: [JSONPointer.Component] = []
    func walk(_ value: JSONValue) {
      if let prompt, components.starts(with: prompt.components) { return }
      switch value {
      case .string(let text):
        // Most strings are model ids and enum values: scan them in place, copy only a string with a finding.
        var scanned = text
        let findings = scanned.withUTF8 { SecretScanner.scan($0) }
        guard !findings.isEmpty else { return }
        let bytes = Array(text.utf8)
        let pointer = JSONPointer(components: components)
        let locator = view.node(at: pointer).map {
          TextLocator(TextLocator.placement(of: $0.node, file: $0.file, text: text))
        }
        for finding in findings.prefix(maxFindings) {
          let location = locator?.location(ofOffset: finding.offset, in: bytes) ?? view.presetLocation
          diagnostics.append(
            Diagnostic(
              severity: severity, code: "lint.secret", message: "likely secret in the request: \(finding.text)",
              location: location, path: view.path(pointer),
              hint: "remove it and rotate the credential; presets are stored in git and on OpenRouter",
              redactions: [redaction(of: finding, at: location, locator: locator, in: bytes, exact: false)]))
        }
      case .array(let items):
        for (i, item) in items.enumerated() {
          components.append(.index(i))
          walk(item)
          components.removeLast()
        }
      case .object(let object):
        for member in object.members {
          components.append(.key(member.key))
          walk(member.value)
          components.removeLast()
        }
      default:
        break
      }
    }
    walk(.object(view.request))
    return diagnostics
  }

  /// What a snippet under a secret's diagnostic hides. Exact (the secret's columns) only for prompt files, whose
  /// text is the file; in YAML the located column may sit left of the secret (quotes, escapes) and escapes make
  /// the source longer than the text, so the rest of the line from the column is hidden.
  static func redaction(
    of finding: PromptScanner.Finding, at start: SourceLocation, locator: TextLocator?, in bytes: [UInt8], exact: Bool
  ) -> Diagnostic.Redaction {
    if exact, let locator, finding.length > 0 {
      let end = locator.location(ofOffset: finding.offset + finding.length - 1, in: bytes)
      // Secrets are ASCII: one scalar per byte, so an exact mapping spans exactly `length` columns.
      if end.file == start.file, end.line == start.line, end.column - start.column == finding.length - 1 {
        return Diagnostic.Redaction(line: start.line, column: start.column, length: end.column - start.column + 1)
      }
    }
    return Diagnostic.Redaction(line: start.line, column: start.column, length: nil)
  }

  /// The structured-output setting a request lacks (as advice), or nil when it has one.
  /// chat: `response_format` other than `{type: text}`; responses: `text.format` other than `{type: text}`;
  /// messages: `output_config.format`.
  static func missingStructuredOutput(_ view: PresetView) -> String? {
    func isSet(_ value: JSONValue?) -> Bool {
      guard let value, !value.isNull else { return false }
      return value["type"]?.stringValue != "text"
    }
    let request = view.request
    switch view.preset.skin {
    case .chat:
      return isSet(request["response_format"]) ? nil : "`response_format` (e.g. `{type: json_object}` or a JSON schema)"
    case .responses:
      return isSet(request["text"]?["format"]) ? nil : "`text.format` (e.g. `{type: json_object}` or a JSON schema)"
    case .messages:
      return isSet(request["output_config"]?["format"])
        ? nil : "`output_config.format` (`{type: json_schema, schema: …}`)"
    }
  }
}
