import CYaml

/// The floor for YAML work: libyaml's event parser over a buffer, with nothing built from the events.
///
/// Any loader built on libyaml pays at least this, so phases are reported as multiples of it, a ratio that
/// holds across machines of different speed.
enum LibYAMLFloor {
  /// Parses `bytes` and returns the number of events, or nil on a syntax error.
  static func eventCount(_ bytes: [UInt8]) -> Int? {
    let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    defer { parser.deallocate() }
    guard yaml_parser_initialize(parser) == 1 else { return nil }
    defer { yaml_parser_delete(parser) }
    return bytes.withUnsafeBufferPointer { buffer -> Int? in
      yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
      var event = yaml_event_t()
      var count = 0
      while true {
        guard yaml_parser_parse(parser, &event) == 1 else { return nil }
        count += 1
        let done = event.type == YAML_STREAM_END_EVENT
        yaml_event_delete(&event)
        if done { return count }
      }
    }
  }
}
