/// Builds located JSON documents from parser events, with an explicit stack (no recursion, so nesting is
/// bounded by `Limits.maxDepth` and never by the thread's stack).
///
/// Aliases share the anchored value (copy-on-write), so a "billion laughs" file costs nothing to represent;
/// what is counted is the expanded size, which each node carries, and parsing stops as soon as the budget is
/// exceeded. Non-fatal problems (duplicate keys, ambiguous scalars, unknown tags, ...) are collected and
/// building goes on with a placeholder so one run reports them all.
struct YAMLTreeBuilder: YAMLEventSink {
  /// A finished node, ready to be attached to its parent.
  struct Built {
    /// The node's value.
    package var value: JSONValue
    /// Its positions.
    var node: SourceNode
    /// Nodes in the expanded subtree, this one included.
    var size: Int
    /// Collection nesting levels inside, this one included (0 for a scalar).
    var height: Int
    /// For a scalar, its text: a scalar key is always this string.
    var keyText: String?
    /// True for a plain, untagged `<<`, the merge key.
    var isMergeKey = false
    /// True for the stand-in of a node that could not be built (an undefined alias).
    var isPlaceholder = false
  }

  /// A mapping key that waits for its value.
  struct PendingKey {
    /// The key as a string.
    var text: String
    /// Where the key was written.
    var start: SourcePosition
    /// False after a complex-key error: the value is then built and dropped.
    var valid: Bool
    /// True for the merge key `<<`.
    var isMerge: Bool
  }

  /// The members contributed by a `<<` key, inserted where the `<<` was written.
  struct MergeSlot {
    /// The number of explicit members before the `<<`.
    var position: Int
    /// Where the `<<` key was written.
    var keyStart: SourcePosition
    /// The merged members, from every merged mapping in order (earlier ones win).
    var members: [JSONObject.Member]
    /// Their positions, parallel to `members`.
    var children: [SourceNode]
  }

  /// An open collection.
  struct Frame {
    var isMapping: Bool
    var anchor: String?
    var start: SourcePosition
    var size = 1
    var height = 1
    /// Sequence elements.
    var values: [JSONValue] = []
    /// Mapping members (explicit ones; merged members are added at the end).
    var members: [JSONObject.Member] = []
    /// Positions of elements or members.
    var children: [SourceNode] = []
    /// The key waiting for its value (mappings only).
    package var key: PendingKey?
    /// A hash index of member keys, built once a mapping grows past a few members.
    var keyIndex: [CodeUnitKey: Int]?
    /// The `<<` members, if the mapping has a merge key.
    var merge: MergeSlot?
  }

  let file: String
  let limits: YAMLLoader.Limits
  /// Every problem found so far.
  var diagnostics: [Diagnostic] = []
  /// The finished documents.
  var documents: [LocatedDocument] = []

  /// By code units: YAML anchors are compared as written, so `&é` and `*e\u{301}` are different names.
  var anchors: [CodeUnitKey: Built] = [:]
  var stack: [Frame] = []
  var root: Built?
  var expanded = 0

  /// Mappings with more members than this get a hash index for duplicate detection.
  static let linearKeyLimit = 12

  init(file: String, limits: YAMLLoader.Limits) {
    self.file = file
    self.limits = limits
  }

