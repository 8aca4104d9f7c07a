import PresetCore
import PresetModel

extension PlanFile {
  /// Why a saved plan was refused: a stable `reason` code and a sentence naming what is wrong.
  package struct ReadError: Error, Sendable, CustomStringConvertible {
    /// Stable codes, one per kind of problem.
    package enum Reason: String, Sendable {
      /// Not a plan, or a plan format this version does not read.
      case format = "plan.format"
      /// A plan of an older format: made by an older presetctl, to be made again.
      case outdated = "plan.outdated"
      /// No (or an empty) `api_url`.
      case api = "plan.api-url"
      /// The embedded bundle does not read (format, versions, digest).
      case bundle = "plan.bundle"
      /// An entry is not an object with the expected fields.
      case entry = "plan.entry"
      /// An entry names a preset the bundle does not have.
      case unknownPreset = "plan.unknown-preset"
      /// A bundle preset has no entry.
      case missingEntry = "plan.missing-entry"
      /// Two entries name the same preset.
      case duplicateEntry = "plan.duplicate-entry"
      /// `desired_version` is not the version of the bundle's preset.
      case desiredVersion = "plan.desired-version"
      /// The action is unknown, or does not fit the recorded versions.
      case action = "plan.action"
    }

    /// The kind of problem.
    package var reason: Reason
    /// What is wrong.
    package var message: String
    /// The text shown to people.
    package var description: String { "\(message) [\(reason.rawValue)]" }
  }

  /// Reads a saved plan and checks it is internally consistent: the format (a bundle or an old plan is named as
  /// such), the API URL, the embedded bundle (format, versions, digest), and one entry per bundle preset whose
  /// `desired_version` is that preset's verified version and whose action fits its versions (create: nothing
  /// live; update: live differs from desired; unchanged: live equals desired). A hand-edited plan is refused,
  /// never applied as "unchanged".
  package init(json: JSONValue) throws(ReadError) {
    func refuse(_ reason: ReadError.Reason, _ message: String) -> ReadError {
      ReadError(reason: reason, message: message)
    }
    guard case .object = json else { throw refuse(.format, "not a presetctl plan: expected a JSON object") }
    switch json["format"] {
    case .string(Self.format)?: break
    case .string(let found)? where Self.olderFormats.contains(found):
      throw refuse(
        .outdated,
        "this plan is \(found), made by an older presetctl, and does not record the API it was read from; run `presetctl plan --out PLAN.json` again"
      )
    case .string(let found)? where PresetBundle.readableFormats.contains(found):
      throw refuse(
        .format,
        "expected \(Self.format), found \(found): this is a bundle; run `presetctl plan --out PLAN.json` to make a plan (or apply the bundle itself)"
      )
    case .string(let found)?:
      throw refuse(.format, "expected \(Self.format), found \(found): not a plan this presetctl can read")
    default:
      throw refuse(.format, "expected \"format\": \"\(Self.format)\": not a presetctl plan")
    }
    guard case .string(let api)? = json["api_url"], !api.isEmpty else {
      throw refuse(
        .api, "the plan does not record the API it was read from (`api_url`); run `presetctl plan --out` again")
    }
    guard let bundleJSON = json["bundle"] else { throw refuse(.bundle, "the plan has no `bundle`") }
    do {
      bundle = try PresetBundle(json: bundleJSON)
    } catch {
      throw refuse(.bundle, "the plan's bundle: \(error.message)")
    }
    guard case .array(let entries)? = json["entries"] else { throw refuse(.entry, "the plan has no `entries` list") }
    apiURL = api
    var presets: [String: Preset] = [:]
    for preset in bundle.presets {
      guard presets.updateValue(preset, forKey: preset.slug) == nil else {
        throw refuse(.bundle, "the plan's bundle has preset `\(preset.slug)` twice")
      }
    }
    var expectations: [String: Expectation] = [:]
    for (i, entry) in entries.enumerated() {
      guard case .string(let slug)? = entry["slug"] else { throw refuse(.entry, "plan entry \(i) has no `slug`") }
      let name = "plan entry \(i) (`\(slug)`)"
      guard let preset = presets[slug] else {
        throw refuse(.unknownPreset, "\(name) names a preset the plan's bundle does not have")
      }
      guard expectations[slug] == nil else { throw refuse(.duplicateEntry, "\(name) repeats an earlier entry") }
      guard case .string(let actionText)? = entry["action"], let action = PresetPlan.Action(rawValue: actionText) else {
        throw refuse(
          .action, "\(name): `action` must be create, update or unchanged, got \(Self.shown(entry["action"]))")
      }
      guard case .string(let desired)? = entry["desired_version"], desired == preset.version.rawValue else {
        throw refuse(
          .desiredVersion,
          "\(name): `desired_version` \(Self.shown(entry["desired_version"])) is not the version of its bundle entry (\(preset.version.rawValue)); edited by hand?"
        )
      }
      let live: PresetVersion?
      switch entry["live_version"] {
      case nil, .null?: live = nil
      case .string(let text)?:
        guard let version = PresetVersion(rawValue: text) else {
          throw refuse(.entry, "\(name): `live_version` \(Self.shown(entry["live_version"])) is not a version")
        }
        live = version
      case let other?:
        throw refuse(.entry, "\(name): `live_version` must be a version or null, got \(Self.shown(other))")
      }
      let fits =
        switch action {
        case .create: live == nil
        case .update: live != nil && live != preset.version
        case .unchanged: live == preset.version
        }
      guard fits else {
        throw refuse(
          .action,
          "\(name): action `\(action.rawValue)` does not fit live_version \(live?.rawValue ?? "null") and desired_version \(desired)"
        )
      }
      expectations[slug] = Expectation(action: action, liveVersion: live)
    }
    if let missing = bundle.presets.first(where: { expectations[$0.slug] == nil }) {
      throw refuse(
        .missingEntry, "preset `\(missing.slug)` is in the plan's bundle but has no plan entry; edited by hand?")
    }
    self.expectations = expectations
  }

  /// A JSON value in a message (compact, bounded so a huge hand-edited value does not flood the terminal).
  static func shown(_ value: JSONValue?) -> String {
    guard let value else { return "nothing" }
    let text = JSONWriter.string(value, options: .compact)
    return text.count > 80 ? String(text.prefix(77)) + "..." : text
  }
}
