import PresetCore
import PresetModel
import PresetPolicy

/// The presets a targeted run (`--target SLUG`, repeatable, globs allowed) works on, like terraform's
/// `-target`: everything outside it is neither read, planned, applied nor compared.
///
/// Patterns use the slug glob syntax of `presetctl.yaml` (`support-*`, `*-v?`), matched against the compiled
/// slug (the one that is live, so an environment's renamed slugs are matched as they are pushed).
package struct PresetTarget: Sendable, Equatable {
  /// A pattern that selects none of the presets: surely a typo, so the run stops instead of doing nothing.
  package struct NoMatch: Error, Sendable, Equatable {
    /// The patterns (as written) that matched nothing.
    package var patterns: [String]
    /// How many presets were searched.
    package var searched: Int

    /// The stable diagnostic code.
    package static let code = "target.no-match"

    /// One line naming every pattern, the reason and the fix; pattern text is the user's, callers neutralise.
    package var message: String {
      let list = patterns.map { "'\($0)'" }.joined(separator: ", ")
      let noun = patterns.count == 1 ? "--target \(list) matches" : "--target \(list) match"
      return "\(noun) none of the \(searched) preset(s); check the slug (globs: * and ?) or drop the option"
    }
  }

  /// The patterns in the order given.
  package let patterns: [GlobPattern]

  /// The patterns, or nil when none was given (the run is not targeted).
  package init?(_ texts: [String]) {
    guard !texts.isEmpty else { return nil }
    patterns = texts.map { GlobPattern($0, syntax: .name) }
  }

  /// True when any pattern matches the slug.
  package func matches(_ slug: String) -> Bool { patterns.contains { $0.matches(slug) } }

  /// The presets the target selects, in their order; throws when a pattern selects none.
  package func select(_ presets: [Preset]) throws(NoMatch) -> [Preset] {
    try check(slugs: presets.map(\.slug))
    return filter(presets)
  }

  /// The presets the target selects, in their order (none may be; `check(slugs:)` reports that).
  package func filter(_ presets: [Preset]) -> [Preset] { presets.filter { matches($0.slug) } }

  /// Throws naming every pattern that matches none of `slugs`.
  package func check(slugs: [String]) throws(NoMatch) {
    let unmatched = patterns.filter { pattern in !slugs.contains { pattern.matches($0) } }
    guard unmatched.isEmpty else { throw NoMatch(patterns: unmatched.map(\.text), searched: slugs.count) }
  }

  /// The plan limited to the target: entries and unmanaged live presets outside it are dropped, and the plan
  /// records the target so every summary says the run was targeted.
  package func restrict(_ plan: PresetPlan) -> PresetPlan {
    var restricted = PresetPlan(
      entries: plan.entries.filter { matches($0.desired.slug) }, unmanaged: plan.unmanaged.filter { matches($0.slug) },
      warnings: plan.warnings)
    restricted.target = self
    return restricted
  }

  /// The patterns as written.
  package var texts: [String] { patterns.map(\.text) }

  /// The patterns as a JSON array (the `target` field of JSON reports).
  package var json: JSONValue { .array(texts.map(JSONValue.string)) }

  /// `targeted: alpha, support-*`, appended to summaries so a partial run never reads as a whole one.
  package var label: String { "targeted: " + texts.joined(separator: ", ") }
}