  mutating func handle(_ event: YAMLEvent) -> Bool {
    switch event {
    case .documentStart:
      anchors.removeAll(keepingCapacity: true)
      stack.removeAll(keepingCapacity: true)
      root = nil
      return true
    case .documentEnd:
      // libyaml always gives a document a node (an empty plain scalar at least); the fallback is defensive.
      let origin = SourcePosition(line: 1, column: 1)
      let node = root?.node ?? SourceNode(start: origin, end: origin)
      documents.append(LocatedDocument(value: root?.value ?? .null, sourceMap: SourceMap(file: file, root: node)))
      root = nil
      return true
    case .scalar(let scalar):
      return scalarEvent(scalar)
    case .alias(let anchor, let start, let end):
      return aliasEvent(anchor, start: start, end: end)
    case .sequenceStart(let collection):
      return open(collection, isMapping: false)
    case .mappingStart(let collection):
      return open(collection, isMapping: true)
    case .sequenceEnd(let end):
      guard let frame = stack.popLast() else { return true }
      let node = SourceNode(start: frame.start, end: end, children: frame.children)
      let built = Built(value: .array(frame.values), node: node, size: frame.size, height: frame.height)
      finish(built, anchor: frame.anchor)
      return true
    case .mappingEnd(let end):
      guard let frame = stack.popLast() else { return true }
      finish(finishMapping(frame, end: end), anchor: frame.anchor)
      return true
    }
  }

  // MARK: - Events

  /// True when the next node is a mapping key. Reads through the subscript instead of `stack.last`, which
  /// would copy the whole frame for every scalar.
  private var inKeyPosition: Bool {
    let top = stack.count - 1
    return top >= 0 && stack[top].isMapping && stack[top].key == nil
  }

  private mutating func scalarEvent(_ scalar: YAMLEvent.Scalar) -> Bool {
    guard count(1, at: scalar.start, alias: false) else { return false }
    var value: JSONValue
    var coreTag: YAMLCoreTag?
    if let tag = scalar.tag {
      coreTag = YAMLCoreTag(tag)
      if coreTag == nil { report(unknownTag: tag, at: scalar.start) }
    }
    if inKeyPosition {
      // A key is the string of its text whatever it looks like (`on:`, `50256:`, `null:`).
      value = .string(scalar.text)
    } else {
      let outcome: YAMLScalarResolver.Outcome
      if let coreTag, let tag = scalar.tag {
        outcome = YAMLScalarResolver.resolve(scalar.text, tag: coreTag, written: tag)
      } else if scalar.style == .plain && scalar.tag == nil {
        outcome = YAMLScalarResolver.resolvePlainValue(scalar.text)
      } else {
        outcome = .value(.string(scalar.text))
      }
      switch outcome {
      case .value(let resolved):
        value = resolved
      case .failure(let failure):
        diagnostics.append(
          Diagnostic(
            code: failure.code,
            message: failure.message,
            location: location(scalar.start),
            path: currentPath(),
            hint: failure.hint
          )
        )
        value = .null
      }
    }
    let built = Built(
      value: value,
      node: SourceNode(start: scalar.start, end: scalar.end),
      size: 1,
      height: 0,
      keyText: scalar.text,
      isMergeKey: scalar.style == .plain && scalar.tag == nil && scalar.text == "<<"
    )
    finish(built, anchor: scalar.anchor)
    return true
  }

  private mutating func aliasEvent(_ name: String, start: SourcePosition, end: SourcePosition) -> Bool {
    guard let target = anchors[CodeUnitKey(name)] else {
      let recursive = stack.contains { $0.anchor == name }
      diagnostics.append(
        Diagnostic(
          code: "yaml.undefined-alias",
          message: recursive
            ? "alias *\(name) refers to a collection that contains it; recursive data has no JSON form"
            : "alias *\(name) has no anchor &\(name) before it in this document",
          location: location(start),
          path: currentPath(),
          hint: recursive ? nil : "define the anchor with &\(name) before using it"
        )
      )
      let placeholder = Built(
        value: .null,
        node: SourceNode(start: start, end: end),
        size: 1,
        height: 0,
        isPlaceholder: true
      )
      finish(placeholder, anchor: nil)
      return true
    }
    guard count(target.size, at: start, alias: true) else { return false }
    guard stack.count + target.height <= limits.maxDepth else {
      reportDepth(at: start)
      return false
    }
    var built = target
    built.node = SourceNode(start: start, end: end, keys: target.node.keys, children: target.node.children)
    built.isMergeKey = false
    finish(built, anchor: nil)
    return true
  }

