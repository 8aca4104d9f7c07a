/// Invariants shared by several targets.
enum FuzzChecks {
  /// Canonical and pretty output parse back to the same value, and canonical output is a fixed point.
  static func roundTrip(_ value: JSONValue) {
    let canonical = JSONWriter.canonicalBytes(value)
    let again: JSONValue
    do {
      again = try JSONParser.parse(canonical)
    } catch {
      fuzzFail("canonical output does not parse: \(error)")
    }
    if again != value { fuzzFail("parse(canonical(x)) != x") }
    if JSONWriter.canonicalBytes(again) != canonical { fuzzFail("canonical output is not a fixed point") }
    let pretty = JSONWriter.bytes(value, options: .pretty)
    guard let fromPretty = try? JSONParser.parse(pretty) else { fuzzFail("pretty output does not parse") }
    if fromPretty != value { fuzzFail("parse(pretty(x)) != x") }
  }

  /// Every node of a document has a location with positive line and column.
  static func walkSourceMap(_ document: LocatedDocument) {
    func walk(_ value: JSONValue, _ pointer: JSONPointer, depth: Int) {
      let location = document.sourceMap.location(of: pointer)
      if location.line < 1 || location.column < 1 { fuzzFail("location \(location) for \(pointer)") }
      guard depth < 64 else { return }
      switch value {
      case .array(let items):
        for (i, item) in items.enumerated().prefix(64) { walk(item, pointer.appending(i), depth: depth + 1) }
      case .object(let object):
        for member in object.members.prefix(64) {
          walk(member.value, pointer.appending(member.key), depth: depth + 1)
        }
      default: break
      }
    }
    walk(document.value, .root, depth: 0)
  }
}
