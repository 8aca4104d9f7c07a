import PresetCore

/// Merges the findings of several compilations of the same presets (one per environment, one per preset):
/// a finding written once is reported once.
///
/// Rule (README "Environments"): findings with the same code, location and message are one finding. Its
/// `environment` names the environments it occurs in, in declaration order, or is nil when it occurs in all of
/// them (or only one was compiled); when it comes from several presets (a value in a `_defaults.yaml` or in
/// `presetctl.yaml`), the message ends with the presets it affects.
enum DiagnosticMerge {
  /// Presets named in an "affects" note before the rest are counted.
  static let namedPresets = 3

  /// The merged findings (unsorted). `labels` names each environment index.
  static func merge(_ findings: [(diagnostic: Diagnostic, variant: Int, preset: String)], labels: [String])
    -> [Diagnostic]
  {
    struct Key: Hashable {
      var code: String
      var location: SourceLocation?
      var message: String
    }
    struct Group {
      var diagnostic: Diagnostic
      var variants: Set<Int>
      var presets: Set<String>
    }
    var order: [Key] = []
    var groups: [Key: Group] = [:]
    for finding in findings {
      let key = Key(
        code: finding.diagnostic.code, location: finding.diagnostic.location, message: finding.diagnostic.message)
      if groups[key] == nil {
        order.append(key)
        groups[key] = Group(diagnostic: finding.diagnostic, variants: [], presets: [])
      }
      groups[key]?.variants.insert(finding.variant)
      groups[key]?.presets.insert(finding.preset)
    }
    return order.compactMap { key in
      guard let group = groups[key] else { return nil }
      var diagnostic = group.diagnostic
      let names = group.variants.sorted().map { labels[$0] }
      if group.variants.count < labels.count { diagnostic.environment = names.joined(separator: ", ") }
      if group.presets.count > 1 {
        let slugs = group.presets.sorted { $0.precedesInCodeUnits($1) }
        var list = slugs.prefix(namedPresets).map { "`\($0)`" }.joined(separator: ", ")
        if slugs.count > namedPresets { list += ", … and \(slugs.count - namedPresets) more" }
        let scope = diagnostic.environment.map { " in \($0)" } ?? ""
        diagnostic.message += " (affects \(slugs.count) presets\(scope): \(list))"
      }
      return diagnostic
    }
  }
}
