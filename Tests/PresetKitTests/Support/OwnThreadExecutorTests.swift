import Foundation
import Testing

/// `onOwnThread`: the body, what it awaits, and tasks started with the executor run on its own thread, not
/// on the shared pool.
@Suite struct OwnThreadExecutorTests {
  /// The current thread, read synchronously (`Thread.current` is unavailable in async code).
  static func current() -> pthread_t { pthread_self() }

  @Test func bodyRunsOnTheOwnThreadAcrossSuspensions() async throws {
    let (threads, own) = try await onOwnThread { executor -> ([pthread_t], pthread_t?) in
      let before = Self.current()
      try await Task.sleep(nanoseconds: 1_000_000)
      let after = Self.current()
      let child = await Task(executorPreference: executor) { Self.current() }.value
      return ([before, after, child], executor.thread)
    }
    let thread = try #require(own)
    #expect(threads.allSatisfy { pthread_equal($0, thread) != 0 })
  }
}
