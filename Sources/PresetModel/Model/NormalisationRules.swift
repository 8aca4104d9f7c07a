import PresetCore

#if canImport(Glibc)
  import Glibc
#endif

/// The one place that says how a preset's content becomes a `PresetModel`.
///
/// Other tools recompute these versions, so every rule here is part of the contract and documented in the
/// README ("Normalised model and version"). The same functions normalise the repository side (a compiled
/// request) and the live side (a `designated_version`), which is what makes "in sync" a comparison of hashes.
package enum NormalisationRules {
  /// Top-level request keys the API does not store in a preset's config (they are per-call or carry the prompt).
  package static let transientKeys: Set<String> = [
    "messages", "input", "prompt", "stream", "stream_options", "system", "instructions",
  ]

  /// Values inside `config.provider` that equal the API's defaults and are dropped so explicit and implicit
  /// defaults hash the same. Only these exact values, only directly inside `provider`.
  package static let providerDefaults: [(key: String, value: JSONValue)] = [
    ("allow_fallbacks", .bool(true)),
    ("require_parameters", .bool(false)),
    ("data_collection", .string("allow")),
  ]

  /// Separator used when a prompt is given as several text parts or blocks.
  package static let partSeparator = "\n\n"

  /// Builds the model from a raw config object (a request body or a live config) and a raw system prompt.
  package static func model(config: JSONObject, systemPrompt: String?) -> PresetModel {
    PresetModel(config: normaliseConfig(config), systemPrompt: normalisePrompt(systemPrompt))
  }

  /// C: drop transient top-level keys, then bottom-up drop nulls, provider defaults, and members that are or
  /// became `{}` or `[]`. Array elements are normalised inside but never dropped. The result may be `{}`.
  package static func normaliseConfig(_ request: JSONObject) -> JSONObject {
    var members: [JSONObject.Member] = []
    members.reserveCapacity(request.count)
    for member in request.members where !transientKeys.contains(member.key) {
      var value = normaliseMemberValue(member.value)
      if member.key == "provider", case .object(var provider) = value {
        provider.members.removeAll { m in providerDefaults.contains { $0.key == m.key && $0.value == m.value } }
        value = .object(provider)
      }
      if isDroppable(value) { continue }
      members.append(JSONObject.Member(key: member.key, value: value))
    }
    return JSONObject(members)
  }

  /// S: CRLF and lone CR become LF; an empty string becomes nil; nothing else changes (no trimming).
  package static func normalisePrompt(_ prompt: String?) -> String? {
    guard var text = prompt else { return nil }
    if text.isEmpty { return nil }
    // Most prompts have no CR: a `memchr` over the contiguous UTF-8 decides that without decoding.
    let hasCR =
      text.utf8.withContiguousStorageIfAvailable { bytes in
        bytes.baseAddress.map { memchr($0, 0x0D, bytes.count) != nil } ?? false
      } ?? text.utf8.contains(0x0D)
    if hasCR {
      // On the UTF-8 bytes: CR and LF never occur inside a multi-byte sequence, so the result stays valid.
      var bytes: [UInt8] = []
      bytes.reserveCapacity(text.utf8.count)
      var previousWasCR = false
      for byte in text.utf8 {
        if byte == 0x0D {
          bytes.append(0x0A)
          previousWasCR = true
          continue
        }
        if !(byte == 0x0A && previousWasCR) { bytes.append(byte) }
        previousWasCR = false
      }
      text = String(decoding: bytes, as: UTF8.self)
    }
    return text.isEmpty ? nil : text
  }

  /// Normalises a member value: objects lose null and empty members at every depth, arrays keep every element.
  private static func normaliseMemberValue(_ value: JSONValue) -> JSONValue {
    switch value {
    case .object(let object):
      var members: [JSONObject.Member] = []
      members.reserveCapacity(object.count)
      for member in object.members {
        let inner = normaliseMemberValue(member.value)
        if !isDroppable(inner) { members.append(JSONObject.Member(key: member.key, value: inner)) }
      }
      return .object(JSONObject(members))
    case .array(let elements):
      return .array(elements.map(normaliseMemberValue))
    default:
      return value
    }
  }

  private static func isDroppable(_ value: JSONValue) -> Bool {
    switch value {
    case .null: true
    case .object(let o): o.isEmpty
    case .array(let a): a.isEmpty
    default: false
    }
  }
}
