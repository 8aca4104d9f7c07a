import PresetCore
import PresetRender

#if canImport(Glibc)
  import Glibc
#endif

/// Where a command writes: machine output on stdout, progress and diagnostics on stderr.
///
/// Colour is on only when the stream is a TTY, `NO_COLOR` is unset and `TERM` is not `dumb`.
package struct Console: Sendable {
  /// Collects output in tests instead of writing to file descriptors.
  package typealias Sink = @Sendable (String) -> Void

  private let out: Sink
  private let err: Sink
  /// Styling for stdout.
  package let outStyle: Style
  /// Styling for stderr.
  package let errStyle: Style
  /// True when stderr is a terminal (progress lines are shown only then).
  package let errIsTTY: Bool
  /// Remove API keys from every write (the sink every byte presetctl prints passes); empty without a key.
  var scrubbers: [Scrubber] = []

  /// The process's real stdout and stderr.
  package static func standard(environment: [String: String]) -> Console {
    let colourAllowed = environment["NO_COLOR"].map(\.isEmpty) ?? true && environment["TERM"] != "dumb"
    let outTTY = isatty(1) == 1
    let errTTY = isatty(2) == 1
    return Console(
      out: { text in Self.writeAll(1, text) }, err: { text in Self.writeAll(2, text) },
      outStyle: Style(enabled: colourAllowed && outTTY), errStyle: Style(enabled: colourAllowed && errTTY),
      errIsTTY: errTTY)
  }

  /// A console writing to the given sinks, without colour.
  package init(
    out: @escaping Sink, err: @escaping Sink, outStyle: Style = Style(enabled: false),
    errStyle: Style = Style(enabled: false), errIsTTY: Bool = false
  ) {
    self.out = out
    self.err = err
    self.outStyle = outStyle
    self.errStyle = errStyle
    self.errIsTTY = errIsTTY
  }

  /// Writes to stdout.
  package func write(_ text: String) { out(scrubbed(text)) }

  /// Writes to stderr.
  package func error(_ text: String) { err(scrubbed(text)) }

  /// Writes a progress line to stderr, only on a terminal.
  package func progress(_ text: String) {
    if errIsTTY { err(scrubbed(text)) }
  }

  private func scrubbed(_ text: String) -> String { scrubbers.reduce(text) { $1.scrub($0) } }

  private static func writeAll(_ fd: Int32, _ text: String) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeMutableBytes { buffer in
        Glibc.write(fd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
      }
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { return }
      offset += n
    }
    bytes.removeAll()
  }
}
