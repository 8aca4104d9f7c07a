import PresetCore
import PresetPolicy

extension Compiler {
  /// The codes `lint.ignored_messages` governs: request parts a preset does not store.
  static let ignoredMessageCodes: Set<String> = ["compile.ignored-messages", "compile.ignored-input"]

  /// Applies `lint.ignored_messages` to a run's diagnostics: by default the per-preset warnings become one
  /// summary note; `warning` keeps them, `error` raises them, `ignore` drops them.
  static func applyIgnoredMessages(
    _ diagnostics: [Diagnostic], setting: LintSettings.IgnoredMessages
  ) -> [Diagnostic] {
    switch setting {
    case .warning:
      return diagnostics
    case .error:
      return diagnostics.map { d in
        guard ignoredMessageCodes.contains(d.code) else { return d }
        var raised = d
        raised.severity = .error
        return raised
      }
    case .ignore:
      return diagnostics.filter { !ignoredMessageCodes.contains($0.code) }
    case .summary:
      let kept = diagnostics.filter { !ignoredMessageCodes.contains($0.code) }
      let count = diagnostics.count - kept.count
      guard count > 0 else { return diagnostics }
      return kept + [
        Diagnostic(
          severity: .note, code: "compile.ignored-messages",
          message:
            "\(count) preset(s) carry chat turns or input that a preset does not store (they are not pushed)",
          hint: "set `lint: {ignored_messages: warning}` in presetctl.yaml to list them")
      ]
    }
  }
}
