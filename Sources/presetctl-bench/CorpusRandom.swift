/// A SplitMix64 generator: small, fast, and the same sequence on every machine and Swift version.
///
/// Why not `SystemRandomNumberGenerator` or a seeded stdlib type: the corpus must be byte-identical across runs
/// and machines so benchmark results compare, and the standard library promises no stable seeded generator.
struct CorpusRandom {
  private var state: UInt64

  /// A generator for one stream, e.g. one preset: `seed` mixed with a stream number so streams do not overlap.
  init(seed: UInt64, stream: UInt64 = 0) {
    state = seed &+ stream &* 0x9E37_79B9_7F4A_7C15
    _ = next()
  }

  /// The next 64 random bits.
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z &>> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z &>> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z &>> 31)
  }

  /// A uniform integer in `range` (modulo bias is far below anything a benchmark corpus could notice).
  mutating func int(_ range: ClosedRange<Int>) -> Int {
    let width = UInt64(range.upperBound - range.lowerBound) + 1
    return range.lowerBound + Int(next() % width)
  }

  /// A uniform value in [0, 1).
  mutating func unit() -> Double {
    Double(next() >> 11) / Double(1 << 53)
  }

  /// True with probability `p`.
  mutating func chance(_ p: Double) -> Bool { unit() < p }

  /// One element of a non-empty array.
  mutating func pick<T>(_ items: [T]) -> T {
    items[int(0...(items.count - 1))]
  }

  /// `count` distinct elements of `items` in random order (all of them when `count` is larger).
  mutating func sample<T>(_ items: [T], count: Int) -> [T] {
    var pool = items
    var chosen: [T] = []
    while chosen.count < count, !pool.isEmpty {
      chosen.append(pool.remove(at: int(0...(pool.count - 1))))
    }
    return chosen
  }

  /// A number in `range` rounded to `decimals` places, as YAML/JSON text without exponent or leading zeros.
  mutating func decimalText(_ range: ClosedRange<Double>, decimals: Int) -> String {
    var scale = 1
    for _ in 0..<decimals { scale *= 10 }
    let low = Int((range.lowerBound * Double(scale)).rounded())
    let high = Int((range.upperBound * Double(scale)).rounded())
    let value = int(low...high)
    let sign = value < 0 ? "-" : ""
    let whole = abs(value) / scale
    let fraction = abs(value) % scale
    guard fraction != 0 else { return "\(sign)\(whole)" }
    var digits = String(fraction)
    while digits.count < decimals { digits = "0" + digits }
    while digits.hasSuffix("0") { digits.removeLast() }
    return "\(sign)\(whole).\(digits)"
  }
}
