import Foundation
import PresetCore
import PresetModel
import PresetPolicy
import PresetSchema

/// Turns a repository of preset YAML into compiled presets and diagnostics: the main job behind
/// `validate`, `build` and every command that needs the desired state.
package struct Compiler: Sendable {
  /// Limits and switches for one compilation.
  package struct Options: Sendable {
    /// Limits for each YAML file.
    package var yamlLimits = YAMLLoader.Limits()
    /// Largest prompt file accepted, in bytes.
    package var maxPromptFileBytes = ByteLimits.sourceFile
    /// Files compiled concurrently (files are independent; output order does not depend on it).
    package var parallelism = ProcessInfo.processInfo.activeProcessorCount
    /// The environment from `presetctl.yaml` to compile for (its slugs and request overrides); nil for the one
    /// marked `default: true`, or none when no environment is.
    package var environment: String?
    /// Keep each preset's merged request with its source map (`Preset.request`), for `explain`. Off by default:
    /// it costs memory on large repositories and nothing else needs it after compilation.
    package var retainRequest = false
    /// Every PATH must hold a preset file and the compilation at least one preset, else `input.no-presets`:
    /// a mistyped or empty PATH in CI must not pass as "0 presets, all valid". The commands set it unless
    /// `--allow-empty` is given; off for library callers that compile trees which may legitimately be empty.
    package var requirePresets = false
    /// The model catalogue the catalogue checks use: the repository's snapshot (`CatalogueSnapshot.load`), or
    /// a given one (`catalogue pull --check` compiles once against the live catalogue).
    package var catalogue: CatalogueSource = .snapshot
    /// The moment catalogue expiry dates are judged at; nil for the current time.
    package var now: Date?

    /// Default options.
    package init() {}
  }

  /// The options in effect.
  package var options: Options
  /// The compiled skin schemas, shared by every file.
  package var validators: SkinValidators

  /// Creates a compiler with the embedded skin schemas.
  package init(options: Options = Options()) {
    self.options = options
    self.validators = SkinValidators.embedded
  }

  /// Compiles every preset file under `path` (a folder or a file).
  package func compile(path: String) -> CompileResult {
    compile(paths: [path])
  }

  /// Compiles every preset file under several paths of one repository (the root is found from the first).
  package func compile(paths: [String]) -> CompileResult {
    compile(paths: paths, layout: RepositoryLayout(containing: paths.first ?? "."))
  }

  /// Compiles preset files under several paths with an explicit repository root.
  package func compile(paths: [String], layout: RepositoryLayout) -> CompileResult {
    var (result, compiled) = compile(paths: paths, layout: layout) { $0 }
    result.presets = compiled
    return result
  }

  /// Compiles and turns each preset into `T` on the worker thread that compiled it, so the full `Preset` need
  /// not be kept (a build keeps only each preset's serialised bundle entry). Values come back sorted by slug;
  /// `CompileResult.presets` stays empty.
  package func compile<T: Sendable>(
    paths: [String], layout: RepositoryLayout, transform: @escaping @Sendable (Preset) -> T
  ) -> (result: CompileResult, values: [T]) {
    let (result, environments) = run(paths: paths, layout: layout, allEnvironments: false, transform: transform)
    return (result, environments.first?.values ?? [])
  }

  /// Compiles the presets for every environment of `presetctl.yaml` in one pass: each file is read and parsed
  /// once, then each environment's overrides are merged over the parsed request and the result is validated,
  /// normalised, checked against policy and linted per environment. When no environment is marked
  /// `default: true`, the presets without an environment come first (name nil). `options.environment` is
  /// ignored.
  ///
  /// The diagnostics in `result` are merged across environments and presets: one finding per (code, location,
  /// message), with `environment` naming the environments it occurs in (nil when it occurs in all of them) and,
  /// when it was written once for several presets (a `_defaults.yaml`, `presetctl.yaml`), the affected presets
  /// appended to the message. `result.presets` stays empty; `result.environment` is nil.
  package func compileAllEnvironments<T: Sendable>(
    paths: [String], layout: RepositoryLayout, transform: @escaping @Sendable (Preset) -> T
  ) -> (result: CompileResult, environments: [CompiledEnvironment<T>]) {
    run(paths: paths, layout: layout, allEnvironments: true, transform: transform)
  }

  /// `compileAllEnvironments(paths:layout:transform:)` keeping the compiled presets.
  package func compileAllEnvironments(paths: [String], layout: RepositoryLayout) -> (
    result: CompileResult, environments: [CompiledEnvironment<Preset>]
  ) {
    compileAllEnvironments(paths: paths, layout: layout) { $0 }
  }

  /// What every file of one compilation shares.
  struct FileContext: Sendable {
    var layout: RepositoryLayout
    var defaults: [CodeUnitKey: FolderDefaults]
    /// The environments compiled, one pass each over every parsed preset (nil: no environment).
    var variants: [RepositoryConfig.Environment?]
    var policy: PolicyConfig
    var retainRequest: Bool

    /// The defaults in effect for a preset file.
    func defaults(for file: RepositoryLayout.PresetFile) -> FolderDefaults {
      defaults[CodeUnitKey(RepositoryLayout.folder(of: file.relativePath))] ?? .empty
    }
  }

  /// The preset files under `paths` (each once) and the problems met listing them.
  private static func list(
    _ paths: [String], layout: RepositoryLayout, requirePresets: Bool
  ) -> (files: [RepositoryLayout.PresetFile], diagnostics: [Diagnostic]) {
    var files: [RepositoryLayout.PresetFile] = []
    var seenFiles: Set<CodeUnitKey> = []
    var diagnostics: [Diagnostic] = []
    for path in paths {
      do {
        let listing = try layout.listing(under: path)
        if paths.count == 1 {
          files = listing.files
        } else {
          // Root-relative paths name files uniquely (absolute outside the root), so they serve as the key; by
          // code units, as the file system tells names apart (`String` equality would merge NFC and NFD).
          for file in listing.files where seenFiles.insert(CodeUnitKey(file.relativePath)).inserted {
            files.append(file)
          }
        }
        diagnostics += listing.miscased.map(Self.miscasedWarning)
        if listing.files.isEmpty && requirePresets {
          diagnostics.append(Self.noPresetFiles(path, miscased: listing.miscased.count))
        }
      } catch {
        diagnostics.append(contentsOf: error.diagnostics)
      }
    }
    return (files, diagnostics)
  }

  /// presetctl.yaml, its policy and lint settings, and the catalogue they check against.
  private struct Setup: Sendable {
    var config: RepositoryConfig
    var configDiagnostics: [Diagnostic]
    var policy: PolicyConfig
    var policyDiagnostics: [Diagnostic]
    var catalogueDiagnostics: [Diagnostic] = []
    var catalogueNote: Diagnostic?
  }

  /// Loads presetctl.yaml and the catalogue. A malformed policy rule or lint setting is left out and reported;
  /// it does not stop the run, so one typo in presetctl.yaml does not hide the schema errors, policy findings
  /// and lints of every preset.
  private func setup(_ paths: [String], layout: RepositoryLayout) -> Setup {
    let (config, configDiagnostics) = RepositoryConfig.load(path: paths.first ?? ".", layout: layout)
    let (policy, policyDiagnostics) = PolicyConfig.parse(config)
    var setup = Setup(
      config: config, configDiagnostics: configDiagnostics, policy: policy, policyDiagnostics: policyDiagnostics)
    switch options.catalogue {
    case .snapshot:
      let loaded = CatalogueSnapshot.load(for: paths.first ?? ".", layout: layout, config: config)
      setup.policy = policy.with(catalogue: loaded.catalogue.map { CatalogueIndex($0, now: options.now ?? Date()) })
      setup.catalogueDiagnostics = loaded.diagnostics.filter { $0.code != CatalogueSnapshot.missingCode }
      setup.catalogueNote = loaded.diagnostics.first { $0.code == CatalogueSnapshot.missingCode }
    case .given(let catalogue):
      setup.policy = policy.with(catalogue: catalogue.map { CatalogueIndex($0, now: options.now ?? Date()) })
    }
    return setup
  }

  private func run<T: Sendable>(
    paths: [String], layout: RepositoryLayout, allEnvironments: Bool, transform: @escaping @Sendable (Preset) -> T
  ) -> (CompileResult, [CompiledEnvironment<T>]) {
    // Listing the tree and loading presetctl.yaml with the catalogue snapshot (hundreds of KB of JSON) are
    // both serial work before the parallel compile, and neither needs the other: they run side by side.
    var (listed, setup) = ParallelMap.both(
      parallelism: options.parallelism, { Self.list(paths, layout: layout, requirePresets: options.requirePresets) },
      { self.setup(paths, layout: layout) })
    var files = listed.files
    var inputDiagnostics = listed.diagnostics + setup.configDiagnostics
    let config = setup.config
    let policy = setup.policy
    let policyDiagnostics = setup.policyDiagnostics
    let catalogueDiagnostics = setup.catalogueDiagnostics
    let catalogueNote = setup.catalogueNote
    var variants: [RepositoryConfig.Environment?] = [config.defaultEnvironment]
    if allEnvironments {
      variants = (config.defaultEnvironment == nil ? [nil] : []) + config.environments.map { $0 }
    } else if let name = options.environment {
      variants = [config.environment(named: name)]
      if variants[0] == nil {
        let names = config.environments.map(\.name)
        inputDiagnostics.append(
          .error(
            "config.unknown-environment",
            names.isEmpty
              ? "no environments are declared (add `environments:` to \(RepositoryConfig.fileName))"
              : "unknown environment `\(name)` (declared: \(names.joined(separator: ", ")))",
            hint: DidYouMean.suggestion(for: name, among: names).map { "did you mean `\($0)`?" }))
      }
    }
    let names = variants.map { $0?.name }
    if inputDiagnostics.contains(where: { $0.severity == .error }) {
      // A named environment that did not parse is explained by its own errors, not as "unknown".
      if setup.configDiagnostics.contains(where: { $0.severity == .error }) {
        inputDiagnostics.removeAll { $0.code == "config.unknown-environment" }
      }
      let result = CompileResult(
        layout: layout, presets: [], diagnostics: Diagnostic.sortedForReport(inputDiagnostics + policyDiagnostics),
        fileCount: 0,
        config: config)
      return (result, names.map { CompiledEnvironment(name: $0, values: []) })
    }
    let (defaults, defaultsDiagnostics) = FolderDefaults.resolve(for: files, layout: layout)
    let context = FileContext(
      layout: layout, defaults: defaults, variants: variants, policy: policy, retainRequest: options.retainRequest)
    let fileCount = files.count
    var perFile = ParallelMap.map(files, parallelism: options.parallelism) { file in
      compileFile(file, context: context, transform: transform)
    }
    // The listing is not needed past this point; at 100,000 files it is megabytes.
    listed.files = []
    files = []
    // A missing or broken snapshot is reported but does not stop the compilation: the other checks still run.
    var shared = inputDiagnostics + policyDiagnostics + defaultsDiagnostics + catalogueDiagnostics
    var taggedCount = 0
    for output in perFile {
      shared += output.shared
      taggedCount += output.tagged.count
    }
    // The slug checks read the files' outputs in place (no gathered copies). Duplicates among presets that
    // compiled (as before environments were compiled together): a broken copy is reported for what is wrong
    // with it, not as a duplicate too.
    shared += Self.markDuplicateSlugs(&perFile)
    shared += Self.environmentSlugProblems(
      bases: perFile.lazy.flatMap(\.written).filter { $0.isValid && !$0.duplicate && !$0.shadowed }.map(\.slug),
      config: config)
    var tagged: [FileOutput<T>.Tagged] = []
    tagged.reserveCapacity(taggedCount)
    // Per environment, where its kept entries lie (file, entry), sorted by slug; the values are then read out
    // once in that order. Gathering the entries themselves first would hold every value twice at the peak.
    var places = [[(file: Int, entry: Int)]](repeating: [], count: names.count)
    for (f, output) in perFile.enumerated() {
      tagged += output.tagged
      // A duplicate's later copies are dropped in every environment; the first definition stays.
      for (e, entry) in output.entries.enumerated()
      where entry.variant < places.count && !output.written[entry.written].duplicate {
        places[entry.variant].append((f, e))
      }
    }
    var environments: [CompiledEnvironment<T>] = []
    for (index, name) in names.enumerated() {
      var order = places[index]
      places[index] = []
      order.sort {
        perFile[$0.file].entries[$0.entry].slug.precedesInCodeUnits(perFile[$1.file].entries[$1.entry].slug)
      }
      environments.append(
        CompiledEnvironment(name: name, values: order.map { perFile[$0.file].entries[$0.entry].value }))
    }
    perFile = []
    let labels = names.map { $0 ?? CompiledEnvironment<T>.noEnvironmentLabel }
    var diagnostics = Self.applyIgnoredMessages(
      shared + DiagnosticMerge.merge(tagged.map { ($0.diagnostic, $0.variant, $0.preset) }, labels: labels),
      setting: policy.lint.ignoredMessages)
    if options.requirePresets && !environments.contains(where: { !$0.values.isEmpty })
      && !diagnostics.contains(where: { $0.severity == .error })
    {
      diagnostics.append(Self.noPresets(paths, fileCount: fileCount))
    }
    var result = CompileResult(
      layout: layout, presets: [], diagnostics: Diagnostic.sortedForReport(diagnostics), fileCount: fileCount,
      config: config)
    result.environment = allEnvironments ? nil : variants[0]?.name
    result.catalogueNote = catalogueNote
    return (result, environments)
  }
}
