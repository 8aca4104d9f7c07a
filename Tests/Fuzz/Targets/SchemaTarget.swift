/// The chat skin's schema validator on arbitrary instances (JSON text, mutated from real request bodies):
/// never crashes, and every violation points at an instance location that exists.
enum SchemaTarget {
  static let validator = SkinValidators.embedded.validator(for: .chat)

  static func run(_ bytes: [UInt8]) {
    guard let instance = try? JSONParser.parse(bytes) else { return }
    let violations = validator.validate(instance)
    if validator.isValid(instance) != violations.isEmpty { fuzzFail("isValid disagrees with validate") }
    for violation in violations {
      if violation.message.isEmpty || violation.code.isEmpty { fuzzFail("a violation without code or message") }
      if instance.value(at: violation.instancePath) == nil {
        fuzzFail("violation \(violation.code) points at \(violation.instancePath), which does not exist")
      }
    }
  }
}
