import PresetCore

extension PolicyEngine {
  /// The API defaults a missing provider setting counts as.
  static let providerDefaults: [String: JSONValue] = [
    "allow_fallbacks": true, "require_parameters": false, "data_collection": "allow", "zdr": false,
    "enforce_distillable_text": false,
  ]
  /// Request keys that cap the output length, in every skin.
  static let tokenLimitKeys = ["max_tokens", "max_completion_tokens", "max_output_tokens"]

  /// The violations of one check in one preset.
  static func violations(of check: PolicyRule.Check, rule: PolicyRule, in view: PresetView) -> [Diagnostic] {
    let request = view.request
    func at(_ pointer: JSONPointer, _ message: String, hint: String? = nil) -> Diagnostic {
      violation(
        check, rule: rule, message: message, at: view.location(of: pointer), path: view.path(pointer), hint: hint)
    }
    switch check.kind {
    case .models(let allow, let deny):
      return modelValues(request).compactMap { model, pointer in
        if let pattern = deny.first(where: { $0.matches(model) }) {
          return at(pointer, "model `\(model)` is denied by rule `\(rule.name)` (pattern `!\(pattern.text)`)")
        }
        if !allow.isEmpty, !allow.contains(where: { $0.matches(model) }) {
          let allowed = allow.map { "`\($0.text)`" }.joined(separator: ", ")
          return at(pointer, "model `\(model)` is not allowed by rule `\(rule.name)` (allowed: \(allowed))")
        }
        return nil
      }
    case .requireProvider(let requirements):
      return requirements.compactMap { providerViolation($0, check: check, rule: rule, view: view) }
    case .maxTemperature(let maximum):
      guard case .number(let t)? = request["temperature"], t > maximum else { return [] }
      return [
        at(
          JSONPointer.root.appending("temperature"),
          "temperature \(ECMAScriptNumber.format(t)) is above \(ECMAScriptNumber.format(maximum)), the maximum of rule `\(rule.name)`"
        )
      ]
    case .maxTokens(let maximum):
      return tokenLimitKeys.compactMap { key in
        guard case .number(let n)? = request[key], n > maximum else { return nil }
        return at(
          JSONPointer.root.appending(key),
          "`\(key)` \(ECMAScriptNumber.format(n)) is above \(ECMAScriptNumber.format(maximum)), the maximum of rule `\(rule.name)`"
        )
      }
    case .requireDescription:
      guard view.preset.description?.contains(where: { !$0.isWhitespace }) != true else { return [] }
      let location = SourceLocation(file: view.preset.source.file, line: view.preset.source.line, column: 1)
      return [
        violation(
          check, rule: rule, message: "preset `\(view.preset.slug)` needs a `description` (rule `\(rule.name)`)",
          at: location, path: "/description", hint: "add `description:` with a sentence saying what the preset is for")
      ]
    case .forbidProviders(let forbidden):
      let keys = Set(forbidden.map(providerKey))
      var found: [Diagnostic] = []
      for list in ["order", "only"] {
        guard case .array(let names)? = request["provider"]?[list] else { continue }
        for (i, name) in names.enumerated() {
          guard case .string(let text) = name, keys.contains(providerKey(text)) else { continue }
          found.append(
            at(
              JSONPointer.root.appending("provider").appending(list).appending(i),
              "provider `\(text)` in `provider.\(list)` is forbidden by rule `\(rule.name)`"))
        }
      }
      return found
    }
  }

  /// Every model a request names: `model`, each of `models`, and each `fallbacks[].model` (messages skin).
  static func modelValues(_ request: JSONObject) -> [(String, JSONPointer)] {
    var values: [(String, JSONPointer)] = []
    if case .string(let model)? = request["model"] { values.append((model, JSONPointer.root.appending("model"))) }
    if case .array(let models)? = request["models"] {
      for (i, model) in models.enumerated() {
        if case .string(let text) = model { values.append((text, JSONPointer.root.appending("models").appending(i))) }
      }
    }
    if case .array(let fallbacks)? = request["fallbacks"] {
      for (i, fallback) in fallbacks.enumerated() {
        if case .string(let text)? = fallback["model"] {
          values.append((text, JSONPointer.root.appending("fallbacks").appending(i).appending("model")))
        }
      }
    }
    return values
  }

  /// Provider names compare ignoring case and everything but letters and digits (`Amazon Bedrock` is
  /// `amazon-bedrock`).
  static func providerKey(_ name: String) -> String {
    // ASCII names (all real provider slugs and names): keep lower-cased letters and digits byte by byte, the
    // same result as the Unicode path below at a fraction of its cost (it runs per provider name per preset).
    if name.utf8.allSatisfy({ $0 < 0x80 }) {
      var bytes: [UInt8] = []
      bytes.reserveCapacity(name.utf8.count)
      for byte in name.utf8 {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): bytes.append(byte)
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 32)
        default: continue
        }
      }
      return String(decoding: bytes, as: UTF8.self)
    }
    return String(
      String.UnicodeScalarView(
        name.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }))
  }

  /// A `require_provider` entry the preset does not meet.
  static func providerViolation(
    _ requirement: PolicyRule.ProviderRequirement, check: PolicyRule.Check, rule: PolicyRule, view: PresetView
  ) -> Diagnostic? {
    let providerPointer = JSONPointer.root.appending("provider")
    let pointer = providerPointer.appending(requirement.key)
    let written = view.request["provider"]?[requirement.key]
    // Not `flatMap { $0.isNull ? nil : $0 }`: JSONValue is ExpressibleByNilLiteral, so that `nil` is `.null`
    // and an explicit null would be compared as a value instead of counting as the API default.
    let actual: JSONValue? = written?.isNull == false ? written : Optional.none
    let effective = actual ?? providerDefaults[requirement.key]
    if let effective, effective == requirement.value { return nil }
    let required = PolicyConfigParser.display(requirement.value)
    let setting = "`provider.\(requirement.key)`"
    if let actual {
      return violation(
        check, rule: rule,
        message: "\(setting) is \(PolicyConfigParser.display(actual)) but rule `\(rule.name)` requires \(required)",
        at: view.location(of: pointer), path: view.path(pointer))
    }
    let defaultNote =
      providerDefaults[requirement.key].map { " (the API default is \(PolicyConfigParser.display($0)))" } ?? ""
    // An explicit null sends nothing for the key, so it counts as the API default, like a missing key; it is
    // reported at the null itself, where the fix goes.
    if written?.isNull == true {
      return violation(
        check, rule: rule, message: "\(setting) is null\(defaultNote) but rule `\(rule.name)` requires \(required)",
        at: view.location(of: pointer), path: view.path(pointer),
        hint: "set `\(requirement.key): \(JSONWriter.string(requirement.value, options: .compact))`")
    }
    // A missing key is reported where it should be added: the `provider` mapping, else the preset.
    let location =
      view.node(at: providerPointer).map { SourceLocation(file: $0.file, position: $0.node.keyStart ?? $0.node.start) }
      ?? view.presetLocation
    return violation(
      check, rule: rule, message: "\(setting) is not set\(defaultNote) but rule `\(rule.name)` requires \(required)",
      at: location, path: view.path(pointer),
      hint: "add `\(requirement.key): \(JSONWriter.string(requirement.value, options: .compact))` under `provider`")
  }
}
