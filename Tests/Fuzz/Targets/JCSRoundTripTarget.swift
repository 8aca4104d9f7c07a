/// JCS serializer round trip on values the parser could never produce: arbitrary doubles (every bit pattern
/// that is finite), arbitrary Unicode scalars in strings and keys, duplicate-looking keys in other
/// normalisation forms. parse(serialize(x)) == x, and serialising is deterministic and idempotent.
enum JCSRoundTripTarget {
  static func run(_ bytes: [UInt8]) {
    var source = FuzzByteSource(bytes)
    let value = FuzzValueGenerator.value(from: &source, depth: 0)
    FuzzChecks.roundTrip(value)
  }
}
