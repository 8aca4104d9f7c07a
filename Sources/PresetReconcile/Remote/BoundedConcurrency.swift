/// Runs async work over a list with at most a fixed number of tasks in flight.
package enum BoundedConcurrency {
  /// Applies `body` to every item with at most `parallelism` (minimum 1) calls running at once and returns
  /// the results in input order.
  package static func map<T: Sendable, R: Sendable>(
    _ items: [T], parallelism: Int, _ body: @escaping @Sendable (T) async -> R
  ) async -> [R] {
    guard !items.isEmpty else { return [] }
    let width = max(1, min(parallelism, items.count))
    return await withTaskGroup(of: (Int, R).self) { group in
      var results = [R?](repeating: nil, count: items.count)
      var next = 0
      while next < width {
        let index = next
        group.addTask { (index, await body(items[index])) }
        next += 1
      }
      while let (index, result) = await group.next() {
        results[index] = result
        if next < items.count {
          let index = next
          group.addTask { (index, await body(items[index])) }
          next += 1
        }
      }
      return results.compactMap { $0 }
    }
  }
}
