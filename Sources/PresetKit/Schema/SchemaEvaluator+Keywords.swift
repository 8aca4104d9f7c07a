extension SchemaEvaluator {
  /// Checks one keyword of node `node`; annotations for the current location go into `marks`.
  mutating func check(
    _ keyword: SchemaKeyword, in node: Int, _ value: JSONValue, _ marks: inout EvaluatedMarks
  ) -> Bool {
    switch keyword.kind {
    case .type(let types):
      guard types.admits(value) else {
        report(
          "schema.type", SchemaText.typeMismatch(expected: types, actual: value), at: keyword.path, expected: types)
        return false
      }
      return true
    case .enumeration(let options):
      if options.contains(value) { return true }
      report(
        "schema.enum", "must be one of: \(SchemaText.optionList(options))", at: keyword.path,
        hint: Self.didYouMean(value, options.compactMap(\.stringValue)))
      return false
    case .constant(let expected):
      if value == expected { return true }
      report(
        "schema.const", "must be \(SchemaText.render(expected))", at: keyword.path,
        hint: Self.didYouMean(value, expected.stringValue.map { [$0] } ?? []))
      return false
    case .members, .propertyNames, .required, .dependentRequired, .dependentSchemas, .minProperties,
      .maxProperties, .unevaluatedProperties:
      guard case .object(let object) = value else { return true }
      return checkObject(keyword, in: node, object, value, &marks)
    case .items, .contains, .minItems, .maxItems, .uniqueItems, .unevaluatedItems:
      guard case .array(let items) = value else { return true }
      return checkArray(keyword, items, &marks)
    case .minLength(let limit):
      guard case .string(let text) = value else { return true }
      let length = text.unicodeScalars.count
      guard length >= limit else {
        report(
          "schema.min-length",
          "must be at least \(limit) character\(limit == 1 ? "" : "s") long (got \(length))", at: keyword.path)
        return false
      }
      return true
    case .maxLength(let limit):
      guard case .string(let text) = value else { return true }
      let length = text.unicodeScalars.count
      guard length <= limit else {
        report(
          "schema.max-length",
          "must be at most \(limit) character\(limit == 1 ? "" : "s") long (got \(length))", at: keyword.path)
        return false
      }
      return true
    case .pattern(let regex):
      guard case .string(let text) = value, !regex.matches(text) else { return true }
      report("schema.pattern", "must match the pattern `\(regex.source)`", at: keyword.path)
      return false
    case .minimum(let limit):
      return checkNumber(value, keyword, "schema.minimum", "at least", limit) { $0 >= limit }
    case .maximum(let limit):
      return checkNumber(value, keyword, "schema.maximum", "at most", limit) { $0 <= limit }
    case .exclusiveMinimum(let limit):
      return checkNumber(value, keyword, "schema.exclusive-minimum", "greater than", limit) { $0 > limit }
    case .exclusiveMaximum(let limit):
      return checkNumber(value, keyword, "schema.exclusive-maximum", "less than", limit) { $0 < limit }
    case .multipleOf(let divisor):
      guard case .number(let n) = value, !divisor.divides(n) else { return true }
      report(
        "schema.multiple-of",
        "must be a multiple of \(SchemaText.number(divisor.value)) (got \(SchemaText.number(n)))", at: keyword.path)
      return false
    case .allOf(let list):
      var valid = true
      for branch in list where !evaluateInPlace(branch, value, into: &marks, mergeOnFailure: true) {
        valid = false
        if !collect { return false }
      }
      return valid
    case .anyOf(let branches):
      return checkBranches(branches, oneOf: false, keyword, value, &marks)
    case .oneOf(let branches):
      return checkBranches(branches, oneOf: true, keyword, value, &marks)
    case .not(let inner):
      var ignored = EvaluatedMarks()
      guard probe(inner, value, into: &ignored) else { return true }
      report("schema.not", "must not match the schema in `not`", at: keyword.path)
      return false
    case .conditional(let conditional):
      if conditional.then == nil && conditional.otherwise == nil && !tracking { return true }
      var conditionMarks = EvaluatedMarks()
      if probe(conditional.condition, value, into: &conditionMarks) {
        marks.formUnion(conditionMarks)
        guard let then = conditional.then else { return true }
        return evaluateInPlace(then, value, into: &marks, mergeOnFailure: true)
      }
      guard let otherwise = conditional.otherwise else { return true }
      return evaluateInPlace(otherwise, value, into: &marks, mergeOnFailure: true)
    case .ref(let target):
      return evaluateInPlace(target, value, into: &marks, mergeOnFailure: true)
    case .dynamicRef(let reference):
      let target = reference.anchor.map { dynamicTarget(anchor: $0, fallback: reference.target) } ?? reference.target
      return evaluateInPlace(target, value, into: &marks, mergeOnFailure: true)
    }
  }

  private mutating func checkNumber(
    _ value: JSONValue, _ keyword: SchemaKeyword, _ code: String, _ relation: String, _ limit: Double,
    _ test: (Double) -> Bool
  ) -> Bool {
    guard case .number(let n) = value, !test(n) else { return true }
    report(
      code, "must be \(relation) \(SchemaText.number(limit)) (got \(SchemaText.number(n)))", at: keyword.path)
    return false
  }

  /// "did you mean `x`?" for a string value close to one of `candidates`.
  static func didYouMean(_ value: JSONValue, _ candidates: [String]) -> String? {
    guard case .string(let text) = value, let match = SchemaText.nearest(text, in: candidates) else { return nil }
    return "did you mean `\(match)`?"
  }
}
