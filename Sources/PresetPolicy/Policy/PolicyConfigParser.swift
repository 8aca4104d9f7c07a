import Foundation
import PresetCore
import PresetSchema

/// Reads the `policy` section of `presetctl.yaml` into compiled rules, collecting `config.policy` diagnostics.
struct PolicyConfigParser {
  /// Keys a rule may have (besides `x-*`).
  static let ruleKeys = [
    "name", "severity", "files", "slugs", "models", "require_provider", "max_temperature", "max_tokens",
    "require_description", "forbid_providers",
  ]
  /// Keys `require_provider` may name: the members of OpenRouter's `ProviderPreferences`.
  static let providerKeys = [
    "allow_fallbacks", "require_parameters", "data_collection", "zdr", "enforce_distillable_text", "quantizations",
    "sort", "order", "only", "ignore", "max_price", "preferred_max_latency", "preferred_min_throughput",
  ]
  /// Provider keys whose value must be a boolean.
  static let booleanProviderKeys: Set<String> = [
    "allow_fallbacks", "require_parameters", "zdr", "enforce_distillable_text",
  ]

  /// The source map of `presetctl.yaml`.
  let map: SourceMap
  /// Problems found so far.
  var diagnostics: [Diagnostic] = []

  init(map: SourceMap) { self.map = map }

  mutating func fail(
    _ message: String, at pointer: JSONPointer, atKey: Bool = false, severity: Diagnostic.Severity = .error,
    hint: String? = nil, related: [Diagnostic.Related] = []
  ) {
    diagnostics.append(
      Diagnostic(
        severity: severity, code: "config.policy", message: message,
        location: atKey ? map.keyLocation(of: pointer) : map.location(of: pointer), path: pointer.description,
        related: related, hint: hint))
  }

  /// Reports keys of `object` outside `known` (and not `x-*`), with a did-you-mean hint.
  mutating func checkKeys(_ object: JSONObject, known: [String], at pointer: JSONPointer, what: String) {
    for key in object.keys where !key.hasPrefix("x-") && !known.contains(key) {
      fail(
        "unknown key `\(key)` in \(what) (allowed: \(known.joined(separator: ", ")))", at: pointer.appending(key),
        atKey: true, hint: DidYouMean.suggestion(for: key, among: known).map { "did you mean `\($0)`?" })
    }
  }

  /// The `policy` section: a mapping with a `rules` list.
  mutating func policy(_ value: JSONValue, at pointer: JSONPointer) -> [PolicyRule] {
    if value.isNull { return [] }
    guard case .object(let object) = value else {
      fail("`policy` must be a mapping with a `rules` list, got \(value.typeName)", at: pointer)
      return []
    }
    checkKeys(object, known: ["rules"], at: pointer, what: "`policy`")
    let rulesPointer = pointer.appending("rules")
    switch object["rules"] {
    case nil, .null?: return []
    case .array(let items)?:
      var rules: [PolicyRule] = []
      var names: [String: SourceLocation] = [:]
      for (i, item) in items.enumerated() {
        guard let rule = rule(item, at: rulesPointer.appending(i)) else { continue }
        if let first = names[rule.name] {
          fail(
            "duplicate rule name `\(rule.name)`; rule names must be unique", at: rulesPointer.appending(i),
            related: [.init(message: "first declared here", location: first)])
          continue
        }
        names[rule.name] = rule.location
        rules.append(rule)
      }
      return rules
    case let other?:
      fail("`policy.rules` must be a list of rules, got \(other.typeName)", at: rulesPointer)
      return []
    }
  }

