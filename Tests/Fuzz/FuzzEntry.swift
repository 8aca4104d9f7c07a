import Foundation

// The libFuzzer entry point. `.ci/fuzz` compiles this file, the target files and PresetKit's sources into one
// module (so targets can reach internal API without `@testable`), and picks the target with
// PRESETKIT_FUZZ_TARGET: one instrumented build serves every target.

/// The fuzz targets by name; each takes one input and traps on any broken invariant.
enum FuzzTargets {
  /// Target names in the order `.ci/fuzz all` runs them.
  static let all: [(name: String, run: @Sendable ([UInt8]) -> Void)] = [
    ("yaml", YAMLTarget.run),
    ("json", JSONTarget.run),
    ("jcs", JCSRoundTripTarget.run),
    ("schema", SchemaTarget.run),
    ("compile", CompilerTarget.run),
    ("bundle", BundleTarget.run),
    ("live", LiveImportTarget.run),
  ]

  /// The target selected by the environment, resolved once.
  static let selected: @Sendable ([UInt8]) -> Void = {
    let name = ProcessInfo.processInfo.environment["PRESETKIT_FUZZ_TARGET"] ?? ""
    guard let target = all.first(where: { $0.name == name }) else {
      let names = all.map(\.name).joined(separator: ", ")
      FileHandle.standardError.write(Data("set PRESETKIT_FUZZ_TARGET to one of: \(names)\n".utf8))
      exit(2)
    }
    return target.run
  }()
}

/// Called by libFuzzer for every input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  FuzzTargets.selected(Array(UnsafeBufferPointer(start: data, count: size)))
  return 0
}

/// Stops the run with a message libFuzzer shows next to the crashing input.
func fuzzFail(_ message: String, file: StaticString = #file, line: UInt = #line) -> Never {
  fatalError("fuzz invariant broken: \(message)", file: file, line: line)
}
