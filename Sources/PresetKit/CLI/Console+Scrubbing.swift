import PresetReconcile

extension Console {
  /// Removes the API key, and any long piece of it, from everything a command writes (`KeyScrubber`'s rule),
  /// even when live data (a prompt, a name) carries it.
  ///
  /// Cheap when text holds no piece of the key: every piece `KeyScrubber` removes is at least
  /// `KeyScrubber.minimumPiece` bytes of the key, so it contains one of the key's 8-byte windows; one pass with a
  /// rolling 64-bit window finds whether any occurs, and only then is the text scrubbed.
  struct Scrubber: Sendable {
    let scrubber: KeyScrubber
    private let windows: Set<UInt64>

    /// A scrubber for `secret`; nil for an empty secret.
    init?(secret: String) {
      guard !secret.isEmpty else { return nil }
      scrubber = KeyScrubber(secret: secret)
      var windows = Set<UInt64>()
      var window: UInt64 = 0
      for (i, byte) in secret.utf8.enumerated() {
        window = window << 8 | UInt64(byte)
        if i >= Self.width - 1 { windows.insert(window) }
      }
      self.windows = windows
    }

    static let width = KeyScrubber.minimumPiece

    /// `text` without the key.
    package func scrub(_ text: String) -> String {
      // Keys shorter than a window are only removed whole.
      guard !windows.isEmpty else { return text.contains(scrubber.secret) ? scrubber.scrub(text) : text }
      var window: UInt64 = 0
      var count = 0
      var hit = false
      var copy = text
      copy.withUTF8 { bytes in
        for byte in bytes {
          window = window << 8 | UInt64(byte)
          count += 1
          if count >= Self.width, windows.contains(window) {
            hit = true
            return
          }
        }
      }
      return hit ? scrubber.scrub(text) : text
    }
  }

  /// This console, also scrubbing `key` from every write; unchanged when there is no key.
  package func scrubbing(_ key: APIKey?) -> Console {
    guard let key, let scrubber = Scrubber(secret: key.secret) else { return self }
    var copy = self
    copy.scrubbers.append(scrubber)
    return copy
  }
}
