import Foundation
import PresetCore
import PresetSchema

extension OpenRouterClient {
  /// POSTs `body` to the skin's create endpoint, making a new designated version, and returns what the answer
  /// (or, after an unknown outcome, the final read-back) says is live.
  ///
  /// A POST is not idempotent: each one makes a version. When its outcome is unknown (timeout, 408/5xx, a
  /// connection lost after sending, an unreadable 2xx) the POST may still be in flight on the server, which can
  /// commit it after the client gave up. So the preset is read back, with backoff, for up to
  /// `Configuration.effectiveGrace` seconds until `isAlreadyApplied(live)` holds: then the final read is
  /// returned and nothing is sent again. Only when the grace runs out is the POST retried (within the retry
  /// budget), or the outcome reported as unknown. 409 and 429 are refusals (nothing stored) and are retried
  /// plainly. An unreadable 2xx is never re-sent: the server said it stored something.
  package func createVersion(
    slug: String, skin: Skin, body: JSONValue,
    isAlreadyApplied: @Sendable (LivePreset?) -> Bool
  ) async throws(RemoteError) -> LivePreset {
    let bytes = Array(JSONWriter.string(body, options: .compact).utf8)
    let call = try Call(method: "POST", path: presetPath(slug, skin: skin), body: bytes, slug: slug)
    let request = try urlRequest(call)
    // The last read-back of the attempt that failed last, when its outcome was unknown.
    var lastRead: Settlement?
    let stopped = { (failure: RemoteError, reason: String?) -> RemoteError in
      guard case .notApplied(let live, let waited)? = lastRead else { return failure.adding(reason: reason) }
      let liveText = live?.designatedVersion.map { "live is v\($0.version)" } ?? "no live version"
      return RemoteError(
        .unknownOutcome, slug: call.slug,
        message:
          "the POST may or may not have been stored (\(failure.message)); the live preset did not show the "
          + "intended version within \(RetryState.seconds(waited)) (\(liveText))"
          + (reason.map { "; not retried: \($0)" } ?? ""),
        request: call.label, attempts: failure.attempts)
    }
    return try await retrying(call, request, stopped: stopped) { outcome, timeout, attempts throws(RemoteError) in
      let failure: RemoteError
      var retryAfter: TimeInterval?
      var unknown = false
      switch outcome {
      case .response(let response) where (200..<300).contains(response.status):
        do throws(RemoteError) {
          let json = try decodeJSON(response, call: call)
          let live = try decodeData(json, call: call) { value throws(ShapeProblem) in try LivePreset(json: value) }
          try checkSlug(live, call: call)
          return .done(live)
        } catch {
          // The server said it stored the body; the answer is unreadable, so ask what is stored now.
          if case .applied(let live) = try await settle(call, after: error, isAlreadyApplied) { return .done(live) }
          throw error
        }
      case .response(let response):
        failure = self.error(from: response, call: call, attempts: attempts)
        guard RetryPolicy.retryableStatuses.contains(response.status) else { throw failure }
        retryAfter = RetryPolicy.retryAfterSeconds(response.header("Retry-After"))
        unknown = RetryPolicy.unknownOutcomeStatuses.contains(response.status)
      case .failure(let transportFailure):
        failure = self.error(from: transportFailure, call: call, attempts: attempts, timeout: timeout)
        if transportFailure.isCancelled { throw failure }
        unknown = !transportFailure.neverReachedServer
      }
      lastRead = nil
      if unknown {
        let settlement = try await settle(call, after: failure, isAlreadyApplied)
        if case .applied(let live) = settlement { return .done(live) }
        lastRead = settlement
      }
      return .failed(failure, retryAfter: retryAfter)
    }
  }

  /// What reading back after an unknown outcome found.
  enum Settlement {
    /// The live preset holds the intended version (the final read).
    case applied(LivePreset)
    /// The grace ran out without it; the last read and how long was waited.
    case notApplied(LivePreset?, waited: TimeInterval)
  }

  /// Reads the preset back until it holds the intended version or the grace runs out: at once, then after
  /// 0.25 s, 0.5 s, 1 s, then every 2 s, never past the grace or the deadline.
  private func settle(
    _ call: Call, after failure: RemoteError, _ isAlreadyApplied: @Sendable (LivePreset?) -> Bool
  ) async throws(RemoteError) -> Settlement {
    let start = ContinuousClock.now
    let grace = configuration.effectiveGrace
    var delay: TimeInterval = 0.25
    while true {
      let live = try await readBack(call, after: failure)
      if let live, isAlreadyApplied(live) { return .applied(live) }
      let parts = start.duration(to: .now).components
      let waited = TimeInterval(parts.seconds) + TimeInterval(parts.attoseconds) / 1e18
      let pause = min(delay, grace - waited, deadlineLeft - 0.1)
      guard pause > 0 else { return .notApplied(live, waited: waited) }
      try await sleep(pause, call: call)
      delay = min(delay * 2, 2)
    }
  }

  /// Reads the preset after a POST with an unknown outcome. Failing to read it leaves the outcome unknown,
  /// which is reported as such rather than guessed.
  private func readBack(_ call: Call, after failure: RemoteError) async throws(RemoteError) -> LivePreset? {
    let slug = call.slug ?? ""
    do {
      return try await getPreset(slug: slug)
    } catch {
      throw RemoteError(
        .unknownOutcome, slug: call.slug,
        message: "the POST may or may not have been stored (\(failure.message)); reading the preset back failed: "
          + error.message,
        request: call.label, attempts: failure.attempts)
    }
  }
}
