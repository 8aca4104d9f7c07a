import Foundation

@testable import PresetKit

/// OpenRouter's OpenAPI document from `../shared`, as a `JSONValue`, for the "schemas are current" test.
enum OpenAPISpec {
  /// The YAML spec beside the repository.
  static let yamlURL = Shared.url("openrouter/openapi-presets.yaml")

  /// The spec, or nil when `../shared` or the converter is missing.
  ///
  /// TODO(yaml): YAMLLoader (branch `yaml`) has not landed; until it does, the spec is converted with PyYAML
  /// (`yaml.safe_load`; every YAML 1.1-only scalar in this spec is quoted, so it types values as YAML 1.2 would).
  /// Once it lands: `try YAMLLoader.load([UInt8](data), file: path).first?.value`, and drop the Python step.
  static let value: JSONValue? = {
    guard Shared.isAvailable, FileManager.default.fileExists(atPath: yamlURL.path) else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", "-c", "import json, sys, yaml; json.dump(yaml.safe_load(open(sys.argv[1])), sys.stdout)",
      yamlURL.path,
    ]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    return try? JSONParser.parse([UInt8](data))
  }()

  /// True when the spec could be loaded.
  static var isAvailable: Bool { value != nil }
}
