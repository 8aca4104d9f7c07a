import PresetKit

@testable import PresetCore

/// The error `JSONParser.parse` throws for these bytes, or nil when they parse.
func jsonParseError(_ bytes: [UInt8], maxDepth: Int = 512) -> JSONParser.Error? {
  do {
    _ = try JSONParser.parse(bytes, maxDepth: maxDepth)
    return nil
  } catch {
    return error
  }
}

/// The error `JSONParser.parse` throws for this text, or nil when it parses.
func jsonParseError(_ text: String, maxDepth: Int = 512) -> JSONParser.Error? {
  jsonParseError(Array(text.utf8), maxDepth: maxDepth)
}

/// The error `JSONParser.parseSequence` throws for this text, or nil when it parses.
func jsonSequenceError(_ text: String) -> JSONParser.Error? {
  do {
    _ = try JSONParser.parseSequence(Array(text.utf8))
    return nil
  } catch {
    return error
  }
}

/// `depth` arrays nested inside each other around `1`.
func nestedArrays(_ depth: Int) -> String {
  String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth)
}
