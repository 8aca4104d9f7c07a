import Foundation
import Testing

@testable import PresetCompiler
@testable import PresetCore
@testable import PresetKit

/// `../shared/fixtures/versions`: versions computed by an independent implementation of the same rules.
@Suite struct VersionFixtureTests {
  @Test(.enabled(if: Shared.isAvailable, Shared.skipReason))
  func everyPresetGetsTheExpectedVersion() throws {
    let base = Shared.url("fixtures/versions")
    let expected = try JSONParser.parse(Array(Data(contentsOf: base.appendingPathComponent("expected.json"))))
    let expectedModels = try JSONParser.parse(
      Array(Data(contentsOf: base.appendingPathComponent("expected-models.json"))))
    let result = Compiler().compile(path: base.appendingPathComponent("presets").path)
    #expect(!result.hasErrors, "\(result.diagnostics.filter { $0.severity == .error })")
    let expectedObject = try #require(expected.objectValue)
    #expect(result.presets.count == expectedObject.count)
    for member in expectedObject.members {
      guard let preset = result.presets.first(where: { $0.slug == member.key }) else {
        Issue.record("missing preset \(member.key)")
        continue
      }
      #expect(preset.version.rawValue == member.value.stringValue, "\(member.key)")
      if let model = expectedModels[member.key] {
        #expect(preset.model.json == model, "\(member.key): \(JSONWriter.canonicalString(preset.model.json))")
      }
    }
  }
}
