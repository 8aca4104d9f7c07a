import Foundation
import PresetCompiler
import PresetCore
import PresetModel
import PresetPolicy

/// `presetctl catalogue pull [--check]`: fetch the live catalogue, then write the snapshot, or compare it with
/// the snapshot as far as this repository's presets are concerned.
package enum CataloguePull {
  /// Finding codes `--check` reports: a used model gone or expiring, a used parameter no longer supported.
  package static let checkedCodes: Set<String> = [
    "catalogue.unknown-model", "catalogue.expired", "catalogue.expiring", "catalogue.unsupported-parameter",
  ]

  /// What a pull found and did.
  package struct Outcome: Sendable {
    /// The snapshot, relative to the repository root.
    package var snapshot: String
    /// The live catalogue.
    package var live: Catalogue
    /// Ids added, removed and changed compared with the previous snapshot (everything is added without one).
    package var added: [String] = []
    /// Ids the live catalogue no longer lists.
    package var removed: [String] = []
    /// Ids whose kept fields changed.
    package var changed: [String] = []
    /// True when the snapshot file was (re)written; false for `--check` and for an unchanged catalogue.
    package var wrote = false
    /// `--check`: findings against the live catalogue that the snapshot does not have, sorted for report.
    package var findings: [Diagnostic] = []
  }

  /// Why a pull stopped; the snapshot is untouched in every case.
  package enum Failure: Error, Sendable {
    /// The repository's configuration, snapshot or presets have errors (diagnostics to show).
    case input([Diagnostic])
    /// The catalogue could not be fetched.
    case remote(RemoteError)
    /// The snapshot could not be written.
    case write(AtomicFile.WriteError)
  }

  /// Runs a pull for the repository at `path`; `now` judges expiry (nil: the current time).
  package static func run(
    path: String, client: OpenRouterClient, check: Bool, now: Date? = nil
  ) async -> Result<Outcome, Failure> {
    let layout = RepositoryLayout(containing: path)
    let (config, configDiagnostics) = RepositoryConfig.load(path: path, layout: layout)
    if configDiagnostics.contains(where: { $0.severity == .error }) { return .failure(.input(configDiagnostics)) }
    let (place, placeDiagnostics) = CatalogueSnapshot.place(for: path, layout: layout, config: config)
    guard case .file(let file, let relative)? = place else {
      return .failure(
        .input(
          placeDiagnostics.isEmpty
            ? [
              .error(
                "catalogue.off", "the model catalogue is turned off (`catalogue: off` in \(RepositoryConfig.fileName))")
            ]
            : placeDiagnostics))
    }
    let loaded = CatalogueSnapshot.load(for: path, layout: layout, config: config)
    // A broken snapshot stops `--check` (there is nothing to compare with) but not a pull, which replaces it.
    if check, loaded.diagnostics.contains(where: { $0.severity == .error }) {
      return .failure(.input(loaded.diagnostics))
    }
    let live: Catalogue
    do throws(RemoteError) {
      live = try await client.fetchCatalogue()
    } catch {
      return .failure(.remote(error))
    }
    var outcome = Outcome(snapshot: relative, live: live)
    (outcome.added, outcome.removed, outcome.changed) = changes(from: loaded.catalogue, to: live)
    if check {
      switch findings(path: path, layout: layout, snapshot: loaded.catalogue, live: live, now: now) {
      case .success(let found): outcome.findings = found
      case .failure(let failure): return .failure(failure)
      }
      return .success(outcome)
    }
    let bytes = CatalogueSnapshot.bytes(live)
    if (try? FileReader.read(file, limit: CatalogueSnapshot.maxFileBytes)) == bytes { return .success(outcome) }
    do throws(AtomicFile.WriteError) {
      try AtomicFile.write(bytes, to: try OutputTarget.resolve(file))
    } catch {
      return .failure(.write(error))
    }
    outcome.wrote = true
    return .success(outcome)
  }

  /// Model ids added, removed and changed between two catalogues, each sorted.
  static func changes(from old: Catalogue?, to new: Catalogue) -> (
    added: [String], removed: [String], changed: [String]
  ) {
    var before: [String: Catalogue.Model] = [:]
    for model in old?.models ?? [] { before[model.id] = model }
    var added: [String] = []
    var changed: [String] = []
    var remaining = before
    for model in new.models {
      if let previous = remaining.removeValue(forKey: model.id) {
        if previous != model { changed.append(model.id) }
      } else {
        added.append(model.id)
      }
    }
    let removed = remaining.keys.sorted { $0.precedesInCodeUnits($1) }
    return (added, removed, changed)
  }

  /// The catalogue findings the live catalogue gives this repository's presets (every environment) that the
  /// snapshot does not: the two compilations differ only in the catalogue they check against.
  static func findings(
    path: String, layout: RepositoryLayout, snapshot: Catalogue?, live: Catalogue, now: Date?
  ) -> Result<[Diagnostic], Failure> {
    func compile(_ catalogue: Catalogue?) -> CompileResult {
      var options = Compiler.Options()
      options.catalogue = .given(catalogue)
      options.now = now
      return Compiler(options: options).compileAllEnvironments(paths: [path], layout: layout) { _ in () }.result
    }
    let before = compile(snapshot)
    let broken = before.diagnostics.filter { $0.severity == .error && !$0.code.hasPrefix("catalogue.") }
    if !broken.isEmpty { return .failure(.input(broken)) }
    struct Key: Hashable {
      var code: String
      var location: SourceLocation?
      var message: String
      var environment: String?
    }
    func key(_ d: Diagnostic) -> Key {
      Key(code: d.code, location: d.location, message: d.message, environment: d.environment)
    }
    let known = Set(before.diagnostics.filter { checkedCodes.contains($0.code) }.map(key))
    let after = compile(live).diagnostics.filter { checkedCodes.contains($0.code) && !known.contains(key($0)) }
    return .success(Diagnostic.sortedForReport(after))
  }
}
