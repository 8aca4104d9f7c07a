import PresetCore

extension SchemaEvaluator {
  /// One evaluated `anyOf`/`oneOf` branch.
  private struct BranchOutcome {
    var branch: Int
    var valid: Bool
    var violations: [Pending]
    var marks: EvaluatedMarks
  }

  /// `anyOf` and `oneOf`. When no branch matches, only the branch that came closest is reported (the one the
  /// discriminator selects, else the best by `closeness`), because a dump of every branch buries the real problem.
  mutating func checkBranches(
    _ spec: SchemaBranches, oneOf: Bool, _ keyword: SchemaKeyword, _ value: JSONValue, _ marks: inout EvaluatedMarks
  ) -> Bool {
    guard collect else { return checkBranchesQuickly(spec, oneOf: oneOf, value, &marks) }
    let start = violations.count
    var outcomes: [BranchOutcome] = []
    for (branch, node) in spec.nodes.enumerated() {
      var branchMarks = EvaluatedMarks()
      let valid = evaluateInPlace(node, value, into: &branchMarks, mergeOnFailure: true)
      outcomes.append(
        BranchOutcome(branch: branch, valid: valid, violations: Array(violations[start...]), marks: branchMarks))
      violations.removeSubrange(start...)
      if valid && !oneOf && !tracking { break }
    }
    let matching = outcomes.filter(\.valid)
    for outcome in matching { marks.formUnion(outcome.marks) }
    if oneOf ? matching.count == 1 : !matching.isEmpty { return true }
    if !matching.isEmpty {
      let list = matching.map { String($0.branch) }.joined(separator: ", ")
      report(
        "schema.one-of", "matches \(matching.count) alternatives of `oneOf` (\(list)); exactly one must match",
        at: keyword.path)
      return false
    }
    reportClosest(outcomes, spec, keyword, value, &marks)
    return false
  }

  private mutating func checkBranchesQuickly(
    _ spec: SchemaBranches, oneOf: Bool, _ value: JSONValue, _ marks: inout EvaluatedMarks
  ) -> Bool {
    var matches = 0
    for node in spec.nodes {
      var branchMarks = EvaluatedMarks()
      guard evaluateInPlace(node, value, into: &branchMarks, mergeOnFailure: false) else { continue }
      matches += 1
      marks.formUnion(branchMarks)
      if oneOf ? matches > 1 : !tracking { break }
    }
    return oneOf ? matches == 1 : matches > 0
  }

  private mutating func reportClosest(
    _ outcomes: [BranchOutcome], _ spec: SchemaBranches, _ keyword: SchemaKeyword, _ value: JSONValue,
    _ marks: inout EvaluatedMarks
  ) {
    if let discriminator = spec.discriminator, case .object(let object) = value {
      let known = discriminator.values.map { JSONValue.string($0.value) }
      guard let position = object.index(of: discriminator.property) else {
        report(
          "schema.required", "missing required key `\(discriminator.property)`", at: keyword.path,
          hint: known.isEmpty ? nil : "`\(discriminator.property)` selects the variant: \(SchemaText.optionList(known))"
        )
        return
      }
      let selector = object.members[position].value
      guard case .string(let name) = selector, let branch = discriminator.branch(for: name),
        let outcome = outcomes.first(where: { $0.branch == branch })
      else {
        report(
          "schema.discriminator", "must be one of: \(SchemaText.optionList(known))", at: keyword.path,
          hint: Self.didYouMean(selector, discriminator.values.map(\.value)),
          child: (.key(discriminator.property), position))
        return
      }
      violations += outcome.violations
      marks.formUnion(outcome.marks)
      return
    }
    let base = path.count
    let mismatched = outcomes.filter { outcome in
      outcome.violations.contains { $0.code == "schema.type" && $0.path.count == base }
    }
    if mismatched.count == outcomes.count, outcomes.count == spec.nodes.count {
      // Every alternative wants another type: one message naming them all beats one per branch.
      var expected: [SchemaTypeSet] = []
      for outcome in outcomes {
        for violation in outcome.violations where violation.code == "schema.type" && violation.path.count == base {
          expected.append(violation.expected ?? [])
        }
      }
      let union = expected.reduce(into: SchemaTypeSet()) { $0.formUnion($1) }
      report(
        "schema.type", SchemaText.typeMismatch(expected: expected, actual: value), at: keyword.path, expected: union)
      return
    }
    guard var best = outcomes.first else { return }
    var bestScore = closeness(best, base: base)
    for outcome in outcomes.dropFirst() {
      let score = closeness(outcome, base: base)
      if score < bestScore {
        best = outcome
        bestScore = score
      }
    }
    violations += best.violations
    marks.formUnion(best.marks)
  }

  /// Lower is closer: the right type first; then no mismatched `const` on a direct member (an implicit
  /// discriminator such as `kind: {const: …}`); then fewer shape mismatches (unknown or missing keys, the sign
  /// of a branch meant for other objects); then fewer violations; then deeper ones (the branch got further).
  private func closeness(_ outcome: BranchOutcome, base: Int) -> (Int, Int, Int, Int, Int) {
    var typeMismatch = 0
    var constantMismatch = 0
    var shapeMismatches = 0
    var deepest = 0
    for violation in outcome.violations {
      let depth = violation.path.count - base
      switch (depth, violation.code) {
      case (0, "schema.type"): typeMismatch = 1
      case (1, "schema.const"): constantMismatch = 1
      case (0, "schema.required"), (1, "schema.unknown-key"): shapeMismatches += 1
      default: break
      }
      deepest = max(deepest, depth)
    }
    return (typeMismatch, constantMismatch, shapeMismatches, outcome.violations.count, -deepest)
  }
}
