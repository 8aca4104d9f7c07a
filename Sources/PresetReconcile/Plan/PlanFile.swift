import Foundation
import PresetCore
import PresetModel

/// A saved plan (`plan --out PLAN.json`): the bundle it was made from, the live version each preset had and the
/// API it was read from.
///
/// `apply PLAN.json` re-reads every preset and refuses the ones whose live version moved since (a stale plan),
/// like `terraform apply` of a saved plan, and refuses the whole plan against another API. Reading a plan checks
/// that its entries and its bundle agree (see `init(json:)`).
package struct PlanFile: Sendable {
  /// The format tag. v2 added `api_url`; a v1 plan (which does not say which API it was read from) is refused
  /// with "run plan again" rather than applied against whatever API is configured now.
  package static let format = "presetctl.plan/v2"
  /// Format tags of older plans, refused with a "run plan again" message.
  static let olderFormats = ["presetctl.plan/v1"]

  /// What the plan expected to find live for one preset.
  package struct Expectation: Sendable, Equatable {
    /// The action planned.
    package var action: PresetPlan.Action
    /// The live content version when planned; nil when the preset did not exist.
    package var liveVersion: PresetVersion?
  }

  /// The desired state.
  package var bundle: PresetBundle
  /// Expectations by slug.
  package var expectations: [String: Expectation]
  /// The API base URL the live state was read from, normalised (`PlanFile.normalisedAPI`); never holds a key.
  package var apiURL: String

  /// Captures a plan read from the API at `apiURL`.
  package init(plan: PresetPlan, apiURL: URL) {
    bundle = PresetBundle(presets: plan.entries.map(\.desired))
    var expectations: [String: Expectation] = [:]
    for entry in plan.entries {
      expectations[entry.desired.slug] = Expectation(action: entry.action, liveVersion: entry.liveVersion)
    }
    self.expectations = expectations
    self.apiURL = Self.normalisedAPI(apiURL)
  }

  /// The saved plan's actions, to apply as they stand: no live state (every preset, unchanged ones included, is
  /// re-read just before its POST would go out, the stale check).
  package var savedPlan: PresetPlan {
    let entries = bundle.presets.map { preset in
      PresetPlan.Entry(
        desired: preset, action: expectations[preset.slug]?.action ?? .unchanged, live: nil,
        liveVersion: expectations[preset.slug]?.liveVersion)
    }
    return PresetPlan(entries: entries, unmanaged: [])
  }

  /// The file as JSON.
  package var json: JSONValue {
    let entries: [JSONValue] = bundle.presets.map { preset in
      let expectation = expectations[preset.slug]
      return .object(
        JSONObject([
          .init(key: "slug", value: .string(preset.slug)),
          .init(key: "action", value: .string(expectation?.action.rawValue ?? "unchanged")),
          .init(key: "desired_version", value: .string(preset.version.rawValue)),
          .init(key: "live_version", value: expectation?.liveVersion.map { .string($0.rawValue) } ?? .null),
        ]))
    }
    return .object(
      JSONObject([
        .init(key: "format", value: .string(Self.format)), .init(key: "api_url", value: .string(apiURL)),
        .init(key: "entries", value: .array(entries)), .init(key: "bundle", value: bundle.json),
      ]))
  }

  /// A base URL as plans record and compare it: scheme and host lower-cased, a default port dropped, trailing
  /// slashes dropped, and no credentials, query or fragment (so nothing secret is ever written to a plan).
  package static func normalisedAPI(_ url: URL) -> String {
    guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return "" }
    components.user = nil
    components.password = nil
    components.query = nil
    components.fragment = nil
    components.scheme = components.scheme?.lowercased()
    components.host = components.host?.lowercased()
    if (components.scheme == "https" && components.port == 443)
      || (components.scheme == "http" && components.port == 80)
    {
      components.port = nil
    }
    var path = components.path
    while path.hasSuffix("/") { path.removeLast() }
    components.path = path
    return components.string ?? ""
  }
}
