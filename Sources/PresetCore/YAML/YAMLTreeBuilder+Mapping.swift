/// Mapping keys: complex keys, duplicates (by code units), and `<<` merge keys.
extension YAMLTreeBuilder {
  /// Takes a finished node as the key of the innermost mapping.
  mutating func acceptKey(_ built: Built) {
    let top = stack.count - 1
    if let text = built.keyText {
      stack[top].key = PendingKey(text: text, start: built.node.start, valid: true, isMerge: built.isMergeKey)
      return
    }
    guard !built.isPlaceholder else {
      // Already reported (an undefined alias); drop the member without a second diagnostic.
      stack[top].key = PendingKey(text: "", start: built.node.start, valid: false, isMerge: false)
      return
    }
    let kind = built.value.arrayValue == nil ? "mapping" : "sequence"
    diagnostics.append(
      Diagnostic(
        code: "yaml.complex-key",
        message: "a mapping key must be a scalar, but this key is a \(kind)",
        location: location(built.node.start),
        path: currentPath(),
        hint: "JSON object keys are strings; use a plain or quoted string key"
      )
    )
    stack[top].key = PendingKey(text: "", start: built.node.start, valid: false, isMerge: false)
  }

  /// The index of the explicit member with this key in open frame `top`, if any. Takes the frame's index, not
  /// the frame: passing a `Frame` by value copied (retained and released) all seven of its arrays per member.
  private func memberIndex(_ key: String, inFrame top: Int) -> Int? {
    if stack[top].keyIndex != nil { return stack[top].keyIndex?[CodeUnitKey(key)] }
    return stack[top].members.firstIndex { $0.key.hasSameCodeUnits(as: key) }
  }

  /// Adds an explicit member to the innermost mapping, or reports a duplicate key (keeping the first).
  mutating func addMember(_ built: Built, key: PendingKey) {
    let top = stack.count - 1
    stack[top].size += built.size
    stack[top].height = max(stack[top].height, built.height + 1)
    if let first = memberIndex(key.text, inFrame: top) {
      let firstStart = stack[top].children[first].keyStart ?? stack[top].children[first].start
      diagnostics.append(
        Diagnostic(
          code: "yaml.duplicate-key",
          message: "duplicate key '\(key.text)' in this mapping",
          location: location(key.start),
          path: currentPath(),
          related: [Diagnostic.Related(message: "first defined here", location: location(firstStart))],
          hint: "remove one of the two, or rename it"
        )
      )
      return
    }
    var node = built.node
    node.keyStart = key.start
    let count = stack[top].members.count
    if count == 0 {
      // Most mappings have a handful of members: one allocation instead of growing 1, 2, 4.
      stack[top].members.reserveCapacity(4)
      stack[top].children.reserveCapacity(4)
    }
    stack[top].members.append(JSONObject.Member(key: key.text, value: built.value))
    stack[top].children.append(node)
    if stack[top].keyIndex != nil {
      stack[top].keyIndex?[CodeUnitKey(key.text)] = count
    } else if count + 1 > Self.linearKeyLimit {
      var index: [CodeUnitKey: Int] = [:]
      index.reserveCapacity(count * 2)
      for (i, member) in stack[top].members.enumerated() { index[CodeUnitKey(member.key)] = i }
      stack[top].keyIndex = index
    }
  }

  /// Records the value of a `<<` key: a mapping, or a sequence of mappings (usually aliases).
  mutating func merge(_ built: Built, key: PendingKey) {
    let top = stack.count - 1
    stack[top].size += built.size
    stack[top].height = max(stack[top].height, built.height)
    if let existing = stack[top].merge {
      diagnostics.append(
        Diagnostic(
          code: "yaml.duplicate-key",
          message: "duplicate merge key '<<' in this mapping",
          location: location(key.start),
          path: currentPath(),
          related: [Diagnostic.Related(message: "first defined here", location: location(existing.keyStart))],
          hint: "merge several mappings with one key: <<: [*a, *b]"
        )
      )
      return
    }
    var slot = MergeSlot(position: stack[top].members.count, keyStart: key.start, members: [], children: [])
    switch built.value {
    case .object(let object):
      slot.members = object.members
      slot.children = built.node.children
    case .array(let elements):
      for (i, element) in elements.enumerated() {
        guard case .object(let object) = element, i < built.node.children.count else {
          reportMerge(
            "element \(i) of the '<<' list is \(Self.describe(element))",
            at: i < built.node.children.count ? built.node.children[i].start : built.node.start
          )
          continue
        }
        slot.members += object.members
        slot.children += built.node.children[i].children
      }
    default:
      reportMerge("the value of '<<' is \(Self.describe(built.value))", at: built.node.start)
    }
    stack[top].merge = slot
  }

  /// How a value that cannot be merged is named in messages.
  private static func describe(_ value: JSONValue) -> String {
    switch value {
    case .object: "a mapping"
    case .array: "a sequence"
    case .null: "empty"
    default: "a scalar"
    }
  }

  private mutating func reportMerge(_ what: String, at position: SourcePosition) {
    diagnostics.append(
      Diagnostic(
        code: "yaml.merge",
        message: "\(what); a merge key takes a mapping or a list of mappings",
        location: location(position),
        path: currentPath(),
        hint: "write <<: *anchor or <<: [*a, *b], or quote \"<<\" to use it as an ordinary key"
      )
    )
  }

  /// The finished mapping. Merged members go where the `<<` was written, except keys the mapping sets
  /// itself (explicit keys win wherever they are) and keys an earlier merged mapping already gave.
  func finishMapping(_ frame: Frame, end: SourcePosition) -> Built {
    guard let slot = frame.merge, !slot.members.isEmpty else {
      let node = SourceNode(start: frame.start, end: end, keys: frame.members.map(\.key), children: frame.children)
      return Built(value: .object(JSONObject(frame.members)), node: node, size: frame.size, height: frame.height)
    }
    var seen = Set<CodeUnitKey>(minimumCapacity: frame.members.count + slot.members.count)
    for member in frame.members { seen.insert(CodeUnitKey(member.key)) }
    var members: [JSONObject.Member] = []
    var children: [SourceNode] = []
    members.reserveCapacity(frame.members.count + slot.members.count)
    children.reserveCapacity(frame.members.count + slot.members.count)
    members += frame.members[..<slot.position]
    children += frame.children[..<slot.position]
    for (member, child) in zip(slot.members, slot.children) where seen.insert(CodeUnitKey(member.key)).inserted {
      members.append(member)
      children.append(child)
    }
    members += frame.members[slot.position...]
    children += frame.children[slot.position...]
    let node = SourceNode(start: frame.start, end: end, keys: members.map(\.key), children: children)
    return Built(value: .object(JSONObject(members)), node: node, size: frame.size, height: frame.height)
  }
}
