import Foundation

@testable import PresetKit

/// Compiles a throw-away repository and runs the policy over it.
struct PolicyRun {
  /// The compiler's own diagnostics (expected empty in most tests).
  var compile: CompileResult
  /// `PolicyConfig.parse` diagnostics.
  var configDiagnostics: [Diagnostic]
  /// The parsed configuration.
  var config: PolicyConfig
  /// `PolicyEngine.check` findings.
  var findings: [Diagnostic]

  init(_ files: [String: String]) throws {
    let repo = try TempRepo(files)
    defer { repo.remove() }
    compile = repo.compile()
    (config, configDiagnostics) = PolicyConfig.parse(compile.config)
    findings = PolicyEngine.check(compile.presets, config: config)
  }

  /// Findings with this code.
  func findings(_ code: String) -> [Diagnostic] { findings.filter { $0.code == code } }
}

extension Diagnostic {
  /// `file:line:column` of the location, for compact assertions.
  var at: String {
    guard let location else { return "-" }
    return "\(location.file):\(location.line):\(location.column)"
  }

  /// `file:line:column` of the first related location.
  var relatedAt: String {
    guard let location = related.first?.location else { return "-" }
    return "\(location.file):\(location.line):\(location.column)"
  }
}