  private mutating func open(_ collection: YAMLEvent.Collection, isMapping: Bool) -> Bool {
    guard count(1, at: collection.start, alias: false) else { return false }
    guard stack.count < limits.maxDepth else {
      reportDepth(at: collection.start)
      return false
    }
    if let tag = collection.tag {
      switch YAMLCoreTag(tag) {
      case nil:
        report(unknownTag: tag, at: collection.start)
      case .map? where isMapping, .seq? where !isMapping, .nonSpecific?:
        break
      case .some:
        diagnostics.append(
          Diagnostic(
            code: "yaml.invalid-value",
            message: "tag \(YAMLCoreTag.display(tag)) cannot be used on a \(isMapping ? "mapping" : "sequence")",
            location: location(collection.start),
            path: currentPath()
          )
        )
      }
    }
    stack.append(Frame(isMapping: isMapping, anchor: collection.anchor, start: collection.start))
    return true
  }

  /// Registers the anchor, then hands the node to its parent (or makes it the document root).
  private mutating func finish(_ built: Built, anchor: String?) {
    if let anchor { anchors[CodeUnitKey(anchor)] = built }
    let top = stack.count - 1
    guard top >= 0 else {
      root = built
      return
    }
    if !stack[top].isMapping {
      stack[top].values.append(built.value)
      stack[top].children.append(built.node)
      stack[top].size += built.size
      stack[top].height = max(stack[top].height, built.height + 1)
      return
    }
    guard let key = stack[top].key else {
      acceptKey(built)
      return
    }
    if key.valid {
      if key.isMerge {
        merge(built, key: key)
      } else {
        addMember(built, key: key)
      }
    }
    stack[top].key = nil
  }

  // MARK: - Budget, depth, reporting

  /// Adds to the expanded-node count; false (after reporting) when the budget is exceeded.
  private mutating func count(_ nodes: Int, at position: SourcePosition, alias: Bool) -> Bool {
    expanded += nodes
    guard expanded > limits.maxNodes else { return true }
    if alias {
      diagnostics.append(
        Diagnostic(
          code: "yaml.alias-budget",
          message: "aliases expand this file to more than \(limits.maxNodes) nodes; this alias repeats \(nodes) nodes",
          location: location(position),
          path: currentPath(),
          hint: "aliases that repeat aliases grow exponentially (\"billion laughs\"); write the data out instead"
        )
      )
    } else {
      diagnostics.append(
        Diagnostic(
          code: "yaml.too-large",
          message: "the file has more than \(limits.maxNodes) nodes",
          location: location(position),
          path: currentPath(),
          hint: "split it into several files"
        )
      )
    }
    return false
  }

  private mutating func reportDepth(at position: SourcePosition) {
    diagnostics.append(
      Diagnostic(
        code: "yaml.depth",
        message: "nesting is deeper than \(limits.maxDepth) levels",
        location: location(position),
        path: currentPath()
      )
    )
  }

  private mutating func report(unknownTag tag: String, at position: SourcePosition) {
    diagnostics.append(
      Diagnostic(
        code: "yaml.unknown-tag",
        message: "unknown tag \(YAMLCoreTag.display(tag)); only the core tags !!str !!int !!float !!bool !!null "
          + "!!map !!seq and ! are supported",
        location: location(position),
        path: currentPath(),
        hint: "remove the tag, or use !!str to keep the value as a string"
      )
    )
  }

  func location(_ position: SourcePosition) -> SourceLocation {
    SourceLocation(file: file, position: position)
  }

  /// The JSON pointer of the node being built now (the pending key of each open mapping, the next index of
  /// each open sequence). Only computed when a diagnostic needs it.
  func currentPath() -> String {
    var components: [JSONPointer.Component] = []
    for frame in stack {
      if frame.isMapping {
        guard let key = frame.key else { continue }
        components.append(.key(key.text))
      } else {
        components.append(.index(frame.values.count))
      }
    }
    return JSONPointer(components: components).description
  }
}
