import Dispatch
import PresetCore
import PresetModel
import PresetReconcile

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

  /// Runs throwing `work` the same way and rethrows its typed error on the calling thread.
  package static func run<T: Sendable, E: Error>(
    _ work: @escaping @Sendable () async throws(E) -> T
  ) throws(E) -> T {
    let result = run { () async -> Result<T, E> in
      do throws(E) {
        return .success(try await work())
      } catch {
        return .failure(error)
      }
    }
    return try result.get()
  }

  /// Runs requests to OpenRouter; a failure becomes the command's failure (`remote.*`, with its hint).
  static func remote<T: Sendable>(
    _ work: @escaping @Sendable () async throws(RemoteError) -> T
  ) throws(CommandFailure) -> T {
    do throws(RemoteError) {
      return try run(work)
    } catch {
      throw CommandFailure(error)
    }
  }

  private final class Box<T>: @unchecked Sendable {
    var value: T?
  }
}
