import Foundation

/// Turns a repository of preset YAML into compiled presets and diagnostics: the main job behind
/// `validate`, `build` and every command that needs the desired state.
public struct Compiler: Sendable {
  /// Limits and switches for one compilation.
  public struct Options: Sendable {
    /// Limits for each YAML file.
    public var yamlLimits = YAMLLoader.Limits()
    /// Largest prompt file accepted, in bytes.
    public var maxPromptFileBytes = 4 * 1024 * 1024
    /// Files compiled concurrently (files are independent; output order does not depend on it).
    public var parallelism = ProcessInfo.processInfo.activeProcessorCount
    /// The environment from `presetctl.yaml` to compile for (its slugs and request overrides); nil for none.
    public var environment: String?
    /// Keep each preset's merged request with its source map (`Preset.request`), for `explain`. Off by default:
    /// it costs memory on large repositories and nothing else needs it after compilation.
    public var retainRequest = false
    /// Every PATH must hold a preset file and the compilation at least one preset, else `input.no-presets`:
    /// a mistyped or empty PATH in CI must not pass as "0 presets, all valid". The commands set it unless
    /// `--allow-empty` is given; off for library callers that compile trees which may legitimately be empty.
    public var requirePresets = false

    /// Default options.
    public init() {}
  }

  /// The options in effect.
  public var options: Options
  /// The compiled skin schemas, shared by every file.
  public var validators: SkinValidators

  /// Creates a compiler with the embedded skin schemas.
  public init(options: Options = Options()) {
    self.options = options
    self.validators = SkinValidators.embedded
  }

  /// Compiles every preset file under `path` (a folder or a file).
  public func compile(path: String) -> CompileResult {
    compile(paths: [path])
  }

  /// Compiles every preset file under several paths of one repository (the root is found from the first).
  public func compile(paths: [String]) -> CompileResult {
    compile(paths: paths, layout: RepositoryLayout(containing: paths.first ?? "."))
  }

  /// Compiles preset files under several paths with an explicit repository root.
  public func compile(paths: [String], layout: RepositoryLayout) -> CompileResult {
    var (result, compiled) = run(paths: paths, layout: layout) { $0 }
    result.presets = compiled
    return result
  }

  /// Compiles and turns each preset into `T` on the worker thread that compiled it, so the full `Preset` need
  /// not be kept (a build keeps only each preset's serialised bundle entry). Values come back sorted by slug;
  /// `CompileResult.presets` stays empty.
  public func compile<T: Sendable>(
    paths: [String], layout: RepositoryLayout, transform: @escaping @Sendable (Preset) -> T
  ) -> (result: CompileResult, values: [T]) {
    run(paths: paths, layout: layout, transform: transform)
  }

