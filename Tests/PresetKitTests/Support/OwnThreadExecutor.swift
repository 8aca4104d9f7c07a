import Foundation

/// A task executor with one thread of its own, for tests that time an async operation.
///
/// On the cooperative pool (two threads on a 2-core machine) a timed test's continuations queue behind every
/// other test that holds a pool thread (the synchronous child-process runs of `TempRepo.run`, most of all):
/// "ends at once" was measured at 50 s in a full suite and at 0.014 s alone. With this executor preferred,
/// the operation's jobs run here, so what is timed is the client, not the test scheduler.
final class OwnThreadExecutor: TaskExecutor, @unchecked Sendable {
  private let condition = NSCondition()
  private var jobs: [UnownedJob] = []
  private var stopped = false
  private var threadID: pthread_t?

  init() {
    Thread { [self] in
      condition.lock()
      threadID = pthread_self()
      condition.broadcast()
      condition.unlock()
      run()
    }.start()
  }

  /// The executor's thread (waits until it has started).
  var thread: pthread_t? {
    condition.lock()
    defer { condition.unlock() }
    while threadID == nil { condition.wait() }
    return threadID
  }

  func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    condition.lock()
    jobs.append(job)
    condition.broadcast()
    condition.unlock()
  }

  /// Lets the thread end once the queued jobs have run.
  func stop() {
    condition.lock()
    stopped = true
    condition.broadcast()
    condition.unlock()
  }

  private func run() {
    while true {
      condition.lock()
      while jobs.isEmpty && !stopped { condition.wait() }
      guard !jobs.isEmpty else {
        condition.unlock()
        return
      }
      let job = jobs.removeFirst()
      condition.unlock()
      job.runSynchronously(on: asUnownedTaskExecutor())
    }
  }
}

/// Runs `body` with its own thread as the preferred task executor (see `OwnThreadExecutor`).
func onOwnThread<T>(_ body: (OwnThreadExecutor) async throws -> T) async rethrows -> T {
  let executor = OwnThreadExecutor()
  defer { executor.stop() }
  return try await withTaskExecutorPreference(executor) { try await body(executor) }
}
