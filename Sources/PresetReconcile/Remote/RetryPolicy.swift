import Foundation

/// Exponential backoff with jitter, bounded by attempts and elapsed time, honouring `Retry-After`.
struct RetryPolicy: Sendable {
  /// Statuses worth another try: timeouts, conflicts, rate limits and server errors.
  static let retryableStatuses: Set<Int> = [408, 409, 429, 500, 502, 503, 504]

  /// Statuses after which a POST may have been stored (the server got the body and then failed).
  /// 409 and 429 are refusals: nothing was stored.
  static let unknownOutcomeStatuses: Set<Int> = [408, 500, 502, 503, 504]

  var retries: Int
  var maxElapsed: TimeInterval
  var base: TimeInterval
  var cap: TimeInterval

  /// Seconds from a `Retry-After` header; HTTP dates and junk are ignored (the backoff applies then).
  static func retryAfterSeconds(_ header: String?) -> TimeInterval? {
    guard let header else { return nil }
    let trimmed = header.trimmingCharacters(in: .whitespaces)
    guard let seconds = Int(trimmed), seconds >= 0 else { return nil }
    return TimeInterval(seconds)
  }
}

/// The progress of one operation's attempts.
struct RetryState {
  let policy: RetryPolicy
  let start = ContinuousClock.now
  /// HTTP attempts made so far.
  var attempts = 0

  init(policy: RetryPolicy) { self.policy = policy }

  var elapsed: TimeInterval {
    let parts = start.duration(to: .now).components
    return TimeInterval(parts.seconds) + TimeInterval(parts.attoseconds) / 1e18
  }

  /// What to do after a failed attempt.
  enum Decision: Equatable {
    /// Wait this many seconds, then try again.
    case retry(after: TimeInterval)
    /// Give up; `reason` says why when it is not simply the attempt count (which the error already shows).
    case stop(reason: String?)
  }

  /// Decides whether another attempt fits the attempt budget, the retry time budget and `deadlineLeft` (the
  /// whole command's remaining time). A `Retry-After` longer than the time left stops at once instead of
  /// retrying early or sleeping past the budget.
  func decide(retryAfter: TimeInterval?, deadlineLeft: TimeInterval) -> Decision {
    guard attempts <= policy.retries else { return .stop(reason: nil) }
    let budgetLeft = policy.maxElapsed - elapsed
    let left = max(0, min(budgetLeft, deadlineLeft))
    let limit = deadlineLeft < budgetLeft ? "the command's deadline" : "the retry time budget"
    if let retryAfter, retryAfter > left {
      return .stop(
        reason:
          "server asked to retry after \(Self.seconds(retryAfter)), more than the \(Self.seconds(left)) left in \(limit)"
      )
    }
    let exponent = Double(max(0, attempts - 1))
    let ceiling = min(policy.cap, policy.base * pow(2, exponent))
    // "Equal jitter": at least half the ceiling, so delays still grow, spread so parallel clients desynchronise.
    var delay = ceiling * Double.random(in: 0.5...1)
    if let retryAfter { delay = max(delay, retryAfter) }
    guard delay <= left else { return .stop(reason: "\(limit) is spent") }
    return .retry(after: delay)
  }

  /// `30 s`: whole values as they are, 10 s and more to the nearest second, below that to tenths (`0.5 s`).
  static func seconds(_ value: TimeInterval) -> String {
    let value = max(0, value)
    if value == value.rounded(.down) || value >= 10 { return "\(Int(value.rounded())) s" }
    let tenths = (value * 10).rounded() / 10
    return tenths == tenths.rounded(.down) ? "\(Int(tenths)) s" : "\(tenths) s"
  }
}
