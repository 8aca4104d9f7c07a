import Foundation
import OpenRouterFake
import Testing

@testable import PresetCompiler
@testable import PresetCore
@testable import PresetKit
@testable import PresetModel
@testable import PresetPolicy

/// The example `presets/` carries a snapshot made from the fake's sample, and validates clean against it.
@Suite struct ExampleCatalogueTests {
  static let presets = Shared.packageRoot.appendingPathComponent("presets")

  @Test func exampleSnapshotIsTheSampleAndTheExamplesValidateClean() throws {
    let bytes = try FileReader.read(
      Self.presets.appendingPathComponent(CatalogueSnapshot.fileName).path, limit: CatalogueSnapshot.maxFileBytes)
    let committed = try CatalogueSnapshot.read(bytes)
    #expect(Set(committed.models.map(\.id)) == Set(FakeCatalogueSample.models().compactMap { $0["id"]?.stringValue }))
    var options = Compiler.Options()
    options.requirePresets = true
    let layout = RepositoryLayout(containing: Self.presets.path)
    let result = Compiler(options: options).compileAllEnvironments(paths: [Self.presets.path], layout: layout) { _ in
    }.result
    let catalogue = result.diagnostics.filter { $0.code.hasPrefix("catalogue.") }
    #expect(catalogue.isEmpty, "\(catalogue.map(\.message))")
  }
}
