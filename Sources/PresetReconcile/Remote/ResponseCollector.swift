import Foundation
import PresetCore

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The session delegate: gathers each task's answer up to a size limit and refuses every redirect.
///
/// Why not `dataTask(with:completionHandler:)`: it buffers whatever the server sends, so a broken or hostile
/// server could exhaust memory. Here an answer whose `Content-Length` or received bytes pass the limit is
/// cancelled and reported as a transport failure.
final class ResponseCollector: NSObject, URLSessionDataDelegate, @unchecked Sendable {
  // @unchecked: `entries` is only touched under `lock`; each entry is owned by one task's callbacks.
  private final class Entry: @unchecked Sendable {
    var data = Data()
    var tooLarge = false
    let finish: @Sendable (HTTPOutcome) -> Void
    /// Sees each piece of a 2xx body as it arrives (streamed inference replies); nil for everything else.
    let onChunk: (@Sendable ([UInt8]) -> Void)?
    init(finish: @escaping @Sendable (HTTPOutcome) -> Void, onChunk: (@Sendable ([UInt8]) -> Void)?) {
      self.finish = finish
      self.onChunk = onChunk
    }
  }

  /// The largest answer body accepted, in bytes.
  let limit: Int
  private let lock = NSLock()
  private var entries: [Int: Entry] = [:]

  init(limit: Int) { self.limit = limit }

  /// Registers a task before it is resumed; `finish` gets its outcome exactly once.
  func register(
    _ task: URLSessionTask, onChunk: (@Sendable ([UInt8]) -> Void)? = nil,
    finish: @escaping @Sendable (HTTPOutcome) -> Void
  ) {
    lock.withLock { entries[task.taskIdentifier] = Entry(finish: finish, onChunk: onChunk) }
  }

  private func entry(_ task: URLSessionTask) -> Entry? { lock.withLock { entries[task.taskIdentifier] } }

  func urlSession(
    _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
  ) {
    guard response.expectedContentLength > Int64(limit), let entry = entry(dataTask) else {
      completionHandler(.allow)
      return
    }
    lock.withLock { entry.tooLarge = true }
    completionHandler(.cancel)
  }

  func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
    guard let entry = entry(dataTask) else { return }
    let overLimit = lock.withLock { () -> Bool in
      guard !entry.tooLarge else { return false }
      guard entry.data.count + data.count <= limit else {
        entry.tooLarge = true
        entry.data = Data()
        return true
      }
      entry.data.append(data)
      return false
    }
    if overLimit {
      dataTask.cancel()
    } else if let onChunk = entry.onChunk, let status = (dataTask.response as? HTTPURLResponse)?.statusCode,
      (200..<300).contains(status)
    {
      onChunk([UInt8](data))
    }
  }

  func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
    guard let entry = lock.withLock({ entries.removeValue(forKey: task.taskIdentifier) }) else { return }
    let (tooLarge, data) = lock.withLock { (entry.tooLarge, entry.data) }
    if tooLarge {
      let megabytes = limit / (1024 * 1024)
      entry.finish(
        .failure(
          TransportFailure(
            code: NSURLErrorDataLengthExceedsMaximum,
            detail: "the answer is larger than the limit of \(megabytes) MiB")))
      return
    }
    entry.finish(HTTPTransport.outcome(data: data, response: task.response, error: error))
  }

  /// Refuses every redirect: following one would send the bearer key to wherever the `Location` points.
  /// The 3xx answer is then delivered as the response and reported as an error.
  func urlSession(
    _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
  ) {
    completionHandler(nil)
  }
}
