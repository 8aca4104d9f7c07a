import PresetCore
import PresetReconcile

/// The summary of an apply: applied, unchanged, failed (with reasons) and stale presets.
package struct ApplyReport: Sendable {
  /// Every preset's outcome, sorted by slug.
  package var outcomes: [Applier.Outcome]
  /// The `--target` the apply was limited to; nil for a whole run.
  package var target: PresetTarget?

  /// Creates a report.
  package init(outcomes: [Applier.Outcome], target: PresetTarget? = nil) {
    self.outcomes = outcomes.sorted { $0.slug.precedesInCodeUnits($1.slug) }
    self.target = target
  }

  /// Presets that failed or were refused as stale.
  package var failed: [Applier.Outcome] { outcomes.filter { $0.status == .failed || $0.status == .stale } }

  private func count(_ status: Applier.Outcome.Status) -> Int { outcomes.filter { $0.status == status }.count }

  /// One-line summary; a targeted run says so, patterns as typed.
  package var summary: String {
    "apply: \(count(.applied)) applied, \(count(.unchanged)) unchanged, \(count(.failed)) failed, \(count(.stale)) stale"
      + (target.map { " (\($0.label))" } ?? "")
  }

  /// Text for a terminal.
  package func text(style: Style) -> String {
    var out = ""
    for o in outcomes where o.status != .unchanged {
      let slug = SafeText.terminal(o.slug)
      let message = SafeText.terminal(o.message ?? "")
      switch o.status {
      case .applied:
        out +=
          style.added("✓ \(o.action.rawValue)d") + " \(slug)" + (o.versionNumber.map { " (live v\($0))" } ?? "")
          + "\n"
      case .failed: out += style.error("✗ failed") + " \(slug): \(message)\n"
      case .stale: out += style.error("✗ stale") + " \(slug): \(message)\n"
      case .unchanged: break
      }
      for change in o.mismatch {
        out +=
          "    "
          + SafeText.terminal(
            "\(change.path.dotted): sent \(JSONDiff.brief(change.old)), stored \(JSONDiff.brief(change.new))") + "\n"
      }
    }
    return out + style.bold(SafeText.terminal(summary)) + "\n"
  }

  /// Markdown for a job summary.
  package func markdown() -> String {
    var out = "### presetctl apply\n\n\(SafeText.markdownMessage(summary))\n\n"
    let shown = outcomes.filter { $0.status != .unchanged }
    if !shown.isEmpty {
      out += "| preset | result | detail |\n|---|---|---|\n"
      for o in shown {
        let detail = SafeText.markdownMessage(o.message ?? o.versionNumber.map { "live v\($0)" } ?? "", inTable: true)
        out += "| \(SafeText.markdownCode(o.slug, inTable: true)) | \(o.status.rawValue) | \(detail) |\n"
      }
    }
    return out
  }

  /// JSON for programs.
  package func json() -> String {
    let items: [JSONValue] = outcomes.map { o in
      .object(
        JSONObject([
          .init(key: "slug", value: .string(o.slug)), .init(key: "action", value: .string(o.action.rawValue)),
          .init(key: "status", value: .string(o.status.rawValue)),
          .init(key: "message", value: o.message.map(JSONValue.string) ?? .null),
          .init(key: "live_version_number", value: o.versionNumber.map { .number(Double($0)) } ?? .null),
          .init(key: "mismatch", value: .array(o.mismatch.map { .string($0.path.description) })),
        ]))
    }
    return SafeText.json(
      JSONWriter.string(
        .object(
          JSONObject([
            .init(key: "summary", value: .string(summary)), .init(key: "results", value: .array(items)),
            .init(key: "target", value: target?.json ?? .null),
          ]))))
  }
}
