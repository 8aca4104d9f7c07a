import Foundation
import PresetCore

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Owns the URLSession (invalidated when the last client copy goes away) and counts requests.
final class HTTPTransport: @unchecked Sendable {
  // @unchecked: URLSession is thread-safe; the counter is behind its own lock.
  let session: URLSession
  private let collector: ResponseCollector
  private let lock = NSLock()
  private var sent = 0

  init(timeout: TimeInterval, maxResponseBytes: Int = ByteLimits.response) {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = timeout
    configuration.timeoutIntervalForResource = timeout
    configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
    configuration.urlCache = nil
    configuration.httpShouldSetCookies = false
    configuration.httpCookieAcceptPolicy = .never
    configuration.httpMaximumConnectionsPerHost = 64
    collector = ResponseCollector(limit: maxResponseBytes)
    session = URLSession(configuration: configuration, delegate: collector, delegateQueue: nil)
  }

  deinit { session.finishTasksAndInvalidate() }

  /// HTTP requests sent so far (every attempt counts).
  var requestCount: Int {
    lock.lock()
    defer { lock.unlock() }
    return sent
  }

  /// Where request timeouts fire; see `send`.
  static let expiryQueue = DispatchQueue(label: "presetctl.http-expiry", qos: .userInitiated)

  private func countRequest() {
    lock.withLock { sent += 1 }
  }

  /// Sends `request` and waits at most `timeout` seconds for the whole answer, headers and body together.
  ///
  /// URLSession's own timers are not enough: on Linux they honour whole seconds only, and the request timeout
  /// restarts with every byte received, so a server trickling its answer could hold a request open for ever.
  /// A timer here cancels the task when `timeout` has passed and reports a timeout.
  /// `onChunk` sees each piece of a 2xx body as it arrives (the whole answer is still collected and returned).
  func send(
    _ request: URLRequest, timeout: TimeInterval, onChunk: (@Sendable ([UInt8]) -> Void)? = nil
  ) async -> HTTPOutcome {
    // (The expiry runs on its own serial queue: a label queue gets a thread even when the global pool is
    // saturated by blocked work, which under load delayed timeouts by 20 s and more.)
    countRequest()
    let holder = TaskHolder()
    return await withTaskCancellationHandler {
      await withCheckedContinuation { (continuation: CheckedContinuation<HTTPOutcome, Never>) in
        let task = session.dataTask(with: request)
        collector.register(task, onChunk: onChunk) { outcome in
          continuation.resume(returning: holder.finish(outcome, timeout: timeout))
        }
        holder.start(task)
        let expiry = DispatchWorkItem { holder.expire() }
        holder.setExpiry(expiry)
        Self.expiryQueue.asyncAfter(deadline: .now() + max(0.001, timeout), execute: expiry)
      }
    } onCancel: {
      holder.cancel()
    }
  }

  static func outcome(data: Data?, response: URLResponse?, error: Error?) -> HTTPOutcome {
    if let error {
      let nsError = error as NSError
      let code = nsError.domain == NSURLErrorDomain ? nsError.code : URLError.unknown.rawValue
      return .failure(TransportFailure(code: code, detail: nsError.localizedDescription))
    }
    guard let http = response as? HTTPURLResponse else {
      return .failure(TransportFailure(code: URLError.badServerResponse.rawValue, detail: "not an HTTP response"))
    }
    var headers: [String: String] = [:]
    for (name, value) in http.allHeaderFields {
      if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
    }
    return .response(HTTPResponse(status: http.statusCode, headers: headers, body: data.map { [UInt8]($0) } ?? []))
  }
}

/// Hands a data task to the cancellation handler and the expiry timer, either of which may run before or after
/// the task exists.
private final class TaskHolder: @unchecked Sendable {
  // @unchecked: every field is behind `lock`.
  private let lock = NSLock()
  private var task: URLSessionDataTask?
  private var cancelled = false
  private var expired = false
  private var finished = false
  private var expiry: DispatchWorkItem?

  func start(_ task: URLSessionDataTask) {
    lock.lock()
    self.task = task
    let cancelNow = cancelled || expired
    lock.unlock()
    if cancelNow { task.cancel() } else { task.resume() }
  }

  func setExpiry(_ item: DispatchWorkItem) {
    let done = lock.withLock { () -> Bool in
      expiry = item
      return finished
    }
    if done { item.cancel() }
  }

  func cancel() {
    lock.lock()
    cancelled = true
    let task = self.task
    lock.unlock()
    task?.cancel()
  }

  /// The timer fired: cancel the task unless it already finished.
  func expire() {
    lock.lock()
    guard !finished else {
      lock.unlock()
      return
    }
    expired = true
    let task = self.task
    lock.unlock()
    task?.cancel()
  }

  /// Records the end of the task and stops the timer; a cancellation caused by the timer becomes a timeout.
  func finish(_ outcome: HTTPOutcome, timeout: TimeInterval) -> HTTPOutcome {
    let (timedOut, item) = lock.withLock { () -> (Bool, DispatchWorkItem?) in
      finished = true
      return (expired && !cancelled, expiry)
    }
    item?.cancel()
    guard timedOut, case .failure(let failure) = outcome, failure.isCancelled else { return outcome }
    return .failure(TransportFailure(code: URLError.timedOut.rawValue, detail: "no answer within the timeout"))
  }
}