  private func run<T: Sendable>(
    paths: [String], layout: RepositoryLayout, transform: @escaping @Sendable (Preset) -> T
  ) -> (CompileResult, [T]) {
    var files: [RepositoryLayout.PresetFile] = []
    var seenFiles: Set<String> = []
    var inputDiagnostics: [Diagnostic] = []
    for path in paths {
      do {
        let listing = try layout.listing(under: path)
        for file in listing.files where seenFiles.insert(file.path).inserted {
          files.append(file)
        }
        inputDiagnostics += listing.miscased.map(Self.miscasedWarning)
        if listing.files.isEmpty && options.requirePresets {
          inputDiagnostics.append(Self.noPresetFiles(path, miscased: listing.miscased.count))
        }
      } catch {
        inputDiagnostics.append(contentsOf: error.diagnostics)
      }
    }
    let (config, configDiagnostics) = RepositoryConfig.load(path: paths.first ?? ".", layout: layout)
    inputDiagnostics += configDiagnostics
    // A malformed policy rule or lint setting is left out and reported; it does not stop the run, so one typo
    // in presetctl.yaml does not hide the schema errors, policy findings and lints of every preset.
    let (policy, policyDiagnostics) = PolicyConfig.parse(config)
    var environment: RepositoryConfig.Environment?
    if let name = options.environment {
      environment = config.environment(named: name)
      if environment == nil {
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
    if inputDiagnostics.contains(where: { $0.severity == .error }) {
      let result = CompileResult(
        layout: layout, presets: [], diagnostics: Diagnostic.sortedForReport(inputDiagnostics + policyDiagnostics),
        fileCount: 0,
        config: config)
      return (result, [])
    }
    let (defaults, defaultsDiagnostics) = FolderDefaults.resolve(for: files, layout: layout)
    let retainRequest = options.retainRequest
    let context = FileContext(layout: layout, defaults: defaults, environment: environment)
    let perFile = ParallelMap.map(files, parallelism: options.parallelism) { file in
      var compiled = compileFile(file, context: context)
      // Policy and prompt lint need each preset's merged request with positions, so they run here, per file,
      // before that request is dropped.
      for preset in compiled.presets { compiled.diagnostics += PolicyEngine.check(preset, config: policy) }
      if !retainRequest {
        for i in compiled.presets.indices { compiled.presets[i].request = nil }
      }
      let values = compiled.presets.map { (slug: $0.slug, source: $0.source, value: transform($0)) }
      return (values: values, diagnostics: compiled.diagnostics)
    }
    var presets: [(slug: String, value: T)] = []
    var diagnostics: [Diagnostic] = inputDiagnostics + policyDiagnostics + defaultsDiagnostics
    var seen: [String: Preset.Origin] = [:]
    for result in perFile {
      diagnostics.append(contentsOf: result.diagnostics)
      for preset in result.values {
        if let first = seen[preset.slug] {
          diagnostics.append(
            Diagnostic(
              severity: .error, code: "compile.duplicate-slug",
              message: "slug `\(preset.slug)` is already defined at \(first.file):\(first.line)",
              location: SourceLocation(file: preset.source.file, line: preset.source.line, column: 1), path: "/slug",
              related: [
                .init(
                  message: "first defined here", location: SourceLocation(file: first.file, line: first.line, column: 1)
                )
              ]))
          continue
        }
        seen[preset.slug] = preset.source
        presets.append((preset.slug, preset.value))
      }
    }
    presets.sort { $0.slug.utf8.lexicographicallyPrecedes($1.slug.utf8) }
    if presets.isEmpty && options.requirePresets && !diagnostics.contains(where: { $0.severity == .error }) {
      diagnostics.append(Self.noPresets(paths, fileCount: files.count))
    }
    var result = CompileResult(
      layout: layout, presets: [], diagnostics: Diagnostic.sortedForReport(diagnostics), fileCount: files.count,
      config: config)
    result.environment = environment?.name
    return (result, presets.map(\.value))
  }

  /// What every file of one compilation shares.
  struct FileContext: Sendable {
    var layout: RepositoryLayout
    var defaults: [String: FolderDefaults]
    var environment: RepositoryConfig.Environment?

    /// The defaults in effect for a preset file.
    func defaults(for file: RepositoryLayout.PresetFile) -> FolderDefaults {
      defaults[RepositoryLayout.folder(of: file.relativePath)] ?? .empty
    }
  }

  /// Compiles one file: every document in it.
  func compileFile(
    _ file: RepositoryLayout.PresetFile, context: FileContext
  ) -> (presets: [Preset], diagnostics: [Diagnostic]) {
    let layout = context.layout
    let path = file.path
    let relative = file.relativePath
    // Same rule as prompt files: a symlink must not pull content from outside the repository into a bundle.
    if file.mayLeaveRoot, let resolved = RepositoryLayout.realPath(path), !layout.containsResolved(resolved) {
      return (
        [],
        [
          .error(
            "compile.file-outside",
            "preset file \(relative) is a symlink to a file outside the repository root; preset files must stay inside it",
            at: SourceLocation(file: relative, line: 1, column: 1))
        ]
      )
    }
    let bytes: [UInt8]
    do {
      bytes = try FileReader.read(path, limit: options.yamlLimits.maxFileBytes)
    } catch {
      return (
        [], [.error(error.code, error.message(for: relative), at: SourceLocation(file: relative, line: 1, column: 1))]
      )
    }
    let documents: [LocatedDocument]
    do {
      documents = try YAMLLoader.load(bytes, file: relative, limits: options.yamlLimits)
    } catch {
      return ([], error.diagnostics)
    }
    var presets: [Preset] = []
    var diagnostics: [Diagnostic] = []
    let defaults = context.defaults(for: file)
    for document in documents where !document.value.isNull {
      guard var source = PresetSource.parse(document, defaultSkin: defaults.skin, diagnostics: &diagnostics) else {
        continue
      }
      source.applyLayers(defaults: defaults, environment: context.environment)
      if let environment = context.environment {
        let slug = environment.slug(for: source.slug)
        guard PresetSource.isValidSlug(slug) || source.hasErrors else {
          diagnostics.append(
            .error(
              "preset.slug",
              "slug `\(slug)` (from `\(source.slug)` in environment `\(environment.name)`) is not a valid slug",
              at: source.document.sourceMap.location(of: JSONPointer.root.appending("slug")), path: "/slug"))
          continue
        }
        source.slug = slug
      }
      if let preset = compilePreset(source, layout: layout, diagnostics: &diagnostics), !source.hasErrors {
        presets.append(preset)
      }
    }
    return (presets, diagnostics)
  }

  /// Compiles one parsed preset; nil (with diagnostics) when it has errors.
  func compilePreset(
    _ source: PresetSource, layout: RepositoryLayout, diagnostics: inout [Diagnostic]
  ) -> Preset? {
    let map = source.document.sourceMap
    let requestRoot = JSONPointer.root.appending("request")
    func documentPointer(_ requestPointer: JSONPointer) -> JSONPointer {
      JSONPointer(components: requestRoot.components + requestPointer.components)
    }
    var errors = false
    let extraction = SystemPromptExtraction.extract(from: source.request, skin: source.skin) { pointer in
      map.location(of: documentPointer(pointer))
    }
    for diagnostic in extraction.diagnostics {
      if diagnostic.severity == .error { errors = true }
      diagnostics.append(diagnostic)
    }
    var rawPrompt = extraction.prompt
    var promptSource: Preset.Origin?
    if let pointer = extraction.pointer {
      let location = map.location(of: documentPointer(pointer))
      promptSource = Preset.Origin(file: location.file, line: location.line)
    }
    var filePrompt: String?
    if let promptPath = source.systemPromptFile {
      let pointer = JSONPointer.root.appending("system_prompt_file")
      if extraction.pointer != nil {
        errors = true
        diagnostics.append(
          .error(
            "compile.prompt-conflict",
            "`system_prompt_file` and a system prompt inside `request` both set the prompt; keep one",
            at: map.location(of: pointer), path: pointer.description))
      }
      switch readPromptFile(promptPath, presetFile: source.firstKeyLocation.file, layout: layout) {
      case .success(let (text, relativePath)):
        rawPrompt = text
        filePrompt = NormalisationRules.normalisePrompt(text)
        promptSource = Preset.Origin(file: relativePath, line: 1)
      case .failure(let problem):
        errors = true
        diagnostics.append(
          .error(problem.code, problem.message, at: map.location(of: pointer), path: pointer.description))
      }
    }
    let (body, shifted) = RequestBody.make(request: source.request, skin: source.skin, filePrompt: filePrompt)
    for violation in validators.validator(for: source.skin).validate(.object(body)) {
      errors = true
      let pointer = RequestBody.requestPointer(forBody: violation.instancePath, shiftedMessages: shifted)
      let target = pointer.map(documentPointer) ?? JSONPointer.root.appending("system_prompt_file")
      let location = violation.atKey ? map.keyLocation(of: target) : map.location(of: target)
      diagnostics.append(
        Diagnostic(
          severity: .error, code: violation.code, message: violation.message, location: location,
          path: target.description, hint: violation.hint))
    }
    guard !errors else { return nil }
    let model = NormalisationRules.model(config: source.request, systemPrompt: rawPrompt)
    var preset = Preset(
      slug: source.slug, skin: source.skin, description: source.description, model: model,
      source: Preset.Origin(file: source.firstKeyLocation.file, line: source.firstKeyLocation.line),
      promptSource: model.systemPrompt == nil ? nil : promptSource, body: body)
    // Kept until policy has run on it; `run` drops it unless `retainRequest`.
    preset.request = LocatedDocument(
      value: .object(source.request),
      sourceMap: SourceMap(file: map.file, root: map.node(at: requestRoot).node))
    return preset
  }

  /// A prompt file problem: its code and message.
  struct PromptFileProblem: Error {
    var code: String
    var message: String
  }

  /// Reads a prompt file named relative to the preset file; it must stay inside the repository root.
  func readPromptFile(
    _ path: String, presetFile presetRelative: String, layout: RepositoryLayout
  ) -> Result<(String, String), PromptFileProblem> {
    // Lexical resolution against the preset file's root-relative folder first (cheap, no URL objects), then
    // `realpath` so a symlink cannot lead outside the repository either.
    let folder = RepositoryLayout.folder(of: presetRelative)
    let joined = RepositoryLayout.normalise(folder.isEmpty ? path : folder + "/" + path)
    let outside = PromptFileProblem(
      code: "compile.prompt-file-outside",
      message: "prompt file `\(path)` lies outside the repository root; prompt files must stay inside it")
    guard !path.hasPrefix("/"), !presetRelative.hasPrefix("/"), let relative = joined else { return .failure(outside) }
    let absolute = layout.root.path + "/" + relative
    if let resolved = RepositoryLayout.realPath(absolute), !layout.containsResolved(resolved) {
      return .failure(outside)
    }
    let bytes: [UInt8]
    do {
      bytes = try FileReader.read(absolute, limit: options.maxPromptFileBytes)
    } catch {
      return .failure(PromptFileProblem(code: "compile.prompt-file", message: error.message(for: relative)))
    }
    if let bad = UTF8Validation.firstInvalidOffset(bytes) {
      let position = UTF8Validation.position(ofOffset: bad, in: bytes)
      return .failure(
        PromptFileProblem(
          code: "compile.prompt-file-utf8",
          message: "prompt file \(relative) is not valid UTF-8 (first bad byte at \(position.line):\(position.column))")
      )
    }
    var text = bytes[...]
    if text.starts(with: [0xEF, 0xBB, 0xBF]) { text = text.dropFirst(3) }
    return .success((String(decoding: text, as: UTF8.self), relative))
  }
}
