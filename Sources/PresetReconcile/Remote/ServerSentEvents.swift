/// An incremental reader of `text/event-stream` bodies: bytes in, the `data` of each complete event out.
///
/// Per the SSE format: events end with a blank line (LF, CRLF or CR line ends), `data:` lines of one event
/// join with LF, one space after the colon is dropped, comment lines (`:`) and other fields are ignored.
/// A line longer than `maxLineBytes` makes the stream invalid (a hostile server cannot grow the buffer).
package struct ServerSentEvents: Sendable {
  /// The longest line accepted, in bytes.
  package static let maxLineBytes = 4 * 1024 * 1024

  private var line: [UInt8] = []
  private var data: [String] = []
  private var hasData = false
  private var lastWasCR = false
  /// True once a line passed `maxLineBytes`; everything after is ignored.
  package private(set) var overflowed = false

  /// Creates an empty reader.
  package init() {}

  /// Feeds bytes; returns the data of every event they complete.
  package mutating func feed(_ bytes: some Sequence<UInt8>) -> [String] {
    var events: [String] = []
    for byte in bytes where !overflowed {
      if byte == 0x0A && lastWasCR {
        lastWasCR = false
        continue
      }
      lastWasCR = byte == 0x0D
      if byte == 0x0A || byte == 0x0D {
        if let event = endLine() { events.append(event) }
        continue
      }
      line.append(byte)
      if line.count > Self.maxLineBytes { overflowed = true }
    }
    return events
  }

  /// The data of the event left open when the stream ends without a blank line.
  package mutating func finish() -> String? {
    if !line.isEmpty, let event = endLine() { return event }
    return hasData ? endLine() : nil
  }

  private mutating func endLine() -> String? {
    defer { line.removeAll(keepingCapacity: true) }
    if line.isEmpty {
      guard hasData else { return nil }
      let event = data.joined(separator: "\n")
      data.removeAll()
      hasData = false
      return event
    }
    guard line.starts(with: Array("data".utf8)) else { return nil }
    var value = line.dropFirst(4)
    if let first = value.first {
      guard first == 0x3A else { return nil }  // `dataX:` is another field
      value = value.dropFirst()
      if value.first == 0x20 { value = value.dropFirst() }
    }
    data.append(String(decoding: value, as: UTF8.self))
    hasData = true
    return nil
  }
}
