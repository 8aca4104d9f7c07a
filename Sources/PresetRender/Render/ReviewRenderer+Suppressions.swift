import PresetCore
import PresetReconcile

extension ReviewRenderer {
  /// Suppression changes listed in Markdown before "and N more".
  static let suppressionListLimit = 20

  /// One suppression change in words: `lint.placeholder suppressed: "reason"`, `… no longer suppressed (was
  /// "reason")`, `… reason "old" → "new"`.
  static func describe(_ change: Review.SuppressionChange) -> String {
    switch (change.oldReason, change.newReason) {
    case (nil, let new?): "\(change.code) suppressed: \(JSONDiff.brief(.string(new)))"
    case (let old?, nil): "\(change.code) no longer suppressed (was \(JSONDiff.brief(.string(old))))"
    case (let old, let new):
      "\(change.code) suppression reason \(JSONDiff.brief(.string(old ?? ""))) → \(JSONDiff.brief(.string(new ?? "")))"
    }
  }

  /// The text section after the entries; empty without changes. Suppressions do not depend on the environment,
  /// so only the default presets' review is shown.
  func textSuppressions(style: Style) -> String {
    guard !review.suppressionChanges.isEmpty else { return "" }
    var out = "\n" + style.bold("lint suppressions changed") + " (they are not part of any version):\n"
    for change in review.suppressionChanges {
      out +=
        "  \(style.bold(SafeText.terminal(change.slug))): \(SafeText.terminal(Self.describe(change)))"
        + style.dim("  (\(SafeText.terminal(Self.place(change.origin))))") + "\n"
    }
    return out
  }

  /// A `> [!IMPORTANT]` block listing the changes (at most `suppressionListLimit`); empty without changes.
  func markdownSuppressions() -> String {
    let changes = review.suppressionChanges
    guard !changes.isEmpty else { return "" }
    var out =
      "> [!IMPORTANT]\n> **\(changes.count) lint suppression change\(changes.count == 1 ? "" : "s")** "
      + "(not part of any version): review the reasons.\n"
    for change in changes.prefix(Self.suppressionListLimit) {
      out +=
        "> - \(Self.code(change.slug)): \(SafeText.markdownText(Self.describe(change))) "
        + "(\(Self.code(Self.place(change.origin))))\n"
    }
    if changes.count > Self.suppressionListLimit {
      out += "> - … and \(changes.count - Self.suppressionListLimit) more\n"
    }
    return out + "\n"
  }

  /// One `::notice` per change, on the line that writes it in head.
  func suppressionAnnotations() -> [Annotation] {
    review.suppressionChanges.map { change in
      Annotation(
        command: "notice", origin: change.origin, title: "lint suppression \(change.kind): \(change.slug)",
        message: Self.describe(change))
    }
  }

  /// `[{slug, code, kind, old_reason, new_reason, file, line}]`.
  func jsonSuppressions() -> JSONValue {
    .array(
      review.suppressionChanges.map { change in
        .object(
          JSONObject([
            .init(key: "slug", value: .string(change.slug)), .init(key: "code", value: .string(change.code)),
            .init(key: "kind", value: .string(change.kind)),
            .init(key: "old_reason", value: change.oldReason.map(JSONValue.string) ?? .null),
            .init(key: "new_reason", value: change.newReason.map(JSONValue.string) ?? .null),
            .init(key: "file", value: .string(change.origin.file)),
            .init(key: "line", value: .number(Double(change.origin.line))),
          ]))
      })
  }
}
