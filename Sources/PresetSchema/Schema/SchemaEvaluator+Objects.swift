import PresetCore

extension SchemaEvaluator {
  /// Object keywords; `value` is `.object(object)`.
  mutating func checkObject(
    _ keyword: SchemaKeyword, in node: Int, _ object: JSONObject, _ value: JSONValue, _ marks: inout EvaluatedMarks
  ) -> Bool {
    switch keyword.kind {
    case .members(let members):
      return checkMembers(members, object, &marks)
    case .propertyNames(let names):
      return checkPropertyNames(names, keyword, object)
    case .required(let keys):
      var valid = true
      for key in keys where object.index(of: key) == nil {
        valid = false
        guard collect else { return false }
        report(
          "schema.required", "missing required key `\(key)`", at: keyword.path,
          hint: Self.misspelling(of: key, in: object))
      }
      return valid
    case .dependentRequired(let dependencies):
      var valid = true
      for dependency in dependencies where object.index(of: dependency.key) != nil {
        for key in dependency.payload where object.index(of: key) == nil {
          valid = false
          guard collect else { return false }
          report(
            "schema.dependent-required", "missing key `\(key)`, required when `\(dependency.key)` is present",
            at: keyword.path)
        }
      }
      return valid
    case .dependentSchemas(let dependencies):
      var valid = true
      for dependency in dependencies where object.index(of: dependency.key) != nil {
        if !evaluateInPlace(dependency.payload, value, into: &marks, mergeOnFailure: true) {
          valid = false
          if !collect { return false }
        }
      }
      return valid
    case .minProperties(let limit):
      guard object.count >= limit else {
        report(
          "schema.min-properties", "must have at least \(Self.keys(limit)) (got \(object.count))", at: keyword.path)
        return false
      }
      return true
    case .maxProperties(let limit):
      guard object.count <= limit else {
        report("schema.max-properties", "must have at most \(Self.keys(limit)) (got \(object.count))", at: keyword.path)
        return false
      }
      return true
    case .unevaluatedProperties(let rest):
      return checkUnevaluatedProperties(rest, keyword, in: node, object, &marks)
    default:
      return true
    }
  }

  /// "is `modle` a misspelling of `model`?" when the object has a key close to a missing one.
  private static func misspelling(of key: String, in object: JSONObject) -> String? {
    let present = object.keys
    guard let near = present.first(where: { SchemaText.nearest($0, in: [key]) != nil }) else { return nil }
    return "is `\(near)` a misspelling of `\(key)`?"
  }

  private static func keys(_ n: Int) -> String { n == 1 ? "1 key" : "\(n) keys" }

  private mutating func checkMembers(
    _ members: SchemaMembers, _ object: JSONObject, _ marks: inout EvaluatedMarks
  ) -> Bool {
    var valid = true
    for (position, member) in object.members.enumerated() {
      var matched = false
      if let node = members.property(member.key) {
        matched = true
        if tracking { marks.insert(position) }
        if !checkMember(node, member, position) {
          valid = false
          if !collect { return false }
        }
      }
      for pattern in members.patterns where pattern.regex.matches(member.key) {
        matched = true
        if tracking { marks.insert(position) }
        if !checkMember(pattern.node, member, position) {
          valid = false
          if !collect { return false }
        }
      }
      guard !matched, let additional = members.additional else { continue }
      if tracking { marks.insert(position) }
      if program.nodes[additional].isFalse {
        valid = false
        guard collect else { return false }
        reportUnknownKey(
          member.key, position, object, allowed: members.properties.map(\.key), at: members.additionalPath)
      } else if !checkMember(additional, member, position) {
        valid = false
        if !collect { return false }
      }
    }
    return valid
  }

  /// A member against a subschema; a `false` subschema means the key itself is not allowed.
  private mutating func checkMember(_ node: Int, _ member: JSONObject.Member, _ position: Int) -> Bool {
    if program.nodes[node].isFalse {
      report(
        "schema.forbidden-key", "key `\(member.key)` is not allowed", at: program.nodes[node].path,
        child: (.key(member.key), position), atKey: true)
      return false
    }
    return evaluateChild(node, member.value, .key(member.key), position: position)
  }

  private mutating func checkPropertyNames(_ names: Int, _ keyword: SchemaKeyword, _ object: JSONObject) -> Bool {
    var valid = true
    for (position, member) in object.members.enumerated() {
      let start = violations.count
      if evaluateChild(names, .string(member.key), .key(member.key), position: position) { continue }
      valid = false
      guard collect else { return false }
      // The key, not the member's value, is what failed: say so and point at the key.
      var rewritten: [Pending] = []
      for var pending in violations[start...] {
        pending.message =
          pending.code == "schema.false"
          ? "key `\(member.key)` is not allowed" : "key `\(member.key)` \(pending.message)"
        pending.code = "schema.property-names"
        pending.atKey = true
        rewritten.append(pending)
      }
      violations.replaceSubrange(start..., with: rewritten)
    }
    return valid
  }

  private mutating func checkUnevaluatedProperties(
    _ rest: Int, _ keyword: SchemaKeyword, in node: Int, _ object: JSONObject, _ marks: inout EvaluatedMarks
  ) -> Bool {
    var valid = true
    let forbidden = program.nodes[rest].isFalse
    for (position, member) in object.members.enumerated() where !marks.contains(position) {
      if forbidden {
        valid = false
        guard collect else { return false }
        reportUnknownKey(member.key, position, object, allowed: knownKeys(of: node), at: keyword.path)
      } else if !evaluateChild(rest, member.value, .key(member.key), position: position) {
        valid = false
        if !collect { return false }
      }
    }
    if valid {
      for position in object.members.indices { marks.insert(position) }
    }
    return valid
  }

  /// `schema.unknown-key` at the member's key, with a spelling hint or the list of allowed keys.
  private mutating func reportUnknownKey(
    _ key: String, _ position: Int, _ object: JSONObject, allowed: [String], at schemaPath: String
  ) {
    // Suggest only keys the object does not already have.
    var candidates: [String] = []
    for name in allowed where object.index(of: name) == nil && !candidates.contains(name) { candidates.append(name) }
    var hint: String?
    if let match = SchemaText.nearest(key, in: candidates) {
      hint = "did you mean `\(match)`?"
    } else if !candidates.isEmpty && candidates.count <= 10 {
      hint = "allowed keys here: \(SchemaText.keyList(candidates))"
    } else if allowed.isEmpty {
      hint = "no keys are allowed here"
    }
    report(
      "schema.unknown-key", "unknown key `\(key)`", at: schemaPath, hint: hint, child: (.key(key), position),
      atKey: true)
  }

  /// Property names declared by `node` and the subschemas applied in place with it (for hints only).
  func knownKeys(of node: Int) -> [String] {
    var out: [String] = []
    var visited: Set<Int> = []
    var stack = [node]
    while let current = stack.popLast() {
      guard visited.insert(current).inserted else { continue }
      for keyword in program.nodes[current].keywords {
        switch keyword.kind {
        case .members(let members): out += members.properties.map(\.key)
        case .allOf(let list): stack += list.reversed()
        case .anyOf(let branches), .oneOf(let branches): stack += branches.nodes.reversed()
        case .ref(let target): stack.append(target)
        case .dynamicRef(let reference): stack.append(reference.target)
        case .conditional(let conditional):
          stack += [conditional.otherwise, conditional.then, conditional.condition].compactMap { $0 }
        case .dependentSchemas(let dependencies): stack += dependencies.map(\.payload)
        default: break
        }
      }
    }
    return out
  }
}
