import Dispatch

/// Runs async work from the synchronous benchmark entry point and waits for its value.
///
/// The main thread waits on a semaphore while the work runs on the cooperative pool (which the main thread is
/// not part of), so this cannot deadlock.
func blockingAwait<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
  let box = ResultBox<T>()
  let semaphore = DispatchSemaphore(value: 0)
  Task {
    box.value = await work()
    semaphore.signal()
  }
  semaphore.wait()
  guard let value = box.value else { preconditionFailure("async work finished without a value") }
  return value
}

/// Carries the value from the task to the waiting thread; the semaphore orders the write before the read.
private final class ResultBox<T>: @unchecked Sendable {
  var value: T?
}
