import Foundation

@testable import PresetCompiler
@testable import PresetCore
@testable import PresetKit
@testable import PresetPolicy

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
    let full = repo.compile()
    (config, configDiagnostics) = PolicyConfig.parse(full.config)
    // The compiler runs policy and lint itself; split its diagnostics so tests can look at each part.
    func isPolicy(_ d: Diagnostic) -> Bool {
      d.code.hasPrefix("policy.") || d.code.hasPrefix("lint.") || d.code == "config.policy"
    }
    findings = full.diagnostics.filter { isPolicy($0) && $0.code != "config.policy" }
    compile = full
    compile.diagnostics = full.diagnostics.filter { !isPolicy($0) }
    // Running the engine on the compiled presets afterwards gives the same findings, once merged (a finding
    // written once for several presets is reported once).
    let again = full.presets.flatMap { preset in
      PolicyEngine.check([preset], config: config).map { (diagnostic: $0, variant: 0, preset: preset.slug) }
    }
    precondition(
      Diagnostic.sortedForReport(DiagnosticMerge.merge(again, labels: [""])) == findings, "policy findings differ")
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
