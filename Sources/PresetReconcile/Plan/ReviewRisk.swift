import PresetCore
import PresetModel
import PresetSchema

/// A part of a preset change that a reviewer should look at twice, with the callout text shown for it.
///
/// Rules (all compare the normalised models, so a default the normaliser drops counts as absent):
/// - `model`: `model` or `models` (the routing list: primary model and its fallbacks) changes in any way.
/// - `fallbacks`: the messages skin's `fallbacks` list changes, or `provider.allow_fallbacks` changes.
/// - `data-collection`: `provider.data_collection` was `deny` and no longer is. The normaliser drops
///   `data_collection: allow` as the API default, so "deny → absent" is exactly "switched to allow".
/// - `zdr`: `provider.zdr` was `true` and no longer is.
/// - `temperature`: |new − old| ≥ `temperatureJump` (0.5), an absent temperature counting as the API default 1.
package struct ReviewRisk: Sendable, Equatable {
  /// Which rule fired.
  package enum Kind: String, Sendable, CaseIterable {
    /// The model or the model list changed.
    case model
    /// The fallback list or the fallback switch changed.
    case fallbacks
    /// Data collection was denied and now is allowed.
    case dataCollection = "data-collection"
    /// Zero data retention was required and no longer is.
    case zdr
    /// The temperature moved by at least `temperatureJump`.
    case temperature
  }

  /// Which rule fired.
  package var kind: Kind
  /// The config path concerned.
  package var path: JSONPointer
  /// What happened, in a few words (`model changes`).
  package var title: String
  /// The values, `old → new` in compact JSON.
  package var detail: String
  /// The head YAML line of the path, when known (see `Review.locateChanges`).
  package var line: Int?
  /// The file of `line` when it is not the preset file (an environment override in `presetctl.yaml`).
  package var file: String?

  /// Creates a risk.
  package init(kind: Kind, path: JSONPointer, title: String, detail: String, line: Int? = nil, file: String? = nil) {
    self.kind = kind
    self.path = path
    self.title = title
    self.detail = detail
    self.line = line
    self.file = file
  }

  /// The one-line callout: `title: detail`.
  package var message: String { "\(title): \(detail)" }

  /// The smallest temperature change called out.
  package static let temperatureJump = 0.5
  /// The temperature the API uses when a preset sets none (OpenRouter's documented default).
  package static let defaultTemperature = 1.0

  /// The risks of going from `old` to `new`, in rule order.
  package static func assess(old: PresetModel, new: PresetModel) -> [ReviewRisk] {
    let before = JSONValue.object(old.config)
    let after = JSONValue.object(new.config)
    var risks: [ReviewRisk] = []
    func value(_ value: JSONValue, _ path: JSONPointer) -> JSONValue? { value.value(at: path) }
    func changed(_ path: JSONPointer) -> (JSONValue?, JSONValue?)? {
      let a = value(before, path)
      let b = value(after, path)
      return a == b ? nil : (a, b)
    }
    let model = JSONPointer.root.appending("model")
    if let (a, b) = changed(model) {
      risks.append(ReviewRisk(kind: .model, path: model, title: "model changes", detail: transition(a, b)))
    }
    let models = JSONPointer.root.appending("models")
    if let (a, b) = changed(models) {
      risks.append(
        ReviewRisk(
          kind: .model, path: models, title: "model list (primary and fallbacks) changes", detail: transition(a, b)))
    }
    let fallbacks = JSONPointer.root.appending("fallbacks")
    if let (a, b) = changed(fallbacks) {
      risks.append(
        ReviewRisk(kind: .fallbacks, path: fallbacks, title: "fallback list changes", detail: transition(a, b)))
    }
    let provider = JSONPointer.root.appending("provider")
    let allowFallbacks = provider.appending("allow_fallbacks")
    if let (a, b) = changed(allowFallbacks) {
      // The normaliser drops `true` (the default), so absent means fallbacks are allowed.
      let now = b?.boolValue ?? true
      risks.append(
        ReviewRisk(
          kind: .fallbacks, path: allowFallbacks,
          title: "provider fallbacks \(now ? "allowed again" : "disabled")",
          detail: transition(a, b, absent: "default true")))
    }
    let dataCollection = provider.appending("data_collection")
    if value(before, dataCollection) == "deny", value(after, dataCollection) != "deny" {
      risks.append(
        ReviewRisk(
          kind: .dataCollection, path: dataCollection,
          title: "data collection switched to allow",
          detail: transition("deny", value(after, dataCollection), absent: "default allow")))
    }
    let zdr = provider.appending("zdr")
    if value(before, zdr) == .bool(true), value(after, zdr) != .bool(true) {
      risks.append(
        ReviewRisk(
          kind: .zdr, path: zdr, title: "zero data retention removed",
          detail: transition(.bool(true), value(after, zdr))))
    }
    let temperature = JSONPointer.root.appending("temperature")
    if changed(temperature) != nil {
      let a = value(before, temperature)
      let b = value(after, temperature)
      let from = a?.numberValue ?? defaultTemperature
      let to = b?.numberValue ?? defaultTemperature
      let delta = abs(to - from)
      // Tolerance for binary fractions: 0.7 - 0.2 is 0.4999999999999999.
      if delta >= temperatureJump - 1e-9 {
        let shown = (delta * 1e6).rounded() / 1e6
        risks.append(
          ReviewRisk(
            kind: .temperature, path: temperature,
            title: "temperature jumps by \(JSONDiff.brief(.number(shown)))",
            detail: transition(a, b, absent: "default \(JSONDiff.brief(.number(defaultTemperature)))")
          ))
      }
    }
    return risks
  }

  /// `old → new` in compact JSON, with a word for an absent side.
  static func transition(_ a: JSONValue?, _ b: JSONValue?, absent: String = "absent") -> String {
    func show(_ v: JSONValue?) -> String { v.map { JSONDiff.brief($0) } ?? "(\(absent))" }
    return "\(show(a)) → \(show(b))"
  }
}
