/// Nearest-name suggestions for misspelt keys and flags ("did you mean `temperature`?").
package enum DidYouMean {
  /// The candidate closest to `word` by edit distance, when close enough to be a plausible typo
  /// (at most a third of the word's length, and at least 1 edit allowed).
  package static func suggestion(for word: String, among candidates: some Sequence<String>) -> String? {
    let limit = max(1, word.count / 3)
    var best: (name: String, distance: Int)?
    for candidate in candidates {
      let d = distance(word, candidate)
      if d <= limit, best.map({ d < $0.distance || (d == $0.distance && candidate < $0.name) }) ?? true {
        best = (candidate, d)
      }
    }
    return best?.name
  }

  /// Levenshtein distance over Unicode scalars, with adjacent transpositions counting as one edit
  /// (`temprature` is one edit from `temperature` by insertion, `tempreature` one by transposition).
  package static func distance(_ a: String, _ b: String) -> Int {
    let x = Array(a.unicodeScalars)
    let y = Array(b.unicodeScalars)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var previous2 = [Int](repeating: 0, count: y.count + 1)
    var previous = Array(0...y.count)
    var current = [Int](repeating: 0, count: y.count + 1)
    for i in 1...x.count {
      current[0] = i
      for j in 1...y.count {
        let cost = x[i - 1] == y[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
          current[j] = min(current[j], previous2[j - 2] + 1)
        }
      }
      (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[y.count]
  }
}
