import Foundation

/// Carries a value the compiler cannot prove Sendable to the one thread that uses it next.
struct UncheckedSendable<T>: @unchecked Sendable {
  /// The value.
  var value: T
}

/// Runs `body` on a thread of its own and awaits it. In-process command runs block their thread until the
/// command's async work is done (`AsyncBridge`); on the cooperative pool (two threads on a 2-core machine) two
/// such tests at once wait for each other forever, so they run here instead.
func offPool<T>(_ body: @escaping () -> T) async -> T {
  let work = UncheckedSendable(value: body)
  let result = await withCheckedContinuation { (done: CheckedContinuation<UncheckedSendable<T>, Never>) in
    Thread { done.resume(returning: UncheckedSendable(value: work.value())) }.start()
  }
  return result.value
}
