import PresetCore

/// Turns schema documents into a `SchemaProgram`: every subschema gets a node index, every `$ref` becomes the
/// index of its target, and keyword values are checked and converted once.
///
/// Two passes: `index` walks a document's subschemas, assigning node indices and recording `$id`s, anchors and
/// JSON-pointer locations; `compileNode` then builds each node's keywords, resolving references through those
/// tables. Resolving a reference may load a registry document or index a subschema at an unusual location, which
/// appends more nodes; the compile loop runs until no node is left.
struct SchemaCompiler {
  /// A node's schema value and the facts `compileNode` needs about where it sat.
  struct Source {
    package var value: JSONValue
    /// The base URI in effect inside the node (after its own `$id`).
    var base: String
    /// Child node indices keyed by `keyword` or `keyword\0member`.
    var children: [String: Int]
  }

  /// A schema resource: a document or a subschema with `$id`.
  struct Resource {
    package var value: JSONValue
    var node: Int
    var index: Int
  }

  /// One enclosing resource during the walk: JSON pointers are relative to each of them.
  struct Scope {
    var uri: String
    var pointer: [String]
    var resource: Int
  }

  /// The nodes so far; `compileNode` fills in their keywords.
  var nodes: [SchemaNode] = []
  /// Per node, the schema value it came from.
  var sources: [Source] = []
  /// `resourceURI#pointer` → node, for every enclosing resource of every indexed subschema.
  var locations: [String: Int] = [:]
  /// Absolute URI (no fragment) → resource.
  var resources: [String: Resource] = [:]
  /// Per resource index: its `$dynamicAnchor`s.
  var dynamicAnchors: [[(name: Int, node: Int)]] = []
  /// `uri#name` → node, for `$anchor` and `$dynamicAnchor`.
  var anchors: [String: Int] = [:]
  /// The `uri#name` keys of `anchors` that came from `$dynamicAnchor`.
  var dynamicAnchorKeys: Set<String> = []
  /// Anchor name → interned id.
  var anchorNames: [String: Int] = [:]
  /// Documents available to `$ref`, by absolute URI without fragment; indexed when first referenced.
  var registry: [String: JSONValue]
  /// The root document's URI; node paths in it are plain JSON pointers.
  var rootDocument: String
  /// Set when some node uses `unevaluated*`.
  var tracksAnnotations = false
  /// Set when some `$dynamicRef` resolves dynamically.
  var usesDynamicScope = false
  /// Discriminators are resolved after every node is compiled, because implicit mappings look into branches.
  var pendingDiscriminators: [(node: Int, keyword: Int, spec: JSONObject, base: String, path: String)] = []

  /// The subschema-bearing keywords: single schema, map of schemas, array of schemas.
  static let singleSchemaKeywords: Set<String> = [
    "additionalProperties", "propertyNames", "items", "contains", "not", "if", "then", "else",
    "unevaluatedProperties", "unevaluatedItems",
  ]
  static let mapSchemaKeywords: Set<String> = [
    "properties", "patternProperties", "$defs", "definitions", "dependentSchemas",
  ]
  static let arraySchemaKeywords: Set<String> = ["allOf", "anyOf", "oneOf", "prefixItems"]

  /// Maximum schema nesting; deeper documents are rejected rather than risking the stack.
  static let maxDepth = 256

  private init(rootDocument: String, registry: [String: JSONValue]) {
    self.rootDocument = rootDocument
    var normalized: [String: JSONValue] = [:]
    for (uri, value) in registry {
      normalized[SchemaURI.splitFragment(uri).base] = value
    }
    self.registry = normalized
  }

