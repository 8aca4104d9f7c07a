import PresetCore

extension SchemaCompiler {
  /// Builds the keywords of node `index` from its schema object.
  mutating func compileNode(_ index: Int) throws(SchemaCompileError) {
    guard case .object(let object) = sources[index].value else { return }
    let source = sources[index]
    let path = nodes[index].path
    let reader = KeywordReader(object: object, path: path, children: source.children)
    var keywords: [SchemaKeyword] = []
    func add(_ kind: SchemaKeyword.Kind, _ keyword: String) {
      keywords.append(SchemaKeyword(kind: kind, path: reader.path(keyword)))
    }

    if let value = object["type"] { add(.type(try reader.types(value)), "type") }
    if let value = object["enum"] {
      guard case .array(let options) = value else { throw reader.error("`enum` must be an array", "enum") }
      add(.enumeration(options), "enum")
    }
    if let value = object["const"] { add(.constant(value), "const") }

    // Objects.
    let propertyChildren = try reader.schemaMap("properties")
    let patternChildren = try reader.schemaMap("patternProperties")
    let additional = reader.child("additionalProperties")
    if !propertyChildren.isEmpty || !patternChildren.isEmpty || additional != nil {
      var patterns: [(regex: SchemaRegex, node: Int)] = []
      for (pattern, node) in patternChildren {
        patterns.append((try reader.regex(pattern, "patternProperties"), node))
      }
      var table: [CodeUnitKey: Int]?
      if propertyChildren.count > 8 {
        var built: [CodeUnitKey: Int] = [:]
        for (key, node) in propertyChildren where built[CodeUnitKey(key)] == nil { built[CodeUnitKey(key)] = node }
        table = built
      }
      let members = SchemaMembers(
        properties: propertyChildren, table: table, patterns: patterns, additional: additional,
        additionalPath: reader.path("additionalProperties"))
      let anchor =
        object["properties"] != nil
        ? "properties"
        : object["patternProperties"] != nil
          ? "patternProperties" : "additionalProperties"
      add(.members(members), anchor)
    }
    if let node = reader.child("propertyNames") { add(.propertyNames(node), "propertyNames") }
    if let value = object["required"] { add(.required(try reader.strings(value, "required")), "required") }
    if let value = object["dependentRequired"] {
      guard case .object(let map) = value else {
        throw reader.error("`dependentRequired` must be an object", "dependentRequired")
      }
      var entries: [SchemaDependency<[String]>] = []
      for member in map.members {
        entries.append(
          SchemaDependency(key: member.key, payload: try reader.strings(member.value, "dependentRequired")))
      }
      add(.dependentRequired(entries), "dependentRequired")
    }
    let dependentChildren = try reader.schemaMap("dependentSchemas")
    if !dependentChildren.isEmpty {
      add(
        .dependentSchemas(dependentChildren.map { SchemaDependency(key: $0.key, payload: $0.node) }), "dependentSchemas"
      )
    }
    if let n = try reader.count("minProperties") { add(.minProperties(n), "minProperties") }
    if let n = try reader.count("maxProperties") { add(.maxProperties(n), "maxProperties") }

    // Arrays.
    let prefix = try reader.schemaList("prefixItems")
    let rest = reader.child("items")
    if !prefix.isEmpty || rest != nil {
      add(
        .items(SchemaItems(prefix: prefix, rest: rest, restPath: reader.path("items"))),
        prefix.isEmpty ? "items" : "prefixItems")
    }
    if let node = reader.child("contains") {
      let minimum = try reader.count("minContains")
      let contains = SchemaContains(
        node: node, min: minimum ?? 1, max: try reader.count("maxContains"), minWritten: minimum != nil)
      add(.contains(contains), "contains")
    }
    if let n = try reader.count("minItems") { add(.minItems(n), "minItems") }
    if let n = try reader.count("maxItems") { add(.maxItems(n), "maxItems") }
    if let value = object["uniqueItems"] {
      guard case .bool(let unique) = value else { throw reader.error("`uniqueItems` must be a boolean", "uniqueItems") }
      if unique { add(.uniqueItems, "uniqueItems") }
    }

    // Strings.
    if let n = try reader.count("minLength") { add(.minLength(n), "minLength") }
    if let n = try reader.count("maxLength") { add(.maxLength(n), "maxLength") }
    if let value = object["pattern"] {
      guard case .string(let pattern) = value else { throw reader.error("`pattern` must be a string", "pattern") }
      add(.pattern(try reader.regex(pattern, "pattern")), "pattern")
    }

    // Numbers.
    if let n = try reader.number("minimum") { add(.minimum(n), "minimum") }
    if let n = try reader.number("maximum") { add(.maximum(n), "maximum") }
    if let n = try reader.number("exclusiveMinimum") { add(.exclusiveMinimum(n), "exclusiveMinimum") }
    if let n = try reader.number("exclusiveMaximum") { add(.exclusiveMaximum(n), "exclusiveMaximum") }
    if let n = try reader.number("multipleOf") {
      guard let divisor = SchemaDecimal(n) else {
        throw reader.error("`multipleOf` must be a number greater than 0", "multipleOf")
      }
      add(.multipleOf(divisor), "multipleOf")
    }

    // Applicators and references.
    let allOf = try reader.schemaList("allOf")
    if !allOf.isEmpty { add(.allOf(allOf), "allOf") }
    let discriminator = object["discriminator"]?.objectValue
    for keyword in ["anyOf", "oneOf"] {
      let branches = try reader.schemaList(keyword)
      guard !branches.isEmpty else { continue }
      if let discriminator {
        pendingDiscriminators.append((index, keywords.count, discriminator, source.base, reader.path("discriminator")))
      }
      let spec = SchemaBranches(nodes: branches, discriminator: nil)
      add(keyword == "anyOf" ? .anyOf(spec) : .oneOf(spec), keyword)
    }
    if let node = reader.child("not") {
      var message: String?
      if let inner = object["not"]?.objectValue, inner.count == 1, case .array(let names)? = inner["required"],
        names.count >= 2, case let keys = names.compactMap(\.stringValue), keys.count == names.count
      {
        message = keys.map { "`\($0)`" }.joined(separator: " and ") + " cannot be used together"
      }
      add(.not(node, message: message), "not")
    }
    if let condition = reader.child("if") {
      let conditional = SchemaConditional(
        condition: condition, then: reader.child("then"), otherwise: reader.child("else"))
      // Kept even without `then`/`else`: its annotations still count for `unevaluated*`.
      add(.conditional(conditional), "if")
    }
    if let value = object["$ref"] {
      guard case .string(let reference) = value else { throw reader.error("`$ref` must be a string", "$ref") }
      add(.ref(try resolveReference(reference, base: source.base, at: reader.path("$ref")).node), "$ref")
    }
    if let value = object["$dynamicRef"] {
      guard case .string(let reference) = value else {
        throw reader.error("`$dynamicRef` must be a string", "$dynamicRef")
      }
      let resolved = try resolveReference(reference, base: source.base, at: reader.path("$dynamicRef"))
      var anchor: Int?
      if let fragment = resolved.fragment, !fragment.hasPrefix("/"),
        dynamicAnchorKeys.contains(resolved.uri + "#" + fragment)
      {
        anchor = internAnchor(fragment)
        usesDynamicScope = true
      }
      add(.dynamicRef(SchemaDynamicRef(target: resolved.node, anchor: anchor)), "$dynamicRef")
    }
    if let node = reader.child("unevaluatedProperties") {
      tracksAnnotations = true
      add(.unevaluatedProperties(node), "unevaluatedProperties")
    }
    if let node = reader.child("unevaluatedItems") {
      tracksAnnotations = true
      add(.unevaluatedItems(node), "unevaluatedItems")
    }
    nodes[index].keywords = keywords
  }
}

