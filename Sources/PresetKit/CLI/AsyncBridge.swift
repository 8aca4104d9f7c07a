import Dispatch

/// Runs async work from the synchronous command entry points and waits for its result.
///
/// The main thread blocks on a semaphore while the work runs on the cooperative pool; the main thread is not
/// part of that pool, so this cannot deadlock.
package enum AsyncBridge {
  /// Runs `work` on the cooperative pool and blocks the calling (non-pool) thread until it returns its value.
  package static func run<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
    let box = Box<T>()
    let semaphore = DispatchSemaphore(value: 0)
    Task {
      box.value = await work()
      semaphore.signal()
    }
    semaphore.wait()
    guard let value = box.value else { preconditionFailure("async work finished without a value") }
    return value
  }

  private final class Box<T>: @unchecked Sendable {
    package var value: T?
  }
}
