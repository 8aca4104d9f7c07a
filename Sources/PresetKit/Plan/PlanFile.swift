/// A saved plan (`plan --out PLAN.json`): the bundle it was made from plus the live version each preset had.
///
/// `apply PLAN.json` refuses presets whose live version moved since (a stale plan), like `terraform apply` of a
/// saved plan.
public struct PlanFile: Sendable {
  /// The format tag.
  public static let format = "presetctl.plan/v1"

  /// What the plan expected to find live for one preset.
  public struct Expectation: Sendable, Equatable {
    /// The action planned.
    public var action: PresetPlan.Action
    /// The live content version when planned; nil when the preset did not exist.
    public var liveVersion: PresetVersion?
  }

  /// The desired state.
  public var bundle: PresetBundle
  /// Expectations by slug.
  public var expectations: [String: Expectation]

  /// Captures a plan.
  public init(plan: PresetPlan) {
    bundle = PresetBundle(presets: plan.entries.map(\.desired))
    var expectations: [String: Expectation] = [:]
    for entry in plan.entries {
      expectations[entry.desired.slug] = Expectation(action: entry.action, liveVersion: entry.liveVersion)
    }
    self.expectations = expectations
  }

  /// The file as JSON.
  public var json: JSONValue {
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
        .init(key: "format", value: .string(Self.format)), .init(key: "entries", value: .array(entries)),
        .init(key: "bundle", value: bundle.json),
      ]))
  }

  /// Reads a saved plan.
  public init(json: JSONValue) throws(PresetBundle.ReadError) {
    guard json["format"]?.stringValue == Self.format, let bundleJSON = json["bundle"],
      case .array(let entries)? = json["entries"]
    else { throw PresetBundle.ReadError(message: "not a presetctl plan (expected \"format\": \"\(Self.format)\")") }
    bundle = try PresetBundle(json: bundleJSON)
    var expectations: [String: Expectation] = [:]
    for entry in entries {
      guard let slug = entry["slug"]?.stringValue,
        let action = entry["action"]?.stringValue.flatMap(PresetPlan.Action.init(rawValue:))
      else { throw PresetBundle.ReadError(message: "plan entry is malformed") }
      let live = entry["live_version"]?.stringValue.flatMap(PresetVersion.init(rawValue:))
      expectations[slug] = Expectation(action: action, liveVersion: live)
    }
    self.expectations = expectations
  }
}