/// Reads and checks keyword values of one schema object.
private struct KeywordReader {
  let object: JSONObject
  let base: String
  let children: [String: Int]

  init(object: JSONObject, path: String, children: [String: Int]) {
    self.object = object
    self.base = path
    self.children = children
  }

  func path(_ keyword: String) -> String { base + "/" + SchemaCompiler.escape(keyword) }

  func error(_ message: String, _ keyword: String) -> SchemaCompileError {
    SchemaCompileError(message: message, schemaPath: path(keyword))
  }

  func child(_ keyword: String) -> Int? { children[keyword] }

  /// The subschemas of a map keyword, in schema order.
  func schemaMap(_ keyword: String) throws(SchemaCompileError) -> [(key: String, node: Int)] {
    guard case .object(let map) = object[keyword] else { return [] }
    var out: [(key: String, node: Int)] = []
    for member in map.members {
      guard let node = children[keyword + "\u{0}" + member.key] else {
        throw error("internal: unindexed subschema `\(member.key)`", keyword)
      }
      out.append((member.key, node))
    }
    return out
  }

  /// The subschemas of an array keyword.
  func schemaList(_ keyword: String) throws(SchemaCompileError) -> [Int] {
    guard case .array(let list) = object[keyword] else { return [] }
    guard !list.isEmpty || keyword == "prefixItems" else { throw error("`\(keyword)` must not be empty", keyword) }
    var out: [Int] = []
    for offset in list.indices {
      guard let node = children[keyword + "\u{0}" + String(offset)] else {
        throw error("internal: unindexed subschema \(offset)", keyword)
      }
      out.append(node)
    }
    return out
  }

  func types(_ value: JSONValue) throws(SchemaCompileError) -> SchemaTypeSet {
    let names: [JSONValue]
    switch value {
    case .string: names = [value]
    case .array(let list): names = list
    default: throw error("`type` must be a string or an array of strings", "type")
    }
    var set: SchemaTypeSet = []
    for name in names {
      guard case .string(let text) = name, let entry = SchemaTypeSet.named.first(where: { $0.1 == text }) else {
        throw error("unknown type `\(name.stringValue ?? SchemaText.render(name))` in `type`", "type")
      }
      set.insert(entry.0)
    }
    return set
  }

  func strings(_ value: JSONValue, _ keyword: String) throws(SchemaCompileError) -> [String] {
    guard case .array(let list) = value else { throw error("`\(keyword)` must be an array of strings", keyword) }
    var out: [String] = []
    for element in list {
      guard case .string(let text) = element else { throw error("`\(keyword)` must be an array of strings", keyword) }
      out.append(text)
    }
    return out
  }

  /// A non-negative integer keyword (`2.0` counts).
  func count(_ keyword: String) throws(SchemaCompileError) -> Int? {
    guard let value = object[keyword] else { return nil }
    guard case .number(let n) = value, n >= 0, n.rounded(.towardZero) == n, n <= jsonMaxExactInteger else {
      throw error("`\(keyword)` must be a non-negative integer", keyword)
    }
    return Int(n)
  }

  func number(_ keyword: String) throws(SchemaCompileError) -> Double? {
    guard let value = object[keyword] else { return nil }
    guard case .number(let n) = value, n.isFinite else { throw error("`\(keyword)` must be a number", keyword) }
    return n
  }

  func regex(_ pattern: String, _ keyword: String) throws(SchemaCompileError) -> SchemaRegex {
    guard let regex = SchemaRegex(ecma: pattern) else {
      throw error("invalid regular expression `\(pattern)`", keyword)
    }
    return regex
  }
}
