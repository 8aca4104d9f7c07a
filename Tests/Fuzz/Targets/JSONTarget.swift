/// The strict JSON parser: never crashes; whatever it accepts re-serialises (canonical and pretty) to text it
/// accepts again with the same value, and canonical output is a fixed point.
enum JSONTarget {
  static func run(_ bytes: [UInt8]) {
    let value: JSONValue
    do {
      value = try JSONParser.parse(bytes)
    } catch {
      if error.offset < 0 || error.offset > bytes.count { fuzzFail("error offset \(error.offset) outside the input") }
      if error.line < 1 || error.column < 1 { fuzzFail("error position \(error.line):\(error.column)") }
      return
    }
    FuzzChecks.roundTrip(value)
    _ = try? JSONParser.parseSequence(bytes)
  }
}
