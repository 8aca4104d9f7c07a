/// Where each value of a loaded document was written: a tree parallel to the document's `JSONValue`.
///
/// A parallel tree instead of a `[pointer: location]` dictionary: building it costs one small array per
/// container while loading, and a pointer is resolved only when a diagnostic needs a position.
package struct SourceMap: Sendable, Equatable {
  /// The file the document came from (as it should appear in diagnostics).
  package var file: String
  /// The node for the document's root value.
  package var root: SourceNode

  /// Creates a source map.
  package init(file: String, root: SourceNode) {
    self.file = file
    self.root = root
  }

  /// The node behind a pointer, or the deepest existing ancestor when the pointer leads past the document
  /// (a missing required key then points at its parent mapping). The Bool tells whether the node was exact.
  package func node(at pointer: JSONPointer) -> (node: SourceNode, exact: Bool) {
    var current = root
    for component in pointer.components {
      guard let next = current.child(component) else { return (current, false) }
      current = next
    }
    return (current, true)
  }

  /// The location of the value behind a pointer (or of its nearest ancestor).
  package func location(of pointer: JSONPointer) -> SourceLocation {
    let node = node(at: pointer).node
    return SourceLocation(file: node.file ?? file, position: node.start)
  }

  /// The location of the key behind a pointer when the pointer names an object member; otherwise the value's.
  package func keyLocation(of pointer: JSONPointer) -> SourceLocation {
    let (node, exact) = node(at: pointer)
    if exact, let key = node.keyStart { return SourceLocation(file: node.file ?? file, position: key) }
    return SourceLocation(file: node.file ?? file, position: node.start)
  }
}

/// The source positions of one value and, for containers, of its children.
///
/// For an object, `children[i]` belongs to `members[i]` of the matching `JSONObject` and `keys[i]` is that
/// member's key; for an array, `children[i]` is element `i`.
package struct SourceNode: Sendable, Equatable {
  /// Where the value starts.
  package var start: SourcePosition
  /// Where the value ends (exclusive, as libyaml reports it).
  package var end: SourcePosition
  /// Where the member's key was written, when this node is an object member.
  package var keyStart: SourcePosition?
  /// Member keys, parallel to `children`, for object nodes; empty for arrays and scalars.
  package var keys: [String]
  /// Child nodes: object members in order, or array elements.
  package var children: [SourceNode]
  /// The file this node was written in, when it differs from its map's file (values merged in from a
  /// `_defaults.yaml` or `presetctl.yaml`).
  package var file: String?

  /// Creates a node.
  package init(
    start: SourcePosition,
    end: SourcePosition,
    keyStart: SourcePosition? = nil,
    keys: [String] = [],
    children: [SourceNode] = [],
    file: String? = nil
  ) {
    self.start = start
    self.end = end
    self.keyStart = keyStart
    self.keys = keys
    self.children = children
    self.file = file
  }

  /// This node and all below it, marked as written in `file` where they carry no file yet.
  package func inFile(_ file: String) -> SourceNode {
    var copy = self
    if copy.file == nil { copy.file = file }
    copy.children = children.map { $0.inFile(file) }
    return copy
  }

  /// The child for one pointer component, if present.
  package func child(_ component: JSONPointer.Component) -> SourceNode? {
    switch component {
    case .key(let key):
      if !keys.isEmpty {
        guard let i = keys.firstIndex(where: { $0.hasSameCodeUnits(as: key) }) else { return nil }
        return children[i]
      }
      guard let i = Int(key), children.indices.contains(i) else { return nil }
      return children[i]
    case .index(let i):
      guard keys.isEmpty, children.indices.contains(i) else { return nil }
      return children[i]
    }
  }
}

/// A loaded document: its value and where each part of it was written.
package struct LocatedDocument: Sendable, Equatable {
  /// The document as JSON.
  package var value: JSONValue
  /// The positions behind `value`.
  package var sourceMap: SourceMap

  /// Creates a located document.
  package init(value: JSONValue, sourceMap: SourceMap) {
    self.value = value
    self.sourceMap = sourceMap
  }
}