  /// One rule; nil when it cannot be used (no name, not a mapping).
  mutating func rule(_ value: JSONValue, at pointer: JSONPointer) -> PolicyRule? {
    guard case .object(let object) = value else {
      fail("a policy rule must be a mapping with a `name`, got \(value.typeName)", at: pointer)
      return nil
    }
    checkKeys(object, known: Self.ruleKeys, at: pointer, what: "a policy rule")
    guard case .string(let name)? = object["name"], !name.trimmingCharacters(in: .whitespaces).isEmpty else {
      fail(
        object["name"] == nil ? "a policy rule needs a `name`" : "a rule's `name` must be a non-empty string",
        at: object["name"] == nil ? pointer : pointer.appending("name"))
      return nil
    }
    var rule = PolicyRule(name: name, location: map.location(of: pointer))
    switch object["severity"] {
    case nil, .null?: break
    case .string("error")?: rule.severity = .error
    case .string("warning")?: rule.severity = .warning
    case let other?:
      fail(
        "`severity` of rule `\(name)` must be `error` or `warning`, got \(Self.display(other))",
        at: pointer.appending("severity"))
    }
    var before = diagnostics.count
    rule.files = patterns(object["files"], at: pointer.appending("files"), syntax: .path).map { normalisedPath($0) }
    let filesLost = diagnostics.count > before && rule.files.isEmpty
    before = diagnostics.count
    rule.slugs = patterns(object["slugs"], at: pointer.appending("slugs"), syntax: .name)
    let slugsLost = diagnostics.count > before && rule.slugs.isEmpty
    for member in object.members {
      let at = pointer.appending(member.key)
      if let kind = checkKind(member.key, member.value, at: at, rule: name) {
        rule.checks.append(PolicyRule.Check(kind: kind, declared: map.keyLocation(of: at)))
      }
    }
    let checkKeys = Self.ruleKeys.filter { !["name", "severity", "files", "slugs"].contains($0) }
    let unknownKeys = object.keys.contains { !$0.hasPrefix("x-") && !Self.ruleKeys.contains($0) }
    if rule.checks.isEmpty, !unknownKeys, !object.keys.contains(where: { checkKeys.contains($0) }) {
      fail(
        "rule `\(name)` checks nothing (give it one of: \(checkKeys.joined(separator: ", ")))", at: pointer,
        severity: .warning)
    }
    // An empty scope means "every preset": a malformed scope left with no usable pattern must not widen the
    // rule to presets it was never meant for, so such a rule is left out (after all its errors are reported).
    if filesLost || slugsLost {
      let key = filesLost ? "files" : "slugs"
      fail(
        "rule `\(name)` is left out: its `\(key)` scope has no usable pattern", at: pointer.appending(key),
        severity: .warning)
      return nil
    }
    return rule
  }

  /// The check a rule key declares; nil for scope keys, and (with a diagnostic) for malformed values.
  mutating func checkKind(_ key: String, _ value: JSONValue, at pointer: JSONPointer, rule: String)
    -> PolicyRule.Kind?
  {
    switch key {
    case "models":
      let all = patterns(value, at: pointer, syntax: .name, ignoresCase: true, allowNegation: true)
      guard !all.isEmpty else { return nil }
      return .models(allow: all.filter { !$0.negated }.map(\.pattern), deny: all.filter(\.negated).map(\.pattern))
    case "require_provider":
      return requireProvider(value, at: pointer)
    case "max_temperature":
      guard case .number(let n) = value, n >= 0 else {
        fail("`max_temperature` must be a number of 0 or more, got \(Self.display(value))", at: pointer)
        return nil
      }
      return .maxTemperature(n)
    case "max_tokens":
      guard case .number(let n) = value, n >= 1, n.rounded() == n else {
        fail("`max_tokens` must be a positive integer, got \(Self.display(value))", at: pointer)
        return nil
      }
      return .maxTokens(n)
    case "require_description":
      guard case .bool(let required) = value else {
        fail("`require_description` must be true or false, got \(Self.display(value))", at: pointer)
        return nil
      }
      return required ? .requireDescription : nil
    case "forbid_providers":
      let names = strings(value, at: pointer)
      return names.isEmpty ? nil : .forbidProviders(names)
    default:
      return nil
    }
  }

