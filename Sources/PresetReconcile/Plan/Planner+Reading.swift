import PresetModel

extension Planner {
  /// One GET per slug, at most `parallelism` at a time, answers in the order of `slugs` (nil: no such preset).
  ///
  /// The one fan-out `plan`, `import` and `promote` share: every read runs even when one fails, and the first
  /// failure in slug order is thrown, so the error a command reports does not depend on timing.
  package static func readLive(
    _ slugs: [String], client: OpenRouterClient, parallelism: Int
  ) async throws(RemoteError) -> [LivePreset?] {
    let results = await BoundedConcurrency.map(slugs, parallelism: max(1, parallelism)) { slug in
      do throws(RemoteError) {
        return Result<LivePreset?, RemoteError>.success(try await client.getPreset(slug: slug))
      } catch {
        return .failure(error)
      }
    }
    var live: [LivePreset?] = []
    live.reserveCapacity(results.count)
    for result in results { live.append(try result.get()) }
    return live
  }
}
