import PresetCore

/// Runs a `SchemaProgram` against one instance.
///
/// One engine serves both entry points: with `collect` off it stops at the first failure and builds no
/// messages (`isValid`); with `collect` on it keeps going and records violations (`validate`). The boolean
/// result is the same either way. Instance paths are kept as a stack of components and only turned into
/// `JSONPointer`s when a violation is recorded.
struct SchemaEvaluator {
  /// A violation before sorting, with the member/item positions that give document order.
  struct Pending {
    var code: String
    var message: String
    var path: [JSONPointer.Component]
    var order: [Int]
    var schemaPath: String
    var atKey: Bool
    var hint: String?
    /// For type mismatches: the expected types, so `anyOf` branches that all mismatch can merge into one.
    var expected: SchemaTypeSet?
  }

  let program: SchemaProgram
  let tracking: Bool
  var collect: Bool
  var violations: [Pending] = []
  var path: [JSONPointer.Component] = []
  var order: [Int] = []
  var scope: [Int] = []
  var depth = 0
  var inPlaceDepth = 0

  /// Nested node evaluations allowed. Each costs about 4-6 KB of stack in a debug build (far less optimised), so
  /// 500 stays within a few MB whatever the schema; a simple recursive schema then handles instances about 250
  /// levels deep, far beyond any preset. Deeper instances get `schema.too-deep` instead of a stack overflow.
  static let maxDepth = 500
  /// Nested in-place applications (`$ref`, `allOf`, …) without moving into the instance; more means a loop.
  static let maxInPlaceDepth = 100

  init(program: SchemaProgram, collect: Bool) {
    self.program = program
    self.tracking = program.tracksAnnotations
    self.collect = collect
  }

  // MARK: Nodes

  /// Evaluates node `index` against `value` at the current path. The node's annotations go into `out` when
  /// it is valid, and also when it fails and `mergeOnFailure` is set while collecting: then the parent fails
  /// anyway, and keeping the marks stops `unevaluatedProperties` from repeating the child's complaints.
  mutating func evaluate(
    _ index: Int, _ value: JSONValue, into out: inout EvaluatedMarks, mergeOnFailure: Bool
  ) -> Bool {
    // The node's fields are read in place: copying the node (its path and keyword array) on every visit
    // was a retain and release per field in the hottest recursion of validation.
    if program.nodes[index].isFalse {
      report("schema.false", "no value is allowed here", at: program.nodes[index].path)
      return false
    }
    let keywordCount = program.nodes[index].keywords.count
    if keywordCount == 0 { return true }
    guard depth < Self.maxDepth else {
      report("schema.too-deep", "the value is nested too deeply to validate", at: program.nodes[index].path)
      return false
    }
    guard inPlaceDepth < Self.maxInPlaceDepth else {
      report("schema.loop", "the schema refers to itself without end here", at: program.nodes[index].path)
      return false
    }
    depth += 1
    let resource = program.nodes[index].resource
    let entersResource = program.usesDynamicScope && scope.last != resource
    if entersResource { scope.append(resource) }
    var marks = EvaluatedMarks()
    var valid = true
    for position in 0..<keywordCount {
      let keyword = program.nodes[index].keywords[position]
      if !check(keyword, in: index, value, &marks) {
        valid = false
        if !collect { break }
        // The other keywords of a mistyped value only add noise.
        if case .type = keyword.kind { break }
      }
    }
    if entersResource { scope.removeLast() }
    depth -= 1
    if tracking && (valid || (mergeOnFailure && collect)) { out.formUnion(marks) }
    return valid
  }

  /// Evaluates a subschema that applies to the same instance location.
  mutating func evaluateInPlace(
    _ index: Int, _ value: JSONValue, into out: inout EvaluatedMarks, mergeOnFailure: Bool
  ) -> Bool {
    inPlaceDepth += 1
    defer { inPlaceDepth -= 1 }
    return evaluate(index, value, into: &out, mergeOnFailure: mergeOnFailure)
  }

  /// Evaluates a subschema against a member or item, one step down the instance.
  mutating func evaluateChild(
    _ index: Int, _ value: JSONValue, _ component: JSONPointer.Component, position: Int
  ) -> Bool {
    path.append(component)
    order.append(position)
    let savedInPlace = inPlaceDepth
    inPlaceDepth = 0
    var scratch = EvaluatedMarks()
    let valid = evaluate(index, value, into: &scratch, mergeOnFailure: false)
    inPlaceDepth = savedInPlace
    path.removeLast()
    order.removeLast()
    return valid
  }

  /// Evaluates without recording violations (for `not`, `if`, `contains`), restoring the mode afterwards.
  mutating func probe(_ index: Int, _ value: JSONValue, into out: inout EvaluatedMarks) -> Bool {
    let saved = collect
    collect = false
    defer { collect = saved }
    return evaluateInPlace(index, value, into: &out, mergeOnFailure: false)
  }

  // MARK: Reporting

  /// Records a violation at the current path (or one step below it with `child`).
  mutating func report(
    _ code: String, _ message: @autoclosure () -> String, at schemaPath: String, hint: @autoclosure () -> String? = nil,
    child: (JSONPointer.Component, Int)? = nil, atKey: Bool = false, expected: SchemaTypeSet? = nil
  ) {
    guard collect else { return }
    var violationPath = path
    var violationOrder = order
    if let child {
      violationPath.append(child.0)
      violationOrder.append(child.1)
    }
    violations.append(
      Pending(
        code: code, message: message(), path: violationPath, order: violationOrder, schemaPath: schemaPath,
        atKey: atKey, hint: hint(), expected: expected))
  }

  /// The final, sorted, de-duplicated violations.
  func finished() -> [SchemaViolation] {
    let sorted = violations.enumerated().sorted { a, b in
      let x = a.element.order
      let y = b.element.order
      for (p, q) in zip(x, y) where p != q { return p < q }
      if x.count != y.count { return x.count < y.count }
      return a.offset < b.offset
    }
    var out: [SchemaViolation] = []
    var seen: Set<String> = []
    for (_, pending) in sorted {
      let violation = SchemaViolation(
        code: pending.code, message: pending.message, instancePath: JSONPointer(components: pending.path),
        schemaPath: pending.schemaPath, atKey: pending.atKey, hint: pending.hint)
      // The same complaint reached through two paths (say `additionalProperties` and `unevaluatedProperties`)
      // is reported once.
      let key = "\(violation.code)\u{0}\(violation.instancePath)\u{0}\(violation.message)\u{0}\(violation.atKey)"
      if seen.insert(key).inserted { out.append(violation) }
    }
    return out
  }

  // MARK: Dynamic scope

  /// The outermost resource in the dynamic scope declaring `$dynamicAnchor` `anchor`, else `fallback`.
  func dynamicTarget(anchor: Int, fallback: Int) -> Int {
    for resource in scope {
      for entry in program.dynamicAnchors[resource] where entry.name == anchor { return entry.node }
    }
    return fallback
  }
}