  mutating func requireProvider(_ value: JSONValue, at pointer: JSONPointer) -> PolicyRule.Kind? {
    guard case .object(let object) = value, !object.isEmpty else {
      fail(
        "`require_provider` must be a non-empty mapping of provider settings (e.g. `{data_collection: deny}`)",
        at: pointer)
      return nil
    }
    checkKeys(object, known: Self.providerKeys, at: pointer, what: "`require_provider`")
    var requirements: [PolicyRule.ProviderRequirement] = []
    for member in object.members where Self.providerKeys.contains(member.key) {
      let at = pointer.appending(member.key)
      if Self.booleanProviderKeys.contains(member.key), member.value.boolValue == nil {
        fail("`\(member.key)` must be true or false, got \(Self.display(member.value))", at: at)
        continue
      }
      if member.key == "data_collection", member.value != "allow", member.value != "deny" {
        fail("`data_collection` must be `allow` or `deny`, got \(Self.display(member.value))", at: at)
        continue
      }
      requirements.append(PolicyRule.ProviderRequirement(key: member.key, value: member.value))
    }
    return requirements.isEmpty ? nil : .requireProvider(requirements)
  }

  /// A list of strings (a single string counts as a list of one); bad entries are reported and skipped.
  mutating func strings(_ value: JSONValue?, at pointer: JSONPointer) -> [String] {
    located(value, at: pointer).map(\.text)
  }

  /// Like `strings`, with each string's pointer.
  mutating func located(_ value: JSONValue?, at pointer: JSONPointer) -> [(text: String, pointer: JSONPointer)] {
    switch value {
    case nil, .null?: return []
    case .string(let s)?:
      if s.isEmpty { fail("an empty string is not allowed here", at: pointer) }
      return s.isEmpty ? [] : [(s, pointer)]
    case .array(let items)?:
      var result: [(text: String, pointer: JSONPointer)] = []
      for (i, item) in items.enumerated() {
        guard case .string(let s) = item, !s.isEmpty else {
          fail("expected a non-empty string, got \(Self.display(item))", at: pointer.appending(i))
          continue
        }
        result.append((s, pointer.appending(i)))
      }
      return result
    case let other?:
      fail("expected a list of strings, got \(other.typeName)", at: pointer)
      return []
    }
  }

  /// Compiled glob patterns; a leading `!` (only where `allowNegation`) marks a deny pattern.
  mutating func patterns(
    _ value: JSONValue?, at pointer: JSONPointer, syntax: GlobPattern.Syntax, ignoresCase: Bool = false,
    allowNegation: Bool
  ) -> [(pattern: GlobPattern, negated: Bool)] {
    var result: [(pattern: GlobPattern, negated: Bool)] = []
    for (text, at) in located(value, at: pointer) {
      let negated = text.hasPrefix("!")
      if negated && !allowNegation {
        fail("`!` (deny) patterns are only supported in `models`; list the allowed ones instead", at: at)
        continue
      }
      let body = negated ? String(text.dropFirst()) : text
      guard !body.isEmpty else {
        fail("`!` must be followed by a pattern", at: at)
        continue
      }
      result.append((GlobPattern(body, syntax: syntax, ignoresCase: ignoresCase), negated))
    }
    return result
  }

  mutating func patterns(_ value: JSONValue?, at pointer: JSONPointer, syntax: GlobPattern.Syntax) -> [GlobPattern] {
    patterns(value, at: pointer, syntax: syntax, allowNegation: false).map(\.pattern)
  }

  /// File patterns are relative to the repository root; a leading `./` or `/` is dropped.
  func normalisedPath(_ pattern: GlobPattern) -> GlobPattern {
    var text = Substring(pattern.text)
    while text.hasPrefix("./") { text = text.dropFirst(2) }
    while text.hasPrefix("/") { text = text.dropFirst() }
    return text.count == pattern.text.count ? pattern : GlobPattern(String(text), syntax: .path)
  }

  /// A value as it reads in a message: strings and numbers bare, everything else as compact JSON.
  static func display(_ value: JSONValue) -> String {
    switch value {
    case .string(let s): "`\(s)`"
    case .number(let n): ECMAScriptNumber.format(n)
    case .bool(let b): b ? "true" : "false"
    case .null: "null"
    default: JSONWriter.string(value, options: .compact)
    }
  }
}
