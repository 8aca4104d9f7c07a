import Foundation
import PresetCore

/// An OpenRouter API key that never prints itself.
///
/// `description`, `debugDescription` and the reflection mirror all hide the secret, so a key that ends up in
/// string interpolation, `print`, `dump` or a test failure message shows `<redacted>` instead.
package struct APIKey: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
  /// The environment variable read by `fromEnvironmentOrFile(path:)`.
  package static let environmentVariable = "OPENROUTER_API_KEY"

  /// The secret; surrounding whitespace (a trailing newline in a key file) is removed.
  package let secret: String
  /// Where the key came from, for messages about a refused key (`the file k.txt given by --api-key-file`).
  package let source: String

  /// Wraps a secret; surrounding whitespace and newlines are trimmed.
  package init(_ secret: String, source: String = environmentVariable) {
    self.secret = secret.trimmingCharacters(in: .whitespacesAndNewlines)
    self.source = source
  }

  /// Always `<redacted>`.
  package var description: String { "<redacted>" }

  /// Always `APIKey(<redacted>)`.
  package var debugDescription: String { "APIKey(<redacted>)" }

  /// A mirror without children, so `dump` shows nothing of the secret.
  package var customMirror: Mirror { Mirror(self, children: [:]) }

  /// True when the key is empty after trimming.
  package var isEmpty: Bool { secret.isEmpty }

  /// Loads the key from a file when `path` is given (an explicit choice wins), else from
  /// `OPENROUTER_API_KEY`. The file's content is trimmed; an empty or missing source is a `missingKey` error.
  package static func fromEnvironmentOrFile(
    path: String?,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(RemoteError) -> APIKey {
    if let path {
      // FileReader refuses folders, FIFOs and devices with a plain reason (never a Foundation error code).
      let bytes: [UInt8]
      do {
        bytes = try FileReader.read(path, limit: 64 * 1024)
      } catch {
        let fix = error.code == "input.not-a-file" ? "; name the file that holds the key" : ""
        throw RemoteError(.missingKey, message: "cannot read the API key file \(path): \(error.reason)\(fix)")
      }
      guard let text = String(validating: bytes, as: UTF8.self) else {
        throw RemoteError(.missingKey, message: "the API key file \(path) is not UTF-8 text")
      }
      let key = APIKey(text, source: "the file \(path) given by --api-key-file")
      guard !key.isEmpty else { throw RemoteError(.missingKey, message: "the API key file \(path) is empty") }
      return key
    }
    if let value = environment[environmentVariable] {
      let key = APIKey(value)
      if !key.isEmpty { return key }
    }
    throw RemoteError(
      .missingKey,
      message: "no OpenRouter API key: set \(environmentVariable) or pass a key file"
    )
  }

  /// Why the key cannot go into an `Authorization` header, or nil when it can.
  var headerProblem: String? {
    if secret.isEmpty { return "the API key is empty" }
    // Anything outside visible ASCII could split or corrupt the header line.
    if secret.utf8.contains(where: { $0 < 0x21 || $0 > 0x7E }) {
      return "the API key contains spaces, control or non-ASCII characters"
    }
    return nil
  }
}
