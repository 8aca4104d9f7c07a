import PresetCore

extension SchemaEvaluator {
  /// Checks one keyword of node `node`; annotations for the current location go into `marks`.
  ///
  /// A thin dispatcher on purpose: evaluation recurses through this frame once per schema level, so message
  /// building lives in separate `fail…` functions that only run on failure and keep this frame small.
  mutating func check(
    _ keyword: SchemaKeyword, in node: Int, _ value: JSONValue, _ marks: inout EvaluatedMarks
  ) -> Bool {
    switch keyword.kind {
    case .type(let types):
      return types.admits(value) || failType(types, keyword, value)
    case .enumeration(let options):
      return options.contains(value) || failEnum(options, keyword, value)
    case .constant(let expected):
      return value == expected || failConst(expected, keyword, value)
    case .members, .propertyNames, .required, .dependentRequired, .dependentSchemas, .minProperties,
      .maxProperties, .unevaluatedProperties:
      guard case .object(let object) = value else { return true }
      return checkObject(keyword, in: node, object, value, &marks)
    case .items, .contains, .minItems, .maxItems, .uniqueItems, .unevaluatedItems:
      guard case .array(let items) = value else { return true }
      return checkArray(keyword, items, &marks)
    case .minLength(let limit):
      guard case .string(let text) = value else { return true }
      return text.unicodeScalars.count >= limit || failLength(limit, text, keyword, minimum: true)
    case .maxLength(let limit):
      guard case .string(let text) = value else { return true }
      return text.unicodeScalars.count <= limit || failLength(limit, text, keyword, minimum: false)
    case .pattern(let regex):
      guard case .string(let text) = value else { return true }
      return regex.matches(text) || failPattern(regex, keyword)
    case .minimum(let limit):
      guard case .number(let n) = value else { return true }
      return n >= limit || failBound(n, limit, keyword, "schema.minimum", "at least")
    case .maximum(let limit):
      guard case .number(let n) = value else { return true }
      return n <= limit || failBound(n, limit, keyword, "schema.maximum", "at most")
    case .exclusiveMinimum(let limit):
      guard case .number(let n) = value else { return true }
      return n > limit || failBound(n, limit, keyword, "schema.exclusive-minimum", "greater than")
    case .exclusiveMaximum(let limit):
      guard case .number(let n) = value else { return true }
      return n < limit || failBound(n, limit, keyword, "schema.exclusive-maximum", "less than")
    case .multipleOf(let divisor):
      guard case .number(let n) = value else { return true }
      return divisor.divides(n) || failMultipleOf(n, divisor, keyword)
    case .allOf(let list):
      return checkAllOf(list, value, &marks)
    case .anyOf(let branches):
      return checkBranches(branches, oneOf: false, keyword, value, &marks)
    case .oneOf(let branches):
      return checkBranches(branches, oneOf: true, keyword, value, &marks)
    case .not(let inner, let message):
      return checkNot(inner, message, keyword, value)
    case .conditional(let conditional):
      return checkConditional(conditional, value, &marks)
    case .ref(let target):
      return evaluateInPlace(target, value, into: &marks, mergeOnFailure: true)
    case .dynamicRef(let reference):
      let target = reference.anchor.map { dynamicTarget(anchor: $0, fallback: reference.target) } ?? reference.target
      return evaluateInPlace(target, value, into: &marks, mergeOnFailure: true)
    }
  }

  private mutating func checkAllOf(_ list: [Int], _ value: JSONValue, _ marks: inout EvaluatedMarks) -> Bool {
    var valid = true
    for branch in list where !evaluateInPlace(branch, value, into: &marks, mergeOnFailure: true) {
      valid = false
      if !collect { return false }
    }
    return valid
  }

  private mutating func checkNot(
    _ inner: Int, _ message: String?, _ keyword: SchemaKeyword, _ value: JSONValue
  ) -> Bool {
    var ignored = EvaluatedMarks()
    guard probe(inner, value, into: &ignored) else { return true }
    report("schema.not", message ?? "must not match the schema in `not`", at: keyword.path)
    return false
  }

  private mutating func checkConditional(
    _ conditional: SchemaConditional, _ value: JSONValue, _ marks: inout EvaluatedMarks
  ) -> Bool {
    if conditional.then == nil && conditional.otherwise == nil && !tracking { return true }
    var conditionMarks = EvaluatedMarks()
    if probe(conditional.condition, value, into: &conditionMarks) {
      marks.formUnion(conditionMarks)
      guard let then = conditional.then else { return true }
      return evaluateInPlace(then, value, into: &marks, mergeOnFailure: true)
    }
    guard let otherwise = conditional.otherwise else { return true }
    return evaluateInPlace(otherwise, value, into: &marks, mergeOnFailure: true)
  }

  // MARK: Failures (always return false)

  @inline(never)
  private mutating func failType(_ types: SchemaTypeSet, _ keyword: SchemaKeyword, _ value: JSONValue) -> Bool {
    report("schema.type", SchemaText.typeMismatch(expected: types, actual: value), at: keyword.path, expected: types)
    return false
  }

  @inline(never)
  private mutating func failEnum(_ options: [JSONValue], _ keyword: SchemaKeyword, _ value: JSONValue) -> Bool {
    report(
      "schema.enum", "must be one of: \(SchemaText.optionList(options))", at: keyword.path,
      hint: Self.didYouMean(value, options.compactMap(\.stringValue)))
    return false
  }

  @inline(never)
  private mutating func failConst(_ expected: JSONValue, _ keyword: SchemaKeyword, _ value: JSONValue) -> Bool {
    report(
      "schema.const", "must be \(SchemaText.render(expected))", at: keyword.path,
      hint: Self.didYouMean(value, expected.stringValue.map { [$0] } ?? []))
    return false
  }

  @inline(never)
  private mutating func failLength(_ limit: Int, _ text: String, _ keyword: SchemaKeyword, minimum: Bool) -> Bool {
    let length = text.unicodeScalars.count
    let unit = "character\(limit == 1 ? "" : "s")"
    report(
      minimum ? "schema.min-length" : "schema.max-length",
      "must be \(minimum ? "at least" : "at most") \(limit) \(unit) long (got \(length))", at: keyword.path)
    return false
  }

  @inline(never)
  private mutating func failPattern(_ regex: SchemaRegex, _ keyword: SchemaKeyword) -> Bool {
    report("schema.pattern", "must match the pattern `\(regex.source)`", at: keyword.path)
    return false
  }

  @inline(never)
  private mutating func failBound(
    _ n: Double, _ limit: Double, _ keyword: SchemaKeyword, _ code: String, _ relation: String
  ) -> Bool {
    report(code, "must be \(relation) \(SchemaText.number(limit)) (got \(SchemaText.number(n)))", at: keyword.path)
    return false
  }

  @inline(never)
  private mutating func failMultipleOf(_ n: Double, _ divisor: SchemaDecimal, _ keyword: SchemaKeyword) -> Bool {
    report(
      "schema.multiple-of",
      "must be a multiple of \(SchemaText.number(divisor.value)) (got \(SchemaText.number(n)))", at: keyword.path)
    return false
  }

  /// "did you mean `x`?" for a string value close to one of `candidates`.
  static func didYouMean(_ value: JSONValue, _ candidates: [String]) -> String? {
    guard case .string(let text) = value, let match = SchemaText.nearest(text, in: candidates) else { return nil }
    return "did you mean `\(match)`?"
  }
}
