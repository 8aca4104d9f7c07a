import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

extension OpenRouterClient {
  /// What one attempt of a request came to.
  enum Attempt<Value> {
    /// Finished: return this.
    case done(Value)
    /// Failed in a way that may be retried; `retryAfter` is the server's `Retry-After`, if any.
    case failed(RemoteError, retryAfter: TimeInterval?)
  }

  /// The one retry loop: checks for cancellation, sends `request` (cut to the deadline), lets `attempt` judge
  /// the outcome, and waits and tries again while `RetryState` allows. When it gives up, `stopped` turns the last
  /// failure and the reason into the error thrown (by default the failure with the reason added).
  func retrying<Value>(
    _ call: Call, _ request: URLRequest,
    stopped: (RemoteError, String?) -> RemoteError = { failure, reason in failure.adding(reason: reason) },
    attempt: (_ outcome: HTTPOutcome, _ timeout: TimeInterval, _ attempts: Int) async throws(RemoteError) ->
      Attempt<Value>
  ) async throws(RemoteError) -> Value {
    var state = RetryState(policy: policy)
    while true {
      try checkCancellation(call)
      state.attempts += 1
      let (outcome, timeout) = try await send(request, call, attempts: state.attempts)
      switch try await attempt(outcome, timeout, state.attempts) {
      case .done(let value): return value
      case .failed(let failure, let retryAfter):
        switch state.decide(retryAfter: retryAfter, deadlineLeft: deadlineLeft) {
        case .retry(let delay): try await sleep(delay, call: call)
        case .stop(let reason): throw stopped(failure, reason)
        }
      }
    }
  }
}
