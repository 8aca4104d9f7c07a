import PresetCore

extension SchemaCompiler {
  /// Fills in the `discriminator` of each `anyOf`/`oneOf` that has one: explicit `mapping` entries first, then
  /// implicit ones (a branch whose discriminator property has a `const`/`enum` string, or whose `$ref` target's
  /// name equals the value, as OpenAPI's implicit mapping does).
  mutating func resolveDiscriminators() throws(SchemaCompileError) {
    let pending = pendingDiscriminators
    pendingDiscriminators = []
    for entry in pending {
      guard case .string(let property) = entry.spec["propertyName"] else {
        throw SchemaCompileError(message: "`discriminator` needs a string `propertyName`", schemaPath: entry.path)
      }
      let keyword = nodes[entry.node].keywords[entry.keyword]
      var branches: SchemaBranches
      switch keyword.kind {
      case .anyOf(let b), .oneOf(let b): branches = b
      default: continue
      }
      var values: [(value: String, branch: Int)] = []
      func add(_ value: String, _ branch: Int) {
        if !values.contains(where: { $0.value.hasSameCodeUnits(as: value) }) { values.append((value, branch)) }
      }
      if case .object(let mapping) = entry.spec["mapping"] {
        for member in mapping.members {
          guard case .string(let reference) = member.value else {
            throw SchemaCompileError(message: "`discriminator.mapping` values must be strings", schemaPath: entry.path)
          }
          let branch: Int?
          if reference.contains("#") || reference.contains("/") {
            let target = try resolveReference(reference, base: entry.base, at: entry.path + "/mapping").node
            branch = branches.nodes.firstIndex { $0 == target || refTarget(of: $0) == target }
          } else {
            branch = branches.nodes.firstIndex { refName(of: $0) == reference }
          }
          guard let branch else {
            throw SchemaCompileError(
              message: "`discriminator.mapping` entry `\(member.key)` names no `\(keyword.path)` branch",
              schemaPath: entry.path)
          }
          add(member.key, branch)
        }
      }
      for (offset, node) in branches.nodes.enumerated() {
        let implicit = implicitValues(of: node, property: property)
        for value in implicit { add(value, offset) }
        // OpenAPI's implicit mapping by schema name, only when the branch itself does not pin the value.
        if implicit.isEmpty, let name = refName(of: node) { add(name, offset) }
      }
      branches.discriminator = SchemaDiscriminator(property: property, values: values)
      nodes[entry.node].keywords[entry.keyword].kind =
        if case .anyOf = keyword.kind { .anyOf(branches) } else { .oneOf(branches) }
    }
  }

  /// The node a branch's `$ref` points at, if the branch has one.
  private func refTarget(of node: Int) -> Int? {
    for keyword in nodes[node].keywords {
      if case .ref(let target) = keyword.kind { return target }
    }
    return nil
  }

  /// The last path segment of a branch's `$ref` target (`#/$defs/Cat` → `Cat`).
  private func refName(of node: Int) -> String? {
    guard let target = refTarget(of: node), let last = nodes[target].path.split(separator: "/").last else {
      return nil
    }
    return JSONPointer("/" + last).flatMap { pointer -> String? in
      if case .key(let key) = pointer.components.first { return key }
      return nil
    }
  }

  /// `const`/`enum` strings a branch (through `$ref` and `allOf`) requires of the discriminator property.
  private func implicitValues(of branch: Int, property: String) -> [String] {
    var out: [String] = []
    var visited: Set<Int> = []
    var stack = [branch]
    while let node = stack.popLast() {
      guard visited.insert(node).inserted else { continue }
      for keyword in nodes[node].keywords {
        switch keyword.kind {
        case .members(let members):
          if let target = members.property(property) { out += constantStrings(of: target) }
        case .ref(let target): stack.append(target)
        case .allOf(let list): stack += list
        default: break
        }
      }
    }
    return out
  }

  private func constantStrings(of node: Int) -> [String] {
    var out: [String] = []
    var visited: Set<Int> = []
    var stack = [node]
    while let current = stack.popLast() {
      guard visited.insert(current).inserted else { continue }
      for keyword in nodes[current].keywords {
        switch keyword.kind {
        case .constant(.string(let text)): out.append(text)
        case .enumeration(let options): out += options.compactMap(\.stringValue)
        case .ref(let target): stack.append(target)
        case .allOf(let list): stack += list
        default: break
        }
      }
    }
    return out
  }
}
