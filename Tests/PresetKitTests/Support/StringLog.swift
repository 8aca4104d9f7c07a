import Foundation

/// Collects strings from callbacks that may arrive on concurrent tasks (progress reports, filter calls).
final class StringLog: @unchecked Sendable {
  // @unchecked: the array is only touched under the lock.
  private let lock = NSLock()
  private var collected: [String] = []

  /// Appends one value.
  func add(_ value: String) { lock.withLock { collected.append(value) } }

  /// Everything added so far, in order of arrival.
  var values: [String] { lock.withLock { collected } }
}
