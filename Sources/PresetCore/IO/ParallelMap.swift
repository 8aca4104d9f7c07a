import Dispatch
import Foundation

/// Maps over independent items on several threads and returns results in input order.
///
/// Files are independent, so compiling them is embarrassingly parallel; results are gathered by index so the
/// output never depends on scheduling.
package enum ParallelMap {
  /// Applies `transform` to each item using up to `parallelism` threads; results keep the input order.
  package static func map<T: Sendable, R: Sendable>(
    _ items: [T], parallelism: Int, _ transform: @Sendable (T) -> R
  ) -> [R] {
    guard parallelism > 1, items.count > 1 else { return items.map(transform) }
    let workers = min(parallelism, items.count)
    let next = AtomicCounter()
    // Each result is written straight into its slot of the returned array: no optional slots and no copy of
    // them at the end (at 100,000 files the results are megabytes). Every index below `count` is taken by
    // exactly one worker and `transform` cannot throw, so every slot is initialised exactly once.
    return [R](unsafeUninitializedCapacity: items.count) { buffer, initialized in
      let slots = Slots(buffer: buffer)
      DispatchQueue.concurrentPerform(iterations: workers) { _ in
        while true {
          let i = next.increment()
          guard i < items.count else { return }
          slots.buffer.baseAddress?.advanced(by: i).initialize(to: transform(items[i]))
        }
      }
      initialized = items.count
    }
  }

  /// Runs two independent jobs side by side (one on the calling thread's pool slot) and returns both results.
  package static func both<A: Sendable, B: Sendable>(
    parallelism: Int, _ first: @Sendable () -> A, _ second: @Sendable () -> B
  ) -> (A, B) {
    guard parallelism > 1 else { return (first(), second()) }
    let a = ResultSlots<A>(count: 1)
    let b = ResultSlots<B>(count: 1)
    DispatchQueue.concurrentPerform(iterations: 2) { job in
      if job == 0 { a.set(0, first()) } else { b.set(0, second()) }
    }
    // Both slots are set once concurrentPerform returns; the fallbacks only keep this free of force-unwraps.
    guard let resultA = a.values().first, let resultB = b.values().first else { return (first(), second()) }
    return (resultA, resultB)
  }
}

/// Per-index result storage written by distinct threads at distinct indices, read once all are done.
private final class ResultSlots<R>: @unchecked Sendable {
  private var storage: [R?]
  private let lock = NSLock()

  init(count: Int) { storage = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ value: R) {
    lock.withLock { storage[index] = value }
  }

  func values() -> [R] { lock.withLock { storage.compactMap { $0 } } }
}

/// The result buffer, shared by the workers; each writes only the indices it took from the counter.
private struct Slots<R>: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<R>
}

/// A shared work index.
private final class AtomicCounter: @unchecked Sendable {
  private var value = -1
  private let lock = NSLock()

  func increment() -> Int {
    lock.withLock {
      value += 1
      return value
    }
  }
}
