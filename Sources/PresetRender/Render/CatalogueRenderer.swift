import PresetCore
import PresetReconcile

/// Reports of `catalogue pull` and `catalogue pull --check`. Model ids come from the server: every one goes
/// through `SafeText` (the JSON writer escapes control characters; text output is neutralised).
package struct CatalogueRenderer: Sendable {
  /// What the pull found.
  package var outcome: CataloguePull.Outcome

  /// Creates a renderer.
  package init(outcome: CataloguePull.Outcome) {
    self.outcome = outcome
  }

  /// Ids shown by name in text output before "and N more".
  static let listed = 10

  /// The pull summary: counts, then the ids added, removed and changed.
  package func text() -> String {
    let live = outcome.live
    var out =
      "\(SafeText.terminal(outcome.snapshot)): \(live.models.count) model(s), \(live.providers.count) provider(s)"
    out += outcome.wrote ? " written" : " unchanged"
    let parts = [("added", outcome.added), ("removed", outcome.removed), ("changed", outcome.changed)]
    let counts = parts.filter { !$0.1.isEmpty }.map { "\($0.1.count) \($0.0)" }
    out += counts.isEmpty ? "\n" : " (\(counts.joined(separator: ", ")))\n"
    for (label, ids) in parts where !ids.isEmpty {
      var shown = ids.prefix(Self.listed).map(SafeText.terminal).joined(separator: ", ")
      if ids.count > Self.listed { shown += ", and \(ids.count - Self.listed) more" }
      out += "  \(label): \(shown)\n"
    }
    return out
  }

  /// The pull summary as JSON.
  package func json() -> String {
    func ids(_ list: [String]) -> JSONValue { .array(list.map(JSONValue.string)) }
    let object = JSONObject([
      .init(key: "snapshot", value: .string(outcome.snapshot)),
      .init(key: "written", value: .bool(outcome.wrote)),
      .init(key: "models", value: .number(Double(outcome.live.models.count))),
      .init(key: "providers", value: .number(Double(outcome.live.providers.count))),
      .init(key: "added", value: ids(outcome.added)),
      .init(key: "removed", value: ids(outcome.removed)),
      .init(key: "changed", value: ids(outcome.changed)),
    ])
    return SafeText.json(JSONWriter.string(.object(object)))
  }

  /// The `--check` headline (the findings themselves go through `DiagnosticRenderer`).
  package func checkSummary() -> String {
    let snapshot = SafeText.terminal(outcome.snapshot)
    if outcome.findings.isEmpty {
      return "the live catalogue holds no change that affects the presets (compared with \(snapshot))\n"
    }
    return
      "\(outcome.findings.count) change(s) in the live catalogue affect the presets (compared with \(snapshot)); "
      + "run `presetctl catalogue pull` and fix the presets\n"
  }
}
