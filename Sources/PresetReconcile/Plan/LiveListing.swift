import PresetCore
import PresetModel

/// What `presetctl ls` shows: every live preset with its designated version, compared with the local presets.
package struct LiveListing: Sendable {
  /// How a live preset stands against the local compiled presets.
  package enum State: String, Sendable {
    /// The local preset compiles to the live version.
    case inSync = "in sync"
    /// The local preset compiles to another version (apply would update it).
    case differs
    /// No local preset has this slug.
    case unmanaged
    /// The live preset has no designated version.
    case noVersion = "no version"
  }

  /// One live preset.
  package struct Row: Sendable {
    /// The slug (server text).
    package var slug: String
    /// The designated version's number.
    package var versionNumber: Int?
    /// Our content hash of the normalised live version.
    package var version: PresetVersion?
    /// Against the local presets.
    package var state: State
    /// When the designated version (else the preset) was last updated (server text).
    package var updatedAt: String?
    /// Who made the designated version (server text).
    package var creator: String?
  }

  /// One row per live preset, sorted by slug (bytewise).
  package var rows: [Row]
  /// Listed presets that were skipped (`remote.bad-slug`).
  package var warnings: [Diagnostic]

  /// Lists every live preset and reads each one (one GET each, `parallelism` at a time).
  package static func read(
    client: OpenRouterClient, parallelism: Int, local: [Preset]
  ) async throws(RemoteError) -> LiveListing {
    let listing = try await client.listPresetsChecked()
    let results = await BoundedConcurrency.map(listing.presets, parallelism: max(1, parallelism)) { summary in
      do throws(RemoteError) {
        return Result<LivePreset?, RemoteError>.success(try await client.getPreset(slug: summary.slug))
      } catch {
        return .failure(error)
      }
    }
    var versions: [String: PresetVersion] = [:]
    for preset in local { versions[preset.slug] = preset.version }
    var rows: [Row] = []
    for (summary, result) in zip(listing.presets, results) {
      // Listed, then gone before the GET: nothing to show.
      guard let live = try result.get() else { continue }
      let version = live.model?.version
      let state: State =
        version == nil ? .noVersion : versions[summary.slug].map { $0 == version ? .inSync : .differs } ?? .unmanaged
      rows.append(
        Row(
          slug: live.slug, versionNumber: live.designatedVersion?.version, version: version, state: state,
          updatedAt: live.designatedVersion?.updatedAt ?? live.updatedAt, creator: live.designatedVersion?.creatorId))
    }
    rows.sort { $0.slug.precedesInCodeUnits($1.slug) }
    return LiveListing(rows: rows, warnings: listing.skipped)
  }
}
