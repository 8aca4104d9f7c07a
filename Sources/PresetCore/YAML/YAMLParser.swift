internal import CYaml

/// The only place that talks to libyaml: runs its event parser over a byte buffer and forwards each event,
/// converted to `YAMLEvent`, to a sink.
///
/// The `yaml_parser_t` lives on the heap (libyaml keeps a pointer to the struct inside itself for string
/// input, so it must not move) and never leaves `parse`: nothing holding a C pointer escapes, which keeps the
/// rest of the loader `Sendable`-clean.
enum YAMLParser {
  /// Parses `bytes` (already checked to be UTF-8) and feeds the events to `sink` until the stream ends, the
  /// sink asks to stop, or libyaml reports an error, which is returned.
  package static func parse<Sink: YAMLEventSink>(_ bytes: [UInt8], into sink: inout Sink) -> YAMLSyntaxError? {
    guard !bytes.isEmpty else { return nil }
    let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    defer { parser.deallocate() }
    guard yaml_parser_initialize(parser) == 1 else {
      return YAMLSyntaxError(
        problem: "libyaml could not allocate a parser", position: SourcePosition(line: 1, column: 1))
    }
    defer { yaml_parser_delete(parser) }
    return bytes.withUnsafeBufferPointer { buffer -> YAMLSyntaxError? in
      yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
      var event = yaml_event_t()
      while true {
        guard yaml_parser_parse(parser, &event) == 1 else {
          return syntaxError(parser.pointee, bytes: bytes)
        }
        defer { yaml_event_delete(&event) }
        guard let converted = convert(event) else {
          if event.type == YAML_STREAM_END_EVENT { return nil }
          continue
        }
        guard sink.handle(converted) else { return nil }
      }
    }
  }

  /// The Swift form of one event; nil for stream start/end and empty events.
  private static func convert(_ event: yaml_event_t) -> YAMLEvent? {
    switch event.type {
    case YAML_DOCUMENT_START_EVENT:
      return .documentStart
    case YAML_DOCUMENT_END_EVENT:
      return .documentEnd
    case YAML_ALIAS_EVENT:
      return .alias(
        anchor: string(event.data.alias.anchor) ?? "",
        start: position(event.start_mark),
        end: position(event.end_mark)
      )
    case YAML_SCALAR_EVENT:
      let data = event.data.scalar
      let text =
        data.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: data.length), as: UTF8.self) } ?? ""
      return .scalar(
        YAMLEvent.Scalar(
          text: text,
          anchor: string(data.anchor),
          tag: string(data.tag),
          style: style(data.style),
          start: position(event.start_mark),
          end: position(event.end_mark)
        )
      )
    case YAML_SEQUENCE_START_EVENT:
      let data = event.data.sequence_start
      return .sequenceStart(
        YAMLEvent.Collection(anchor: string(data.anchor), tag: string(data.tag), start: position(event.start_mark))
      )
    case YAML_SEQUENCE_END_EVENT:
      return .sequenceEnd(end: position(event.end_mark))
    case YAML_MAPPING_START_EVENT:
      let data = event.data.mapping_start
      return .mappingStart(
        YAMLEvent.Collection(anchor: string(data.anchor), tag: string(data.tag), start: position(event.start_mark))
      )
    case YAML_MAPPING_END_EVENT:
      return .mappingEnd(end: position(event.end_mark))
    default:
      return nil
    }
  }

  private static func style(_ style: yaml_scalar_style_t) -> YAMLEvent.ScalarStyle {
    switch style {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
    case YAML_LITERAL_SCALAR_STYLE: .literal
    case YAML_FOLDED_SCALAR_STYLE: .folded
    default: .plain
    }
  }

  private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    pointer.map { String(cString: $0) }
  }

  private static func position(_ mark: yaml_mark_t) -> SourcePosition {
    SourcePosition(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
  }

  /// libyaml's error, with a position. Reader errors (bad bytes, control characters) carry only a byte
  /// offset, so their line and column are computed from the input.
  private static func syntaxError(_ parser: yaml_parser_t, bytes: [UInt8]) -> YAMLSyntaxError {
    var problem = parser.problem.map { String(cString: $0) } ?? "unknown libyaml error"
    switch parser.error {
    case YAML_READER_ERROR:
      if parser.problem_value >= 0 {
        problem += " (#x\(String(parser.problem_value, radix: 16, uppercase: true)))"
      }
      return YAMLSyntaxError(
        problem: problem,
        position: YAMLLoader.position(ofByteOffset: Int(parser.problem_offset), in: bytes)
      )
    case YAML_MEMORY_ERROR:
      return YAMLSyntaxError(problem: "libyaml ran out of memory", position: SourcePosition(line: 1, column: 1))
    default:
      let context = parser.context.map { String(cString: $0) }
      return YAMLSyntaxError(
        problem: problem,
        position: position(parser.problem_mark),
        context: context,
        contextPosition: context == nil ? nil : position(parser.context_mark)
      )
    }
  }
}
