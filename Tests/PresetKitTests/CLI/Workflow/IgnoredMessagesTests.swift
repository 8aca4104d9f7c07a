import Testing

@testable import PresetCore
@testable import PresetKit

/// `lint.ignored_messages`: one summary note by default, per-preset warnings or errors when configured.
@Suite struct IgnoredMessagesTests {
  static func files(_ setting: String?) -> [String: String] {
    var files: [String: String] = [:]
    for i in 0..<5 {
      files["presets/p\(i).yaml"] = """
        slug: p\(i)
        skin: chat
        request:
          model: m
          messages: [{role: system, content: s}, {role: user, content: hi}]

        """
    }
    if let setting { files["presets/presetctl.yaml"] = "lint:\n  ignored_messages: \(setting)\n" }
    return files
  }

  @Test func defaultIsOneSummaryNote() throws {
    for setting in [nil, "summary", "true"] {
      let repo = try TempRepo(Self.files(setting))
      defer { repo.remove() }
      let result = repo.compile()
      #expect(!result.hasErrors, "\(result.diagnostics)")
      #expect(result.diagnostics.count == 1, "\(setting ?? "default"): \(result.diagnostics)")
      #expect(result.diagnostics.first?.severity == .note)
      #expect(result.diagnostics.first?.message.hasPrefix("5 preset(s)") == true)
    }
  }

  @Test func configurablePerPreset() throws {
    let cases: [(String, Diagnostic.Severity?)] = [("warning", .warning), ("error", .error), ("ignore", nil)]
    for (setting, severity) in cases {
      let repo = try TempRepo(Self.files(setting))
      defer { repo.remove() }
      let result = repo.compile()
      let found = result.diagnostics.filter { $0.code == "compile.ignored-messages" }
      #expect(found.count == (severity == nil ? 0 : 5), "\(setting): \(result.diagnostics)")
      #expect(found.allSatisfy { $0.severity == severity })
      #expect(found.allSatisfy { $0.location?.file.hasPrefix("presets/p") == true })
    }
  }

  @Test func badSettingIsAConfigError() throws {
    let repo = try TempRepo(Self.files("loud"))
    defer { repo.remove() }
    #expect(repo.compile().diagnostics.contains { $0.code == "config.policy" })
  }
}
