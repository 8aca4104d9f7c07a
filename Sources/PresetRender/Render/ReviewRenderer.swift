import PresetCore
import PresetModel
import PresetReconcile
import PresetSchema

/// Renders a `Review` for `presetctl diff`: text, JSON, Markdown (a pull-request comment) or GitHub annotations.
package struct ReviewRenderer: Sendable, FourFormatRenderer {
  /// The comparison.
  package var review: Review
  /// Unchanged lines around each prompt change.
  package var context: Int
  /// One review per environment of `presetctl.yaml` (`review` then holds the default presets); empty when no
  /// environments are declared, and the report looks as it always did.
  package var environments: [Review]

  /// Creates a renderer.
  package init(review: Review, context: Int = 3, environments: [Review] = []) {
    self.review = review
    self.context = context
    self.environments = environments
  }

  /// The default presets' review, then every environment's.
  package var scopes: [Review] { [review] + environments }

  /// True when any preset differs, in the default presets or in any environment.
  package var hasChanges: Bool { scopes.contains { $0.hasChanges } }

  /// How a report names a scope: `default presets` or `environment staging`.
  static func scopeName(_ review: Review) -> String {
    review.environment.map { "environment \($0)" } ?? "default presets"
  }

  /// The note shown for a removed preset: the API has no delete.
  package static let removalNote =
    "the live preset stays (the API cannot delete presets); archive it by hand in OpenRouter if it is no longer wanted"

  /// `path: old → new`, `path: added new` or `path: removed (was old)`.
  package static func describe(_ change: JSONDiff.Change) -> String {
    let path = change.path.dotted.isEmpty ? "(config)" : change.path.dotted
    switch (change.old, change.new) {
    case (nil, let new): return "\(path): added \(JSONDiff.brief(new))"
    case (let old, nil): return "\(path): removed (was \(JSONDiff.brief(old)))"
    case (let old, let new): return ChangeLine.arrow(path, old, new)
    }
  }

  /// `file:line`.
  static func place(_ origin: Preset.Origin) -> String { "\(origin.file):\(origin.line)" }

  /// The note for a rename: the old slug stays live.
  static func renameNote(_ entry: Review.Entry) -> String {
    "content identical; apply creates `\(entry.slug)` and the live preset `\(entry.oldSlug)` stays (the API cannot "
      + "delete or rename presets): archive it by hand in OpenRouter"
  }

  /// Text for a terminal. With environments, one section per scope (default presets first).
  package func text(style: Style) -> String {
    // Labels, slugs, file names, values and prompts are repository text: every line shows it neutralised.
    let t = SafeText.terminal
    var out = style.bold("presetctl diff: \(t(review.baseLabel)) → \(t(review.headLabel))") + "\n"
    guard !environments.isEmpty else {
      for note in review.notes { out += style.info("note:") + " \(t(note))\n" }
      guard review.hasChanges else {
        return out + "no preset changes (\(review.unchangedCount) unchanged)\n" + textSuppressions(style: style)
      }
      return out + t(review.summary) + "\n" + textEntries(review, style: style) + textSuppressions(style: style)
    }
    for scope in scopes {
      out += "\n" + style.bold(Self.scopeName(scope)) + ": "
      out += (scope.hasChanges ? scope.summary : "no preset changes (\(scope.unchangedCount) unchanged)") + "\n"
      for note in scope.notes { out += style.info("note:") + " \(note)\n" }
      out += textEntries(scope, style: style)
    }
    return out + textSuppressions(style: style)
  }

  /// The text blocks of one review's entries.
  func textEntries(_ review: Review, style: Style) -> String {
    let t = SafeText.terminal
    var out = ""
    for entry in review.entries {
      out += "\n"
      let slug = style.bold(t(entry.slug))
      switch entry.status {
      case .added:
        if let new = entry.new {
          out += style.added("+ added") + " \(slug) \(new.version.short)  \(t(Self.place(new.source)))\n"
        }
      case .removed:
        if let old = entry.old {
          out +=
            style.removed("- removed") + " \(slug) (was \(old.version.short))  \(t(Self.place(old.source))) at base\n"
          out += "    " + style.dim(Self.removalNote) + "\n"
        }
      case .renamed:
        if let new = entry.new {
          out +=
            style.info("> renamed")
            + " \(t(entry.oldSlug)) → \(slug) \(new.version.short)  \(t(Self.place(new.source)))\n"
          out += "    " + style.dim(t(Self.renameNote(entry))) + "\n"
        }
      case .changed:
        guard let old = entry.old, let new = entry.new else { continue }
        out +=
          style.warning("~ changed")
          + " \(slug) \(old.version.short) → \(new.version.short)  \(t(Self.place(new.source)))\n"
        for risk in entry.risks {
          out += "    " + style.warning("⚠ \(t(risk.title)):") + " \(t(risk.detail))\n"
        }
        for (i, change) in entry.configChanges.enumerated() {
          let line = entry.changeLines.indices.contains(i) ? entry.changeLines[i] : nil
          let file = entry.changeFiles.indices.contains(i) ? entry.changeFiles[i] : nil
          let place = line.map { line in file.map { "\($0):\(line)" } ?? "line \(line)" }
          out +=
            "    \(SafeText.terminal(Self.describe(change)))"
            + (place.map { style.dim("  (\(SafeText.terminal($0)))") } ?? "") + "\n"
        }
        let diff = DiffText.terminal(entry.promptDiff(context: context), style: style)
        if !diff.isEmpty, let origin = entry.promptOrigin {
          out += "    system prompt (\(t(Self.place(origin)))):\n"
          for line in diff.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            out += "      \(line)\n"
          }
        }
      }
    }
    return out
  }
}
