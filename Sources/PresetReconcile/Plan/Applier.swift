import PresetCore
import PresetModel
import PresetSchema

/// Carries out a plan: POSTs creates and updates, confirms each stored version, never re-sends a mismatch.
///
/// Confirmation uses the POST answer, which carries the stored designated version, so an apply costs one GET
/// per preset (the plan, or with a saved plan the stale check) plus one POST per change and no extra read. One
/// preset failing does not stop others.
package struct Applier: Sendable {
  /// The result for one preset.
  package struct Outcome: Sendable {
    /// What happened.
    package enum Status: String, Sendable {
      case applied
      case unchanged
      case failed
      case stale
    }

    /// The preset.
    package var slug: String
    /// The action that was planned.
    package var action: PresetPlan.Action
    /// What happened.
    package var status: Status
    /// A sentence for failures and stale presets.
    package var message: String?
    /// The live version number after a successful POST.
    package var versionNumber: Int?
    /// Differences desired → stored when the server changed or dropped fields.
    package var mismatch: [JSONDiff.Change]
    /// The stable code of a failure (`remote.*`, or `apply.stored-differs`); nil otherwise.
    package var code: String? = nil

    /// Marks the outcome failed by `error`: its code and its description.
    mutating func fail(_ error: RemoteError) {
      status = .failed
      code = error.code
      message = error.description
    }
  }

  /// The API client.
  package var client: OpenRouterClient
  /// Concurrent POSTs.
  package var parallelism: Int

  /// Creates an applier.
  package init(client: OpenRouterClient, parallelism: Int) {
    self.client = client
    self.parallelism = max(1, parallelism)
  }

  /// Applies the changes of `plan`. With `expectations` (a saved plan) each preset, unchanged ones included, is
  /// first re-read and refused (stale) when its live version moved since planning.
  package func apply(
    _ plan: PresetPlan, expectations: [String: PlanFile.Expectation]? = nil,
    progress: @escaping @Sendable (Outcome) -> Void = { _ in }
  ) async -> [Outcome] {
    let client = self.client
    let outcomes = await BoundedConcurrency.map(plan.entries, parallelism: parallelism) { entry -> Outcome in
      let outcome = await Self.apply(entry, expectation: expectations?[entry.desired.slug], client: client)
      progress(outcome)
      return outcome
    }
    return outcomes
  }

  private static func apply(
    _ entry: PresetPlan.Entry, expectation: PlanFile.Expectation?, client: OpenRouterClient
  ) async -> Outcome {
    let desired = entry.desired
    var outcome = Outcome(
      slug: desired.slug, action: entry.action, status: .unchanged, message: nil, versionNumber: nil, mismatch: [])
    // Without a saved plan the plan was just read; with one, an unchanged preset is read again too: if it moved
    // since, "unchanged" would report a state the API no longer has.
    guard entry.action != .unchanged || expectation != nil else { return outcome }
    if let expectation {
      do throws(RemoteError) {
        let live = try await client.getPreset(slug: desired.slug)
        let now = live?.model?.version
        if entry.action == .unchanged, now == desired.version { return outcome }
        if now != expectation.liveVersion && now != desired.version {
          outcome.status = .stale
          outcome.message =
            "live version moved since the plan was made (planned from \(expectation.liveVersion?.short ?? "absent"), now \(now?.short ?? "absent")); run plan again"
          return outcome
        }
        if now == desired.version {
          outcome.message = "already live"
          return outcome
        }
      } catch {
        outcome.fail(error)
        return outcome
      }
    }
    let pushed = await push(
      slug: desired.slug, skin: desired.skin, body: desired.body, model: desired.model, client: client)
    outcome.status = pushed.status
    outcome.message = pushed.message
    outcome.versionNumber = pushed.versionNumber
    outcome.mismatch = pushed.mismatch
    outcome.code = pushed.code
    return outcome
  }

  /// POSTs `body` as a new version of `slug` (with the client's read-back for an unknown outcome) and confirms
  /// that the stored version normalises to `model`; a mismatch is reported field by field and never re-sent.
  /// `apply` and `rollback` push through here.
  package static func push(
    slug: String, skin: Skin, body: JSONObject, model desired: PresetModel, client: OpenRouterClient
  ) async -> Outcome {
    var outcome = Outcome(
      slug: slug, action: .update, status: .applied, message: nil, versionNumber: nil, mismatch: [])
    let target = desired.version
    do throws(RemoteError) {
      let stored = try await client.createVersion(
        slug: slug, skin: skin, body: .object(body), isAlreadyApplied: { live in live?.model?.version == target })
      outcome.versionNumber = stored.designatedVersion?.version
      guard let model = stored.model, model.version == target else {
        outcome.status = .failed
        outcome.code = "apply.stored-differs"
        outcome.mismatch = JSONDiff.changes(from: desired.json, to: stored.model?.json ?? .null)
        let fields = outcome.mismatch.map(\.path.dotted).joined(separator: ", ")
        outcome.message = "the server stored different content than sent (differs at: \(fields)); not re-sent"
        return outcome
      }
    } catch {
      outcome.fail(error)
    }
    return outcome
  }
}
