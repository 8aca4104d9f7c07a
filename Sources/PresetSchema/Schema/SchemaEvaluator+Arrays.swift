import PresetCore

extension SchemaEvaluator {
  /// Array keywords.
  mutating func checkArray(_ keyword: SchemaKeyword, _ items: [JSONValue], _ marks: inout EvaluatedMarks) -> Bool {
    switch keyword.kind {
    case .items(let spec):
      var valid = true
      for (index, item) in items.enumerated() {
        let node: Int
        if index < spec.prefix.count {
          node = spec.prefix[index]
        } else if let rest = spec.rest {
          node = rest
        } else {
          break
        }
        if tracking { marks.insert(index) }
        if index >= spec.prefix.count, program.nodes[node].isFalse {
          valid = false
          guard collect else { return false }
          let allowed = spec.prefix.count
          report(
            "schema.unexpected-item",
            "unexpected item \(index): at most \(allowed) item\(allowed == 1 ? " is" : "s are") allowed",
            at: spec.restPath, child: (.index(index), index))
          continue
        }
        if !evaluateChild(node, item, .index(index), position: index) {
          valid = false
          if !collect { return false }
        }
      }
      return valid
    case .contains(let spec):
      var matches = 0
      for (index, item) in items.enumerated() {
        path.append(.index(index))
        order.append(index)
        var ignored = EvaluatedMarks()
        let matched = probe(spec.node, item, into: &ignored)
        path.removeLast()
        order.removeLast()
        if matched {
          matches += 1
          if tracking { marks.insert(index) }
          if !tracking && spec.max == nil && matches >= spec.min { break }
        }
      }
      if matches < spec.min {
        if spec.minWritten {
          report(
            "schema.min-contains",
            "must contain at least \(spec.min) item\(spec.min == 1 ? "" : "s") matching `contains` (got \(matches))",
            at: keyword.path)
        } else {
          report("schema.contains", "must contain an item matching `contains`", at: keyword.path)
        }
        return false
      }
      if let max = spec.max, matches > max {
        report(
          "schema.max-contains",
          "must contain at most \(max) item\(max == 1 ? "" : "s") matching `contains` (got \(matches))",
          at: keyword.path)
        return false
      }
      return true
    case .minItems(let limit):
      guard items.count >= limit else {
        report("schema.min-items", "must have at least \(Self.items(limit)) (got \(items.count))", at: keyword.path)
        return false
      }
      return true
    case .maxItems(let limit):
      guard items.count <= limit else {
        report("schema.max-items", "must have at most \(Self.items(limit)) (got \(items.count))", at: keyword.path)
        return false
      }
      return true
    case .uniqueItems:
      var valid = true
      for later in items.indices {
        guard let earlier = items[..<later].firstIndex(of: items[later]) else { continue }
        valid = false
        guard collect else { return false }
        report(
          "schema.unique-items", "duplicate of item \(earlier); items must be unique", at: keyword.path,
          child: (.index(later), later))
      }
      return valid
    case .unevaluatedItems(let rest):
      var valid = true
      let forbidden = program.nodes[rest].isFalse
      for (index, item) in items.enumerated() where !marks.contains(index) {
        if forbidden {
          valid = false
          guard collect else { return false }
          report("schema.unexpected-item", "unexpected item \(index)", at: keyword.path, child: (.index(index), index))
        } else if !evaluateChild(rest, item, .index(index), position: index) {
          valid = false
          if !collect { return false }
        }
      }
      if valid {
        for index in items.indices { marks.insert(index) }
      }
      return valid
    default:
      return true
    }
  }

  private static func items(_ n: Int) -> String { n == 1 ? "1 item" : "\(n) items" }
}
