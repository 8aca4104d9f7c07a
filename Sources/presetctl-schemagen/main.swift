// presetctl-schemagen: derives schemas/*.json and Sources/PresetSchema/Schema/EmbeddedSchemas.swift from OpenRouter's
// OpenAPI document. Usage:
//   swift run presetctl-schemagen <openapi.yaml|openapi.json> [<package root>] [--check]
// --check writes nothing and exits 1 when a committed file differs from what the spec derives (for CI).
//   swift run presetctl-schemagen --tightenings
// prints the tightenings table in Markdown (README.md carries it verbatim).
import Foundation
import PresetCore
import PresetKit
import PresetSchema

/// Prints to standard error and exits with `code`.
func fail(_ message: String, code: Int32 = 1) -> Never {
  FileHandle.standardError.write(Data("presetctl-schemagen: \(message)\n".utf8))
  exit(code)
}

/// Reads the OpenAPI document as JSON or YAML, chosen by file extension.
func loadSpec(_ path: String) -> JSONValue {
  guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
  let bytes = [UInt8](data)
  if path.hasSuffix(".json") {
    do {
      return try JSONParser.parse(bytes)
    } catch {
      fail("\(path):\(error)")
    }
  }
  if path.hasSuffix(".yaml") || path.hasSuffix(".yml") {
    do {
      let documents = try YAMLLoader.load(bytes, file: path)
      guard documents.count == 1, let document = documents.first else {
        fail("\(path): expected exactly one YAML document, found \(documents.count)")
      }
      return document.value
    } catch {
      let lines = error.diagnostics.map { diagnostic in
        let place = diagnostic.location.map { "\($0.file):\($0.line):\($0.column): " } ?? ""
        return place + diagnostic.message
      }
      fail(lines.joined(separator: "\n"))
    }
  }
  fail("\(path): expected a .yaml, .yml or .json file", code: 2)
}

var arguments = Array(CommandLine.arguments.dropFirst())
if arguments == ["--tightenings"] {
  print(SchemaTightenings.markdownTable(), terminator: "")
  exit(0)
}
let check = arguments.contains("--check")
arguments.removeAll { $0 == "--check" }
guard (1...2).contains(arguments.count) else {
  fail("usage: presetctl-schemagen <openapi.yaml|openapi.json> [<package root>] [--check]", code: 2)
}
let root = URL(fileURLWithPath: arguments.count == 2 ? arguments[1] : FileManager.default.currentDirectoryPath)
let spec = loadSpec(arguments[0])

let files: [SchemaDerivation.GeneratedFile]
do {
  files = try SchemaDerivation.deriveAll(fromOpenAPI: spec)
} catch {
  fail("spec drift or bad input: \(error)")
}

var stale: [String] = []
for file in files {
  let url = root.appendingPathComponent(file.path)
  let current = FileManager.default.contents(atPath: url.path)
  if current == Data(file.text.utf8) { continue }
  stale.append(file.path)
  if check { continue }
  do {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(file.text.utf8).write(to: url)
  } catch {
    fail("cannot write \(url.path): \(error)")
  }
}
for file in files {
  let state = stale.contains(file.path) ? (check ? "STALE" : "wrote") : "same"
  print("\(state)  \(file.path)  \(file.text.utf8.count) bytes")
}
if check && !stale.isEmpty { exit(1) }
