import PresetCore
import PresetModel

/// Reads the live state for a set of desired presets and classifies each one.
package struct Planner: Sendable {
  /// The API client.
  package var client: OpenRouterClient
  /// Concurrent reads.
  package var parallelism: Int

  /// Creates a planner.
  package init(client: OpenRouterClient, parallelism: Int) {
    self.client = client
    self.parallelism = max(1, parallelism)
  }

  /// One GET per desired preset plus the list pages (for unmanaged presets).
  package func plan(for desired: [Preset], listUnmanaged: Bool = true) async throws(RemoteError) -> PresetPlan {
    let live = try await Self.readLive(desired.map(\.slug), client: client, parallelism: parallelism)
    let entries = zip(desired, live).map { Self.classify(desired: $0, live: $1) }
    var unmanaged: [LivePresetSummary] = []
    var warnings: [Diagnostic] = []
    if listUnmanaged {
      let slugs = Set(desired.map(\.slug))
      // Presets with slugs that break the slug rule are left out of the listing and reported as warnings.
      let listing = try await client.listPresetsChecked()
      unmanaged = listing.presets.filter { !slugs.contains($0.slug) }
      warnings = listing.skipped
    }
    return PresetPlan(entries: entries, unmanaged: unmanaged, warnings: warnings)
  }

  /// Create when absent, unchanged when the normalised live version equals the desired one, else update.
  package static func classify(desired: Preset, live: LivePreset?) -> PresetPlan.Entry {
    guard let live else { return PresetPlan.Entry(desired: desired, action: .create, live: nil, liveVersion: nil) }
    let liveVersion = live.model?.version
    return PresetPlan.Entry(
      desired: desired, action: liveVersion == desired.version ? .unchanged : .update, live: live,
      liveVersion: liveVersion)
  }
}