  /// Compiles `schema` (located at `baseURI`) with `registry` documents available to `$ref`.
  static func compile(
    _ schema: JSONValue, baseURI: String, registry: [String: JSONValue]
  ) throws(SchemaCompileError) -> SchemaProgram {
    let documentURI = SchemaURI.splitFragment(baseURI).base
    var compiler = SchemaCompiler(rootDocument: documentURI, registry: registry)
    let root = try compiler.loadDocument(documentURI, schema)
    var next = 0
    repeat {
      while next < compiler.nodes.count {
        try compiler.compileNode(next)
        next += 1
      }
      // Discriminator mappings may reference schemas not indexed yet; compile those too.
      try compiler.resolveDiscriminators()
    } while next < compiler.nodes.count
    for i in compiler.nodes.indices {
      // Stable sort by rank keeps schema order within a rank.
      let keywords = compiler.nodes[i].keywords.enumerated().sorted {
        ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset)
      }
      compiler.nodes[i].keywords = keywords.map(\.element)
    }
    return SchemaProgram(
      nodes: compiler.nodes, root: root, dynamicAnchors: compiler.dynamicAnchors,
      tracksAnnotations: compiler.tracksAnnotations, usesDynamicScope: compiler.usesDynamicScope)
  }

  /// Indexes a whole document under `uri` and returns its root node.
  mutating func loadDocument(_ uri: String, _ value: JSONValue) throws(SchemaCompileError) -> Int {
    let resource = newResource()
    let display = uri == rootDocument ? "" : uri + "#"
    let root = try index(value, base: uri, scopes: [Scope(uri: uri, pointer: [], resource: resource)], display: display)
    if resources[uri] == nil {
      resources[uri] = Resource(value: value, node: root, index: resource)
    }
    return root
  }

  private mutating func newResource() -> Int {
    dynamicAnchors.append([])
    return dynamicAnchors.count - 1
  }

  /// The interned id of an anchor name.
  mutating func internAnchor(_ name: String) -> Int {
    if let id = anchorNames[name] { return id }
    let id = anchorNames.count
    anchorNames[name] = id
    return id
  }

  /// Walks one subschema and its descendants, registering locations, `$id`s and anchors.
  mutating func index(
    _ value: JSONValue, base: String, scopes: [Scope], display: String, depth: Int = 0
  ) throws(SchemaCompileError) -> Int {
    guard depth < Self.maxDepth else {
      throw SchemaCompileError(message: "schema nested more than \(Self.maxDepth) levels deep", schemaPath: display)
    }
    let object: JSONObject?
    switch value {
    case .bool: object = nil
    case .object(let o): object = o
    default:
      throw SchemaCompileError(
        message: "a schema must be an object or a boolean, got \(SchemaText.article(value.typeName))",
        schemaPath: display)
    }
    var base = base
    var scopes = scopes
    let nodeIndex = nodes.count
    if let idValue = object?["$id"] {
      guard let id = idValue.stringValue else {
        throw SchemaCompileError(message: "`$id` must be a string", schemaPath: display + "/$id")
      }
      let resolved = SchemaURI.splitFragment(SchemaURI.resolve(id, against: base)).base
      base = resolved
      if let top = scopes.last, top.uri == resolved, top.pointer.isEmpty {
        // A document whose `$id` repeats the URI it was loaded under: one resource, not two.
      } else {
        let resource = newResource()
        scopes.append(Scope(uri: resolved, pointer: [], resource: resource))
        if resources[resolved] == nil {
          resources[resolved] = Resource(value: value, node: nodeIndex, index: resource)
        }
      }
    }
    let resource = scopes.last?.resource ?? 0
    nodes.append(SchemaNode(path: display, resource: resource, isFalse: value == .bool(false), keywords: []))
    sources.append(Source(value: value, base: base, children: [:]))
    for scope in scopes {
      let key = scope.uri + "#" + Self.pointerText(scope.pointer)
      if locations[key] == nil { locations[key] = nodeIndex }
    }
    guard let object else { return nodeIndex }
    if let anchor = object["$anchor"]?.stringValue {
      anchors[base + "#" + anchor] = nodeIndex
    }
    if let anchor = object["$dynamicAnchor"]?.stringValue {
      let key = base + "#" + anchor
      if anchors[key] == nil { anchors[key] = nodeIndex }
      dynamicAnchorKeys.insert(key)
      dynamicAnchors[resource].append((internAnchor(anchor), nodeIndex))
    }
    for member in object.members {
      let keyword = member.key
      if Self.singleSchemaKeywords.contains(keyword) {
        if keyword == "items", case .array = member.value {
          throw SchemaCompileError(
            message: "`items` must be a schema in draft 2020-12 (use `prefixItems` for tuples)",
            schemaPath: display + "/items")
        }
        let child = try index(
          member.value, base: base, scopes: Self.extend(scopes, [keyword]),
          display: display + "/" + Self.escape(keyword), depth: depth + 1)
        sources[nodeIndex].children[keyword] = child
      } else if Self.mapSchemaKeywords.contains(keyword) {
        guard case .object(let map) = member.value else {
          throw SchemaCompileError(
            message: "`\(keyword)` must be an object of schemas", schemaPath: display + "/" + keyword)
        }
        for entry in map.members {
          let child = try index(
            entry.value, base: base, scopes: Self.extend(scopes, [keyword, entry.key]),
            display: display + "/" + Self.escape(keyword) + "/" + Self.escape(entry.key), depth: depth + 1)
          sources[nodeIndex].children[keyword + "\u{0}" + entry.key] = child
        }
      } else if Self.arraySchemaKeywords.contains(keyword) {
        guard case .array(let list) = member.value else {
          throw SchemaCompileError(
            message: "`\(keyword)` must be an array of schemas", schemaPath: display + "/" + keyword)
        }
        for (offset, element) in list.enumerated() {
          let child = try index(
            element, base: base, scopes: Self.extend(scopes, [keyword, String(offset)]),
            display: display + "/" + keyword + "/" + String(offset), depth: depth + 1)
          sources[nodeIndex].children[keyword + "\u{0}" + String(offset)] = child
        }
      }
    }
    return nodeIndex
  }

  private static func extend(_ scopes: [Scope], _ components: [String]) -> [Scope] {
    scopes.map { Scope(uri: $0.uri, pointer: $0.pointer + components, resource: $0.resource) }
  }

  /// The RFC 6901 text of reference tokens.
  static func pointerText(_ components: [String]) -> String {
    JSONPointer(components: components.map { .key($0) }).description
  }

  /// One escaped reference token.
  static func escape(_ token: String) -> String {
    String(JSONPointer(components: [.key(token)]).description.dropFirst())
  }

  /// Resolves a `$ref`/`$dynamicRef` value to a node, loading registry documents and indexing pointer targets
  /// on demand. Also returns the absolute URI and decoded fragment for `$dynamicRef`'s anchor check.
  mutating func resolveReference(
    _ reference: String, base: String, at path: String
  ) throws(SchemaCompileError) -> (node: Int, uri: String, fragment: String?) {
    let (uri, fragment) = SchemaURI.splitFragment(SchemaURI.resolve(reference, against: base))
    if resources[uri] == nil, let document = registry[uri] {
      _ = try loadDocument(uri, document)
    }
    guard let resource = resources[uri] else {
      throw SchemaCompileError(
        message: "cannot resolve reference `\(reference)`: no schema is known as `\(uri)`", schemaPath: path)
    }
    guard let fragment, !fragment.isEmpty else { return (resource.node, uri, nil) }
    if fragment.hasPrefix("/") {
      guard let pointer = JSONPointer(fragment) else {
        throw SchemaCompileError(message: "invalid JSON pointer in reference `\(reference)`", schemaPath: path)
      }
      let canonical = pointer.description
      if let node = locations[uri + "#" + canonical] { return (node, uri, fragment) }
      guard let target = resource.value.value(at: pointer) else {
        throw SchemaCompileError(
          message: "cannot resolve reference `\(reference)`: nothing at `\(canonical)`", schemaPath: path)
      }
      let components = pointer.components.map { component -> String in
        switch component {
        case .key(let key): key
        case .index(let i): String(i)
        }
      }
      let display = uri == rootDocument ? canonical : uri + "#" + canonical
      let node = try index(
        target, base: uri, scopes: [Scope(uri: uri, pointer: components, resource: resource.index)], display: display)
      return (node, uri, fragment)
    }
    guard let node = anchors[uri + "#" + fragment] else {
      throw SchemaCompileError(
        message: "cannot resolve reference `\(reference)`: no anchor `\(fragment)` in `\(uri)`", schemaPath: path)
    }
    return (node, uri, fragment)
  }
}
