import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

extension OpenRouterClient {
  /// Seconds left before the whole command's deadline; zero or negative once it has passed.
  var deadlineLeft: TimeInterval {
    let parts = startedAt.duration(to: .now).components
    return configuration.deadline - (TimeInterval(parts.seconds) + TimeInterval(parts.attoseconds) / 1e18)
  }

  /// The request for one attempt of `call`, with its timeout: the configured timeout cut to what is left of the
  /// deadline. Throws `.deadline` when nothing is left, so no request starts after the deadline.
  func attempt(_ request: URLRequest, _ call: Call, attempts: Int) throws(RemoteError) -> (URLRequest, TimeInterval) {
    let left = deadlineLeft
    guard left > 0 else { throw deadlineError(call, attempts: attempts, waiting: false) }
    let timeout = min(configuration.timeout, left)
    var request = request
    // URLSession's own timer only honours whole seconds on Linux; the transport enforces the exact value.
    request.timeoutInterval = Self.wholeSeconds(timeout)
    return (request, timeout)
  }

  /// The error for a request that was not sent (`waiting` false) or not answered (`waiting` true) before the
  /// deadline.
  func deadlineError(_ call: Call, attempts: Int, waiting: Bool) -> RemoteError {
    let what = waiting ? "passed while waiting for the answer" : "has passed; the request was not sent"
    return RemoteError(
      .deadline, slug: call.slug,
      message:
        "the deadline of \(RetryState.seconds(configuration.deadline)) for the whole command \(what) (--deadline)",
      request: call.label, attempts: attempts)
  }

  /// Sends attempt number `attempts` of `call` within its timeout; returns the outcome and the timeout used.
  func send(
    _ request: URLRequest, _ call: Call, attempts: Int, onChunk: (@Sendable ([UInt8]) -> Void)? = nil
  ) async throws(RemoteError) -> (HTTPOutcome, TimeInterval) {
    let (request, timeout) = try attempt(request, call, attempts: attempts - 1)
    return (await transport.send(request, timeout: timeout, onChunk: onChunk), timeout)
  }
}
