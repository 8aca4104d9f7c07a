import Foundation
import PresetCore

extension PlanFile {
  /// The plan to carry out: the saved actions stand, every preset (unchanged ones included) is re-read just
  /// before its POST would go out (`Applier`'s stale check with `expectations`).
  package var presetPlan: PresetPlan {
    let entries = bundle.presets.map { preset in
      PresetPlan.Entry(
        desired: preset, action: expectations[preset.slug]?.action ?? .unchanged, live: nil,
        liveVersion: expectations[preset.slug]?.liveVersion)
    }
    return PresetPlan(entries: entries, unmanaged: [])
  }

  /// Refuses applying against another API than the plan was read from (`plan.api-mismatch`); nil when they match.
  package func apiMismatch(applyingTo url: URL) -> Diagnostic? {
    let here = Self.normalisedAPI(url)
    guard apiURL != here else { return nil }
    return .error(
      "plan.api-mismatch", "the plan was made against \(apiURL) but this apply talks to \(here)",
      hint: "run `presetctl plan --out` against this API, or apply with --api-url \(apiURL)")
  }
}
