/// A bounded shortest edit script between two sequences of interned lines, in O((N+M)·D) time and
/// O(N + M + D²/s + s·D) space (s = `blockSize`) instead of the O(N·M) table of a longest-common-subsequence DP.
///
/// The script is the exact one the LCS table walk produced before (so diffs of every prompt stay byte for byte
/// what they were): walking forward from the start, take a match when the lines are equal, else remove when
/// that keeps the script shortest, else add. That rule needs the *cost to go* `G(i, j)` (edits left from
/// `(i, j)` to the end), which is what Myers' greedy search finds when run backwards from the end: level `d`
/// holds, per diagonal `k = i − j`, the smallest `i` with `G ≤ d`. `G` never grows along a diagonal towards the
/// end, so "`G(p) ≤ d`" is one comparison with that level.
///
/// The walk reads the levels from the last one down to 0, the reverse of the search. Keeping all of them costs
/// D²/2 entries; instead every `blockSize`-th level is kept and a block is recomputed from its checkpoint when
/// the walk reaches it, which at most doubles the search time.
enum LineDiff {
  /// One step of the script.
  enum Step: Sendable, Equatable {
    case same
    case removed
    case added
  }

  /// Marks a diagonal that no point with `G ≤ d` lies on (outside the grid at that level).
  private static let unreachable = Int.max

  /// The script from `x` to `y`, or nil when the search would cost more than `budget` operations (diagonal
  /// visits plus line comparisons); `blockSize` is the checkpoint spacing (a parameter so tests can vary it).
  static func script(_ x: [Int], _ y: [Int], budget: Int, blockSize: Int = 64) -> [Step]? {
    if x.isEmpty { return [Step](repeating: .added, count: y.count) }
    if y.isEmpty { return [Step](repeating: .removed, count: x.count) }
    // No line in common (a prompt rewritten line by line): every removal keeps the script shortest, so the walk
    // would remove everything first and then add; known in linear time, whatever the size.
    let old = Set(x)
    if !y.contains(where: old.contains) {
      return [Step](repeating: .removed, count: x.count) + [Step](repeating: .added, count: y.count)
    }
    var search = Search(x: x, y: y)
    guard let distance = search.run(budget: budget, blockSize: max(1, blockSize)) else { return nil }
    return search.walk(distance: distance)
  }

  /// The backward search and the forward walk over its levels.
  private struct Search {
    let x: [Int]
    let y: [Int]
    /// `N − M`: the diagonal of the end point, where level 0 starts.
    let delta: Int
    /// Levels `0, s, 2s, …` kept by `run`.
    var checkpoints: [[Int]] = []
    var blockSize = 1
    /// Levels `first ..< first + block.count`, recomputed for the walk.
    var block: [[Int]] = []
    var first = 0

    init(x: [Int], y: [Int]) {
      self.x = x
      self.y = y
      delta = x.count - y.count
    }

    /// Level 0: the end point, slid back over equal lines.
    func start() -> [Int] {
      [slide(i: x.count, k: delta)]
    }

    /// Moves back along diagonal `k` from row `i` while the lines before are equal.
    func slide(i start: Int, k: Int) -> Int {
      var i = start
      while i > 0 && i - k > 0 && x[i - 1] == y[i - k - 1] { i -= 1 }
      return i
    }

    /// Level `d` from level `d − 1`, adding the diagonal visits and comparisons made to `work`.
    ///
    /// Index `t` of level `d` is diagonal `delta − d + 2t`. A point next to one with `G ≤ d − 1` has `G ≤ d`
    /// (one edit more), so each diagonal starts from the farthest-back neighbour of the two adjacent diagonals'
    /// reach: one row up from diagonal `k + 1` (or one column right on the top edge), one column left from
    /// diagonal `k − 1` (or one row down on the left edge).
    func next(_ previous: [Int], level d: Int, work: inout Int) -> [Int] {
      var level = [Int](repeating: LineDiff.unreachable, count: d + 1)
      let n = x.count
      let m = y.count
      for t in 0...d {
        let k = delta - d + 2 * t
        guard k <= n && k >= -m else { continue }
        var best = LineDiff.unreachable
        if t < d, previous[t] != LineDiff.unreachable {
          let i0 = previous[t]
          if i0 >= 1 {
            best = i0 - 1
          } else if -k <= m {
            best = 0
          }
        }
        if t >= 1, previous[t - 1] != LineDiff.unreachable {
          let i0 = previous[t - 1]
          let j0 = i0 - (k - 1)
          if j0 >= 1 {
            best = min(best, i0)
          } else if i0 + 1 <= n {
            best = min(best, i0 + 1)
          }
        }
        guard best != LineDiff.unreachable else { continue }
        let i = slide(i: best, k: k)
        work += best - i
        level[t] = i
      }
      work += d + 1
      return level
    }

    /// Runs levels until the start point is reached; the edit distance, or nil past `budget`.
    mutating func run(budget: Int, blockSize: Int) -> Int? {
      self.blockSize = blockSize
      var level = start()
      var work = x.count - level[0] + 1
      var d = 0
      while true {
        if d % blockSize == 0 { checkpoints.append(level) }
        if reaches(level, level: d, i: 0, k: 0) { return d }
        guard work <= budget else { return nil }
        d += 1
        level = next(level, level: d, work: &work)
      }
    }

    /// True when level `d` (array `level`) says point `(i, i − k)` has `G ≤ d`.
    func reaches(_ level: [Int], level d: Int, i: Int, k: Int) -> Bool {
      let offset = k - delta + d
      guard offset >= 0, offset <= 2 * d, offset % 2 == 0 else { return false }
      return level[offset / 2] <= i
    }

    /// Level `d` for the walk, recomputing its block from the checkpoint when needed.
    mutating func level(_ d: Int) -> [Int] {
      if d < first || d >= first + block.count {
        first = d / blockSize * blockSize
        block = [checkpoints[d / blockSize]]
        var ignored = 0
        for e in (first + 1)..<(d + 1) {
          block.append(next(block[block.count - 1], level: e, work: &ignored))
        }
      }
      return block[d - first]
    }

    /// The forward walk: match, else remove when that stays shortest, else add.
    mutating func walk(distance: Int) -> [Step] {
      var steps: [Step] = []
      steps.reserveCapacity(max(x.count, y.count) + distance / 2)
      var i = 0
      var j = 0
      var cost = distance
      while i < x.count || j < y.count {
        if i < x.count && j < y.count && x[i] == y[j] {
          steps.append(.same)
          i += 1
          j += 1
          continue
        }
        let remove: Bool
        if j == y.count {
          remove = true
        } else if i == x.count {
          remove = false
        } else {
          remove = reaches(level(cost - 1), level: cost - 1, i: i + 1, k: i + 1 - j)
        }
        if remove {
          steps.append(.removed)
          i += 1
        } else {
          steps.append(.added)
          j += 1
        }
        cost -= 1
      }
      return steps
    }
  }
}
