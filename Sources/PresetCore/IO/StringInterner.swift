import Foundation

/// Hands out one shared copy of equal strings, across threads.
///
/// A build keeps a summary row per preset until the end; thousands of presets name the same few models and
/// prompt files, and each parsed copy was a heap object of its own (at 100,000 presets, megabytes of equal
/// strings pinned among the workers' freed scratch memory). Equal means the same code units: `String`'s own
/// equality would hand `"e\u{301}"` the copy `"é"` and change the bytes of a model name or path.
package final class StringInterner: @unchecked Sendable {
  private var strings: Set<CodeUnitKey> = []
  private let lock = NSLock()

  /// An empty interner.
  package init() {}

  /// The shared copy with the same code units as `string` (the first one seen).
  package func intern(_ string: String) -> String {
    lock.withLock { strings.insert(CodeUnitKey(string)).memberAfterInsert.string }
  }
}
