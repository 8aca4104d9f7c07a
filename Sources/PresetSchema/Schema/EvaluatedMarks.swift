/// The members (by position) or items (by index) of one instance location that some keyword has evaluated:
/// the annotations `unevaluatedProperties` and `unevaluatedItems` consume.
///
/// The first 64 positions live inline, so typical preset objects never allocate.
struct EvaluatedMarks {
  private var low: UInt64 = 0
  private var high: [UInt64] = []

  /// Marks position `i`.
  mutating func insert(_ i: Int) {
    if i < 64 {
      low |= 1 << UInt64(i)
      return
    }
    let word = i / 64 - 1
    if word >= high.count { high += Array(repeating: 0, count: word - high.count + 1) }
    high[word] |= 1 << UInt64(i % 64)
  }

  /// True when position `i` is marked.
  func contains(_ i: Int) -> Bool {
    if i < 64 { return low & (1 << UInt64(i)) != 0 }
    let word = i / 64 - 1
    return word < high.count && high[word] & (1 << UInt64(i % 64)) != 0
  }

  /// Adds every mark of `other`.
  mutating func formUnion(_ other: EvaluatedMarks) {
    low |= other.low
    if other.high.isEmpty { return }
    if high.count < other.high.count { high += Array(repeating: 0, count: other.high.count - high.count) }
    for (i, word) in other.high.enumerated() { high[i] |= word }
  }
}
