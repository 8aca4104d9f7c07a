import Foundation
import Testing

@testable import PresetCore
@testable import PresetKit
@testable import PresetModel
@testable import PresetSchema

/// Runs the official JSON-Schema-Test-Suite (draft 2020-12) from `../shared`.
@Suite struct SchemaConformanceTests {
  /// Files left out, with the reason. Everything else under `tests/draft2020-12/` must pass in full.
  static let skippedFiles: [String: String] = [
    "vocabulary.json": "`$vocabulary` is not honoured: every known keyword always applies",
    "optional/bignum.json": "integers beyond 2^53 are rejected by JSONParser by design (the file does not load)",
    "optional/cross-draft.json": "only draft 2020-12 is implemented; `$schema` does not switch dialects",
    "optional/dependencies-compatibility.json": "draft-07 `dependencies` is not a 2020-12 keyword",
    "optional/format-assertion.json": "`format` is an annotation only",
  ]

  /// Individual tests known to fail, as `file: case / test`, with the reason.
  static let knownFailures: [String: String] = [:]

  static let suiteRoot = Shared.url("testsuites/json-schema-test-suite")

  /// Remotes under `http://localhost:1234/` plus the 2020-12 meta-schemas under their `$id`s.
  static func registry() throws -> [String: JSONValue] {
    var registry: [String: JSONValue] = [:]
    let remotes = suiteRoot.appendingPathComponent("remotes")
    let enumerator = FileManager.default.enumerator(at: remotes, includingPropertiesForKeys: nil)
    while let url = enumerator?.nextObject() as? URL {
      guard url.pathExtension == "json" else { continue }
      let relative = String(url.standardizedFileURL.path.dropFirst(remotes.standardizedFileURL.path.count + 1))
      registry["http://localhost:1234/" + relative] = try load(url)
    }
    let metaRoot = Shared.url("testsuites/json-schema-metaschemas-2020-12")
    var metaFiles = [metaRoot.appendingPathComponent("schema.json")]
    let metaDir = metaRoot.appendingPathComponent("meta")
    metaFiles += try FileManager.default.contentsOfDirectory(at: metaDir, includingPropertiesForKeys: nil)
    for url in metaFiles where url.pathExtension == "json" {
      let schema = try load(url)
      if let id = schema["$id"]?.stringValue { registry[id] = schema }
    }
    return registry
  }

  static func load(_ url: URL) throws -> JSONValue {
    try JSONParser.parse(Array(try Data(contentsOf: url)))
  }

  /// Tallies for one group of files (required or optional).
  struct Tally {
    var passed = 0
    var failed: [String] = []
    var known = 0
    var skippedTests = 0
    var skippedFiles = 0
  }

  @Test(.enabled(if: Shared.isAvailable, Shared.skipReason))
  func draft2020_12() throws {
    let registry = try Self.registry()
    let directory = Self.suiteRoot.appendingPathComponent("tests/draft2020-12")
    let required = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }
    let optional = try FileManager.default.contentsOfDirectory(
      atPath: directory.appendingPathComponent("optional").path
    )
    .filter { $0.hasSuffix(".json") }.map { "optional/" + $0 }
    var failures: [String] = []
    for (group, files) in [("required", required.sorted()), ("optional", optional.sorted())] {
      var tally = Tally()
      for file in files {
        try run(file, in: directory, registry: registry, into: &tally)
      }
      print(
        "JSON Schema 2020-12 \(group): \(tally.passed) passed, \(tally.failed.count) failed, \(tally.known) known "
          + "failures, \(tally.skippedTests) skipped in \(tally.skippedFiles) skipped files")
      failures += tally.failed
    }
    print(
      "Skipped files: "
        + Self.skippedFiles.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }
        .joined(separator: "; "))
    for failure in failures { print("  FAIL \(failure)") }
    #expect(failures.isEmpty)
  }

  private func run(
    _ file: String, in directory: URL, registry: [String: JSONValue], into tally: inout Tally
  ) throws {
    let url = directory.appendingPathComponent(file)
    if Self.skippedFiles[file] != nil {
      tally.skippedFiles += 1
      // Some skipped files do not even load (bignum); count their tests when they do.
      let cases = (try? Self.load(url))?.arrayValue ?? []
      tally.skippedTests += cases.reduce(0) { $0 + ($1["tests"]?.arrayValue?.count ?? 0) }
      return
    }
    for testCase in try Self.load(url).arrayValue ?? [] {
      let caseName = testCase["description"]?.stringValue ?? "?"
      let tests = testCase["tests"]?.arrayValue ?? []
      let compiled = Result { () throws(SchemaCompileError) -> JSONSchema in
        try JSONSchema(testCase["schema"] ?? .null, registry: registry)
      }
      for test in tests {
        let name = "\(file): \(caseName) / \(test["description"]?.stringValue ?? "?")"
        let expected = test["valid"]?.boolValue ?? false
        let outcome: String?
        switch compiled {
        case .failure(let error):
          outcome = "compile error \(error)"
        case .success(let schema):
          let data = test["data"] ?? .null
          let quick = schema.isValid(data)
          let violations = schema.validate(data)
          // Both entry points must agree with the suite.
          outcome =
            quick == expected && violations.isEmpty == expected
            ? nil : "expected \(expected), isValid \(quick), violations \(violations.map(\.message))"
        }
        if let outcome {
          if Self.knownFailures[name] != nil { tally.known += 1 } else { tally.failed.append("\(name): \(outcome)") }
        } else {
          tally.passed += 1
        }
      }
    }
  }
}
