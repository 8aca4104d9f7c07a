import PresetCore
import PresetReconcile

/// Renders plans (and drift reports, which are plans read the other way) as text, Markdown or JSON.
package struct PlanRenderer: Sendable {
  /// Which story the plan tells.
  package enum Mode: Sendable {
    /// `plan`: what apply would do.
    case plan
    /// `drift`: how live differs from the repository.
    case drift(includeUnmanaged: Bool)
  }

  /// The plan.
  package var plan: PresetPlan
  /// Plan or drift wording.
  package var mode: Mode

  /// Creates a renderer.
  package init(plan: PresetPlan, mode: Mode = .plan) {
    self.plan = plan
    self.mode = mode
  }

  private var isDrift: Bool {
    if case .drift = mode { return true }
    return false
  }

  private func label(_ action: PresetPlan.Action) -> String {
    switch (action, isDrift) {
    case (.create, false): "create"
    case (.update, false): "update"
    case (.unchanged, false): "unchanged"
    case (.create, true): "missing"
    case (.update, true): "drifted"
    case (.unchanged, true): "in sync"
    }
  }

  /// The one-line summary; a targeted run says so (`(targeted: alpha, support-*)`), patterns as typed.
  package var summary: String {
    let scope = plan.target.map { " (\($0.label))" } ?? ""
    if isDrift {
      let drifted = plan.count(.update)
      let missing = plan.count(.create)
      let state = drifted + missing == 0 ? "in sync" : "drift detected"
      return
        "\(state): \(drifted) drifted, \(missing) missing, \(plan.count(.unchanged)) in sync, \(plan.unmanaged.count) unmanaged"
        + scope
    }
    return
      "plan: \(plan.count(.create)) to create, \(plan.count(.update)) to update, \(plan.count(.unchanged)) unchanged, \(plan.unmanaged.count) unmanaged"
      + scope
  }

  /// ` (live v3, updated …, by …)`, from server text: callers neutralise it for their format.
  private func liveInfo(_ entry: PresetPlan.Entry) -> String {
    guard let live = entry.live else { return "" }
    var parts: [String] = []
    if let number = live.designatedVersion?.version { parts.append("live v\(number)") }
    if let updated = live.designatedVersion?.updatedAt ?? live.updatedAt { parts.append("updated \(updated)") }
    if let creator = live.designatedVersion?.creatorId { parts.append("by \(creator)") }
    return parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"
  }

  /// Text for a terminal.
  package func text(style: Style) -> String {
    var out = style.bold(SafeText.terminal(summary)) + "\n"
    if plan.entries.contains(where: { $0.action != .unchanged }) || !plan.unmanaged.isEmpty { out += "\n" }
    for entry in plan.entries where entry.action != .unchanged {
      let slug = style.bold(SafeText.terminal(entry.desired.slug))
      switch entry.action {
      case .create:
        out += style.added("+ \(label(.create))") + " \(slug) → \(entry.desired.version.short)\n"
        out += createText(entry.desired, style: style)
      case .update:
        out +=
          style.warning("~ \(label(.update))")
          + " \(slug) \(entry.liveVersion?.short ?? "none") → \(entry.desired.version.short)\(SafeText.terminal(liveInfo(entry)))\n"
        for change in entry.configChanges { out += ChangeLine.terminal(change) }
        let diff = DiffText.terminal(entry.promptDiff(), style: style)
        if !diff.isEmpty {
          out +=
            "    system_prompt:\n"
            + diff.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { "      " + $0 }.joined(
              separator: "\n") + "\n"
        }
      case .unchanged: break
      }
    }
    for preset in plan.unmanaged {
      out +=
        style.dim("? unmanaged \(SafeText.terminal(preset.slug))")
        + " (live only; presetctl never deletes — archive it by hand if unwanted)\n"
    }
    return out
  }

  /// Markdown for a PR comment or job summary.
  package func markdown() -> String {
    var out = "### presetctl \(isDrift ? "drift" : "plan")\n\n\(SafeText.markdownMessage(summary))\n\n"
    let visible = plan.entries.filter { $0.action != .unchanged }
    if !visible.isEmpty {
      out += "| preset | \(isDrift ? "state" : "action") | live | desired |\n|---|---|---|---|\n"
      for entry in visible {
        let live = entry.liveVersion.map { SafeText.markdownCode($0.short, inTable: true) } ?? "—"
        out +=
          "| \(SafeText.markdownCode(entry.desired.slug, inTable: true)) | \(label(entry.action)) | \(live) | "
          + "\(SafeText.markdownCode(entry.desired.version.short, inTable: true)) |\n"
      }
      out += "\n"
      for entry in visible where entry.action == .create { out += createMarkdown(entry.desired) }
      for entry in visible where entry.action == .update {
        out +=
          "<details><summary><code>\(SafeText.markdownHTML(entry.desired.slug))</code>"
          + "\(SafeText.markdownHTML(liveInfo(entry)))</summary>\n\n"
        for change in entry.configChanges {
          out +=
            "- \(SafeText.markdownCode(change.path.dotted)): \(SafeText.markdownCode(JSONDiff.brief(change.old))) → "
            + "\(SafeText.markdownCode(JSONDiff.brief(change.new)))\n"
        }
        let diff = entry.promptDiff()
        if !diff.isEmpty { out += "\n" + SafeText.markdownFence(diff, info: "diff") }
        out += "\n</details>\n\n"
      }
    }
    if !plan.unmanaged.isEmpty {
      out +=
        "Unmanaged (live only, never touched): "
        + plan.unmanaged.map { SafeText.markdownCode($0.slug) }.joined(separator: ", ") + "\n"
    }
    return out
  }

  /// JSON for programs.
  package func json() -> String {
    let entries: [JSONValue] = plan.entries.map { entry in
      var object = JSONObject()
      object["slug"] = .string(entry.desired.slug)
      object["action"] = .string(isDrift ? label(entry.action).replacingSpaces() : entry.action.rawValue)
      object["desired_version"] = .string(entry.desired.version.rawValue)
      object["live_version"] = entry.liveVersion.map { .string($0.rawValue) } ?? .null
      object["live_version_number"] = entry.live?.designatedVersion.map { .number(Double($0.version)) } ?? .null
      object["live_updated_at"] =
        (entry.live?.designatedVersion?.updatedAt ?? entry.live?.updatedAt).map(JSONValue.string) ?? .null
      if entry.action == .update {
        object["config_changes"] = .array(
          entry.configChanges.map { change in
            .object(
              JSONObject([
                .init(key: "path", value: .string(change.path.description)),
                .init(key: "kind", value: .string(change.kind)),
                .init(key: "old", value: change.old ?? .null), .init(key: "new", value: change.new ?? .null),
              ]))
          })
        let diff = entry.promptDiffOutput()
        object["system_prompt_diff"] = diff.text.isEmpty ? .null : .string(diff.text)
        if let replaced = diff.replaced { object["system_prompt_replaced"] = replaced.json }
      }
      return .object(object)
    }
    let unmanaged: [JSONValue] = plan.unmanaged.map { p in
      .object(
        JSONObject([
          .init(key: "slug", value: .string(p.slug)),
          .init(key: "updated_at", value: p.updatedAt.map(JSONValue.string) ?? .null),
        ]))
    }
    return SafeText.json(
      JSONWriter.string(
        .object(
          JSONObject([
            .init(key: "summary", value: .string(summary)), .init(key: "has_changes", value: .bool(plan.hasChanges)),
            .init(key: "entries", value: .array(entries)), .init(key: "unmanaged", value: .array(unmanaged)),
            .init(key: "target", value: plan.target?.json ?? .null),
          ]))))
  }
}

extension String {
  fileprivate func replacingSpaces() -> String { split(separator: " ").joined(separator: "-") }
}
