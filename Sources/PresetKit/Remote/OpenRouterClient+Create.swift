import Foundation

extension OpenRouterClient {
  /// POSTs `body` to the skin's create endpoint, making a new designated version, and returns what the answer
  /// says is stored.
  ///
  /// A POST is not idempotent: each one makes a version. When its outcome is unknown (timeout, 408/5xx, a
  /// connection lost after sending) the preset is read back and `isAlreadyApplied(live)` decides: true returns
  /// the live state without posting again; false retries the POST within the retry budget. 409 and 429 are
  /// refusals (nothing stored) and are retried plainly. A 2xx whose body cannot be decoded is settled the same
  /// way as an unknown outcome.
  public func createVersion(
    slug: String, skin: Skin, body: JSONValue,
    isAlreadyApplied: @Sendable (LivePreset?) -> Bool
  ) async throws(RemoteError) -> LivePreset {
    let bytes = Array(JSONWriter.string(body, options: .compact).utf8)
    let call = try Call(method: "POST", path: presetPath(slug) + "/" + skin.endpointPath, body: bytes, slug: slug)
    let request = try urlRequest(call)
    var state = RetryState(policy: policy)
    while true {
      try checkCancellation(call)
      state.attempts += 1
      let outcome = await transport.send(request)
      let failure: RemoteError
      var retryAfter: TimeInterval?
      switch outcome {
      case .response(let response) where (200..<300).contains(response.status):
        do {
          let json = try decodeJSON(response, call: call)
          return try decodeData(json, call: call) { value throws(ShapeProblem) in try LivePreset(json: value) }
        } catch {
          // The server said it stored the body; the answer is unreadable, so ask what is stored now.
          if let live = try await readBack(call, after: error), isAlreadyApplied(live) { return live }
          throw error
        }
      case .response(let response):
        failure = self.error(from: response, call: call, attempts: state.attempts)
        guard RetryPolicy.retryableStatuses.contains(response.status) else { throw failure }
        retryAfter = RetryPolicy.retryAfterSeconds(response.header("Retry-After"))
        if RetryPolicy.unknownOutcomeStatuses.contains(response.status) {
          if let live = try await readBack(call, after: failure), isAlreadyApplied(live) { return live }
        }
      case .failure(let transportFailure):
        failure = self.error(from: transportFailure, call: call, attempts: state.attempts)
        if transportFailure.isCancelled { throw failure }
        if !transportFailure.neverReachedServer {
          if let live = try await readBack(call, after: failure), isAlreadyApplied(live) { return live }
        }
      }
      guard let delay = state.nextDelay(retryAfter: retryAfter) else { throw failure }
      try await sleep(delay, call: call)
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
