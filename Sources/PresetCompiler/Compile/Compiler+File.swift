import Foundation
import PresetCore
import PresetModel
import PresetPolicy
import PresetSchema

/// A valid slug as written, with its place: the input of the duplicate and environment-slug checks.
struct WrittenSlug: Sendable {
  package var slug: String
  /// The `slug` value's location.
  var location: SourceLocation
  /// The document's first key (the preset's `source`).
  var source: Preset.Origin
}

/// What compiling one file produced, for every environment of the compilation.
///
/// Flat lists, not one list per environment: every file's output is held until all files are compiled, and at
/// 100,000 files each array object costs a heap allocation of its own.
struct FileOutput<T: Sendable>: Sendable {
  /// A compiled preset's value in one environment.
  package struct Entry: Sendable {
    /// The slug in this environment.
    package var slug: String
    package var value: T
    /// Index into the compilation's environments.
    var variant: Int
    /// Index into the file's `written`: the slug as written, and whether it is a duplicate.
    var written: Int
  }

  /// A finding of one environment's compilation of one preset.
  struct Tagged: Sendable {
    var diagnostic: Diagnostic
    /// Index into the compilation's environments.
    var variant: Int
    /// The preset's slug as written.
    var preset: String
  }

  /// A slug as written, with what the slug checks need to know of it.
  struct Written: Sendable {
    var slug: WrittenSlug
    /// The slug is valid: it takes part in the environment-slug checks.
    var isValid: Bool
    /// The preset compiled without errors in at least one environment: it takes part in the duplicate check.
    var compiled: Bool
    /// A compiled copy of a slug defined earlier (set by `markDuplicateSlugs`): dropped everywhere.
    var duplicate = false
    /// A copy that did not compile of a slug that compiled elsewhere (set by `markDuplicateSlugs`).
    var shadowed = false
  }

  /// The presets that compiled without errors, in document order, each tagged with its environment.
  var entries: [Entry] = []
  /// Findings that do not depend on the environment (YAML, preset document shape), reported once.
  var shared: [Diagnostic] = []
  /// Findings of each environment's compilation.
  var tagged: [Tagged] = []
  /// Every slug written in the file, in document order.
  var written: [Written] = []
}

extension Compiler {
  /// Prompt files already read in one file, by path as written (its code units: `café.md` and
  /// `cafe\u{301}.md` are two files): every environment shares one read.
  typealias PromptCache = [CodeUnitKey: Result<(String, String), PromptFileProblem>]

  /// Compiles one file: every document in it, once per environment of `context`, from one read and parse.
  func compileFile<T: Sendable>(
    _ file: RepositoryLayout.PresetFile, context: FileContext, transform: @Sendable (Preset) -> T
  ) -> FileOutput<T> {
    let layout = context.layout
    let path = file.path
    let relative = file.relativePath
    var output = FileOutput<T>()
    let bytes: [UInt8]
    do {
      let limit = options.yamlLimits.maxFileBytes
      // Same rule as prompt files: a symlink must not pull content from outside the repository into a bundle.
      guard
        let read = file.mayLeaveRoot
          ? try FileReader.read(path, limit: limit, acceptingResolved: layout.containsResolved)
          : try FileReader.read(path, limit: limit)
      else {
        output.shared.append(
          .error(
            "compile.file-outside",
            "preset file \(relative) is a symlink to a file outside the repository root; preset files must stay inside it",
            at: SourceLocation(file: relative, line: 1, column: 1)))
        return output
      }
      bytes = read
    } catch {
      output.shared.append(
        .error(error.code, error.message(for: relative), at: SourceLocation(file: relative, line: 1, column: 1)))
      return output
    }
    let documents: [LocatedDocument]
    do {
      documents = try YAMLLoader.load(bytes, file: relative, limits: options.yamlLimits)
    } catch {
      output.shared += error.diagnostics
      return output
    }
    let defaults = context.defaults(for: file)
    var prompts = PromptCache()
    for document in documents where !document.value.isNull {
      guard var base = PresetSource.parse(document, defaultSkin: defaults.skin, diagnostics: &output.shared) else {
        continue
      }
      // Folder defaults are the same in every environment: merged once, environments go over the result.
      base.applyLayers(defaults: defaults, environment: nil)
      let origin = Preset.Origin(file: base.firstKeyLocation.file, line: base.firstKeyLocation.line)
      let written = WrittenSlug(
        slug: base.slug, location: base.document.sourceMap.location(of: JSONPointer.root.appending("slug")),
        source: origin)
      var compiledSomewhere = false
      for (index, environment) in context.variants.enumerated() {
        var source = base
        if let environment {
          source.applyLayers(defaults: .empty, environment: environment)
          source.slug = environment.slug(for: base.slug)
          // An environment slug that is not valid is reported once per environment and preset by
          // `environmentSlugProblems`; the preset is not compiled for it.
          guard SlugRule.isValid(source.slug) || source.hasErrors else { continue }
        }
        var diagnostics: [Diagnostic] = []
        if var preset = compilePreset(source, layout: layout, prompts: &prompts, diagnostics: &diagnostics),
          !source.hasErrors
        {
          // Policy and prompt lint need the merged request with positions, so they run here, before that
          // request is dropped.
          // A preset's `suppress` silences its own lint findings only (policy is never suppressible).
          diagnostics += LintSuppression.apply(
            preset.suppressions, to: PolicyEngine.check(preset, config: context.policy))
          if !context.retainRequest { preset.request = nil }
          output.entries.append(
            .init(slug: preset.slug, value: transform(preset), variant: index, written: output.written.count))
          compiledSomewhere = true
        }
        for diagnostic in diagnostics {
          output.tagged.append(.init(diagnostic: diagnostic, variant: index, preset: base.slug))
        }
      }
      let isValid = SlugRule.isValid(base.slug)
      if isValid || compiledSomewhere {
        output.written.append(.init(slug: written, isValid: isValid, compiled: compiledSomewhere))
      }
    }
    return output
  }

