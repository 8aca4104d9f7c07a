import Foundation
import PresetCore
import PresetModel

/// Checks compiled presets against the repository's policy rules and prompt lints.
package enum PolicyEngine {
  /// Presets per work item when checking in parallel (small enough to balance, large enough to be cheap).
  static let chunkSize = 256

  /// Policy violations and prompt-lint findings for compiled presets (deterministic order).
  ///
  /// The order is `Diagnostic.sortedForReport` (file, position, severity, code, message), whatever the input
  /// order or the number of threads used.
  package static func check(_ presets: [Preset], config: PolicyConfig) -> [Diagnostic] {
    guard !config.isEmpty, !presets.isEmpty else { return [] }
    let chunks = stride(from: 0, to: presets.count, by: chunkSize).map {
      Array(presets[$0..<min($0 + chunkSize, presets.count)])
    }
    let perChunk = ParallelMap.map(chunks, parallelism: ProcessInfo.processInfo.activeProcessorCount) { chunk in
      chunk.flatMap { check($0, config: config) }
    }
    return Diagnostic.sortedForReport(perChunk.flatMap { $0 })
  }

  /// The findings for one preset, in rule order, then lints.
  package static func check(_ preset: Preset, config: PolicyConfig) -> [Diagnostic] {
    let view = PresetView(preset)
    var diagnostics: [Diagnostic] = []
    for rule in config.rules where rule.applies(to: preset) {
      for check in rule.checks {
        diagnostics += violations(of: check, rule: rule, in: view)
      }
    }
    diagnostics += PromptLint.check(view, settings: config.lint)
    diagnostics += CatalogueCheck.check(view, catalogue: config.catalogue, settings: config.lint.catalogue)
    return diagnostics
  }

  /// A violation of `check` of `rule`, at `location`.
  static func violation(
    _ check: PolicyRule.Check, rule: PolicyRule, message: String, at location: SourceLocation, path: String?,
    hint: String? = nil
  ) -> Diagnostic {
    Diagnostic(
      severity: rule.severity, code: check.kind.code, message: message, location: location, path: path,
      related: [.init(message: "rule `\(rule.name)` is declared here", location: check.declared)], hint: hint)
  }
}
