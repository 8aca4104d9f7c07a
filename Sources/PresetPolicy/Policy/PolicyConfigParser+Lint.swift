import PresetCore

extension PolicyConfigParser {
  /// Keys of the `lint` section (besides `x-*`).
  static let lintKeys = [
    "placeholders", "invisible_characters", "secrets", "json_without_format", "max_prompt_tokens", "catalogue",
    "ignored_messages",
  ]

  /// The `lint` section; unset lints keep their defaults.
  mutating func lint(_ value: JSONValue, at pointer: JSONPointer) -> LintSettings {
    var settings = LintSettings()
    if value.isNull { return settings }
    guard case .object(let object) = value else {
      fail("`lint` must be a mapping of lint names to severities, got \(value.typeName)", at: pointer)
      return settings
    }
    checkKeys(object, known: Self.lintKeys, at: pointer, what: "`lint`")
    for member in object.members {
      let at = pointer.appending(member.key)
      switch member.key {
      case "placeholders":
        settings.placeholders = severity(member.value, default: .warning, at: at) ?? settings.placeholders
      case "invisible_characters":
        settings.invisibleCharacters =
          severity(member.value, default: .warning, at: at) ?? settings.invisibleCharacters
      case "secrets":
        settings.secrets = severity(member.value, default: .error, at: at) ?? settings.secrets
      case "json_without_format":
        settings.jsonWithoutFormat = severity(member.value, default: .warning, at: at) ?? settings.jsonWithoutFormat
      case "max_prompt_tokens":
        settings.maxPromptTokens = promptLimit(member.value, at: at)
      case "catalogue":
        settings.catalogue = catalogueSettings(member.value, at: at)
      case "ignored_messages":
        if member.value == .string("summary") || member.value == .bool(true) {
          settings.ignoredMessages = .summary
        } else {
          switch severity(member.value, default: .warning, at: at) {
          case .some(.some(.error)): settings.ignoredMessages = .error
          case .some(.some): settings.ignoredMessages = .warning
          case .some(.none): settings.ignoredMessages = .ignore
          case .none: break
          }
        }
      default:
        break
      }
    }
    return settings
  }

  /// A lint severity: `error`, `warning`, `ignore` (or `"off"`, `false`, null) for off, `true` for the default.
  /// Returns nil (after a diagnostic) when malformed, `.some(nil)` for off.
  mutating func severity(
    _ value: JSONValue, default fallback: Diagnostic.Severity, at pointer: JSONPointer
  ) -> Diagnostic.Severity?? {
    switch value {
    case .string("error"): return .some(.error)
    case .string("warning"): return .some(.warning)
    case .string("ignore"), .string("off"), .bool(false), .null: return .some(nil)
    case .bool(true): return .some(fallback)
    default:
      fail(
        "a lint setting must be `error`, `warning` or `ignore` (or true/false), got \(Self.display(value))", at: pointer
      )
      return nil
    }
  }

  /// `max_prompt_tokens`: a number (a warning above it), `{limit, severity}`, or off.
  mutating func promptLimit(_ value: JSONValue, at pointer: JSONPointer) -> LintSettings.PromptLimit? {
    func limit(_ value: JSONValue?, at pointer: JSONPointer) -> Int? {
      guard case .number(let n)? = value, n >= 1, n.rounded() == n, n < 1e15 else {
        fail(
          "the prompt token limit must be a positive integer, got \(value.map(Self.display) ?? "nothing")", at: pointer)
        return nil
      }
      return Int(n)
    }
    switch value {
    case .null, .bool(false), .string("ignore"), .string("off"): return nil
    case .number: return limit(value, at: pointer).map { LintSettings.PromptLimit(limit: $0) }
    case .object(let object):
      checkKeys(object, known: ["limit", "severity"], at: pointer, what: "`max_prompt_tokens`")
      guard let n = limit(object["limit"], at: object["limit"] == nil ? pointer : pointer.appending("limit")) else {
        return nil
      }
      var result = LintSettings.PromptLimit(limit: n)
      if let given = object["severity"] {
        switch severity(given, default: .warning, at: pointer.appending("severity")) {
        case .some(.some(let s)): result.severity = s
        case .some(.none): return nil
        case .none: break
        }
      }
      return result
    default:
      fail(
        "`max_prompt_tokens` must be a number or `{limit: N, severity: warning|error}`, got \(Self.display(value))",
        at: pointer)
      return nil
    }
  }
}