  /// Compiles one parsed preset; nil (with diagnostics) when it has errors.
  func compilePreset(
    _ source: PresetSource, layout: RepositoryLayout, diagnostics: inout [Diagnostic]
  ) -> Preset? {
    var prompts = PromptCache()
    return compilePreset(source, layout: layout, prompts: &prompts, diagnostics: &diagnostics)
  }

  /// Compiles one parsed preset, reading prompt files through `prompts`; nil (with diagnostics) on errors.
  func compilePreset(
    _ source: PresetSource, layout: RepositoryLayout, prompts: inout PromptCache, diagnostics: inout [Diagnostic]
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
      let read =
        prompts[CodeUnitKey(promptPath)]
        ?? readPromptFile(promptPath, presetFile: source.firstKeyLocation.file, layout: layout)
      prompts[CodeUnitKey(promptPath)] = read
      switch read {
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
    preset.suppressions = source.suppressions
    // Kept until policy has run on it; `compileFile` drops it unless `retainRequest`.
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
    // the opened file's canonical path, so a symlink cannot lead outside the repository either.
    let folder = RepositoryLayout.folder(of: presetRelative)
    let joined = RepositoryLayout.normalise(folder.isEmpty ? path : folder + "/" + path)
    let outside = PromptFileProblem(
      code: "compile.prompt-file-outside",
      message: "prompt file `\(path)` lies outside the repository root; prompt files must stay inside it")
    guard !path.hasCodeUnitPrefix("/"), !presetRelative.hasCodeUnitPrefix("/"), let relative = joined else {
      return .failure(outside)
    }
    let absolute = layout.rootPath + "/" + relative
    let bytes: [UInt8]
    do {
      guard
        let read = try FileReader.read(
          absolute, limit: options.maxPromptFileBytes, acceptingResolved: layout.containsResolved)
      else { return .failure(outside) }
      bytes = read
    } catch {
      return .failure(PromptFileProblem(code: "compile.prompt-file", message: error.message(for: relative)))
    }
    var text = bytes[...]
    if text.starts(with: [0xEF, 0xBB, 0xBF]) { text = text.dropFirst(3) }
    // One pass validates and builds the string; the offset of a bad byte is only looked for on failure.
    guard let prompt = String(validating: text, as: UTF8.self) else {
      let bad = UTF8Validation.firstInvalidOffset(bytes) ?? 0
      let position = UTF8Validation.position(ofOffset: bad, in: bytes)
      return .failure(
        PromptFileProblem(
          code: "compile.prompt-file-utf8",
          message: "prompt file \(relative) is not valid UTF-8 (first bad byte at \(position.line):\(position.column))")
      )
    }
    return .success((prompt, relative))
  }
}
