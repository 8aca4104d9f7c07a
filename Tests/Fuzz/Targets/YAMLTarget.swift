/// YAML loader → JSON: loading never crashes, and every loaded document is JSON that survives a round trip
/// through the canonical writer and the strict parser, with a source map that resolves every node.
enum YAMLTarget {
  static func run(_ bytes: [UInt8]) {
    let documents: [LocatedDocument]
    do {
      documents = try YAMLLoader.load(bytes, file: "fuzz.yaml")
    } catch {
      if error.diagnostics.isEmpty { fuzzFail("a load error without diagnostics") }
      for diagnostic in error.diagnostics where diagnostic.message.isEmpty { fuzzFail("an empty diagnostic message") }
      return
    }
    for document in documents {
      let text = JSONWriter.canonicalBytes(document.value)
      let back: JSONValue
      do {
        back = try JSONParser.parse(text)
      } catch {
        fuzzFail("canonical JSON of a YAML document does not parse: \(error)")
      }
      if back != document.value { fuzzFail("YAML → JSON → parse changed the value") }
      FuzzChecks.walkSourceMap(document)
    }
  }
}
