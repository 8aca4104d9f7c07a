import PresetCore

/// Wording helpers for violation messages and hints.
enum SchemaText {
  /// A type name with its article: "a string", "an object", "null".
  static func article(_ typeName: String) -> String {
    switch typeName {
    case "null": "null"
    case "object", "array", "integer": "an \(typeName)"
    default: "a \(typeName)"
    }
  }

  /// "expected a string or null, got a number".
  static func typeMismatch(expected: SchemaTypeSet, actual: JSONValue) -> String {
    typeMismatch(expected: [expected], actual: actual)
  }

  /// The same for several `type`s (one per `anyOf` branch), naming types in the order the branches give them.
  static func typeMismatch(expected sets: [SchemaTypeSet], actual: JSONValue) -> String {
    let expected = sets.reduce(into: SchemaTypeSet()) { $0.formUnion($1) }
    var names: [String] = []
    for set in sets {
      for (type, name) in SchemaTypeSet.named where set.contains(type) && !names.contains(name) { names.append(name) }
    }
    if expected.contains(.number) { names.removeAll { $0 == "integer" } }
    let wanted = names.map(article)
    let list =
      wanted.count <= 1
      ? (wanted.first ?? "nothing") : wanted.dropLast().joined(separator: ", ") + " or " + (wanted.last ?? "")
    let got: String
    if case .number(let n) = actual, expected.contains(.integer), !expected.contains(.number) {
      got = n.isFinite ? "\(number(n))" : "a non-finite number"
    } else {
      got = article(actual.typeName == "integer" ? "number" : actual.typeName)
    }
    return "expected \(list), got \(got)"
  }

  /// A number as people write it: `3`, not `3.0`.
  static func number(_ n: Double) -> String {
    if n.isFinite, n.rounded(.towardZero) == n, n.magnitude < 1e15 { return String(Int64(n)) }
    return n.description
  }

  /// Compact JSON for messages, cut at `limit` characters.
  static func render(_ value: JSONValue, limit: Int = 60) -> String {
    var out = ""
    write(value, into: &out, limit: limit)
    if out.count > limit { out = String(out.prefix(limit - 1)) + "…" }
    return out
  }

  private static func write(_ value: JSONValue, into out: inout String, limit: Int) {
    guard out.count <= limit else { return }
    switch value {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .number(let n): out += number(n)
    case .string(let s): out += quoted(s)
    case .array(let items):
      out += "["
      for (i, item) in items.enumerated() {
        if i > 0 { out += "," }
        write(item, into: &out, limit: limit)
      }
      out += "]"
    case .object(let object):
      out += "{"
      for (i, member) in object.members.enumerated() {
        if i > 0 { out += "," }
        out += quoted(member.key) + ":"
        write(member.value, into: &out, limit: limit)
      }
      out += "}"
    }
  }

  /// A JSON string literal (RFC 8785 escaping, as everywhere else).
  package static func quoted(_ s: String) -> String { JSONWriter.string(.string(s), options: .compact) }

  /// An enum option for a list: plain words stay bare (`price`), anything else is JSON.
  static func option(_ value: JSONValue) -> String {
    if case .string(let s) = value, !s.isEmpty,
      s.unicodeScalars.allSatisfy({
        $0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_./:@".unicodeScalars.contains($0)
      })
    {
      return s
    }
    return render(value, limit: 40)
  }

  /// "price, throughput, latency" (at most `limit` entries, then "… (N more)").
  static func optionList(_ values: [JSONValue], limit: Int = 12) -> String {
    let shown = values.prefix(limit).map(option).joined(separator: ", ")
    return values.count > limit ? shown + ", … (\(values.count - limit) more)" : shown
  }

  /// "`a`, `b`, `c`".
  static func keyList(_ keys: [String]) -> String {
    keys.map { "`\($0)`" }.joined(separator: ", ")
  }

  /// The closest candidate when it is plausibly a typo of `word`.
  static func nearest(_ word: String, in candidates: [String]) -> String? {
    var best: (String, Int)?
    let lowered = word.lowercased()
    for candidate in candidates {
      let distance = editDistance(lowered, candidate.lowercased())
      if distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
    }
    guard let (candidate, distance) = best else { return nil }
    let allowed = max(1, min(3, max(word.count, candidate.count) / 3))
    return distance <= allowed && distance < candidate.count ? candidate : nil
  }

  /// Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), over Unicode scalars.
  static func editDistance(_ a: String, _ b: String) -> Int { DidYouMean.distance(a, b) }
}
