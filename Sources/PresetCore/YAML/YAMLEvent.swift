/// One parser event, converted from libyaml's C structures so that nothing outside `YAMLParser.swift`
/// sees a C type. Stream start/end events are not forwarded: the loader has nothing to do for them.
enum YAMLEvent {
  /// How a scalar was written; only plain scalars go through type resolution.
  enum ScalarStyle: Sendable {
    case plain
    case singleQuoted
    case doubleQuoted
    case literal
    case folded
  }

  /// A scalar node.
  struct Scalar {
    /// The scalar's content after escapes and folding.
    var text: String
    /// The anchor name (`&name`), if any.
    var anchor: String?
    /// The fully resolved tag (`tag:yaml.org,2002:str`, `!`, `!local`), if one was written.
    var tag: String?
    /// The scalar's style.
    var style: ScalarStyle
    /// Where the node starts (its anchor or tag when present).
    var start: SourcePosition
    /// Where the node ends (exclusive).
    var end: SourcePosition
  }

  /// The properties of a collection start.
  struct Collection {
    /// The anchor name, if any.
    var anchor: String?
    /// The resolved tag, if one was written.
    var tag: String?
    /// Where the collection starts; for a block mapping, the position of its first key.
    var start: SourcePosition
  }

  case documentStart
  case documentEnd
  case alias(anchor: String, start: SourcePosition, end: SourcePosition)
  case scalar(Scalar)
  case sequenceStart(Collection)
  case sequenceEnd(end: SourcePosition)
  case mappingStart(Collection)
  case mappingEnd(end: SourcePosition)
}

/// Receives parser events; `handle` returns false to stop parsing early (budget exceeded, too deep).
protocol YAMLEventSink {
  /// Consumes one event. Returning false stops the parser at once.
  mutating func handle(_ event: YAMLEvent) -> Bool
}

/// A libyaml reader, scanner or parser failure.
struct YAMLSyntaxError: Sendable {
  /// libyaml's problem text, e.g. `did not find expected key`.
  var problem: String
  /// Where the problem is.
  var position: SourcePosition
  /// libyaml's context text, e.g. `while parsing a block mapping`, when it gave one.
  var context: String?
  /// Where the context starts, when it gave one.
  var contextPosition: SourcePosition?
}
