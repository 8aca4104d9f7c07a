import PresetCompiler
import PresetModel
import PresetReconcile
import PresetRender
import PresetSchema

/// `presetctl promote --from staging --to production`: which presets differ between two environments' live state,
/// beyond the differences `presetctl.yaml` declares between them.
///
/// Rule: each repository preset is compiled for both environments; the two live presets are in sync when they
/// differ from each other exactly as the two compiled presets do (the declared overrides), config path by
/// config path and in the system prompt. Everything else is a real difference and is shown.
enum PromoteCommand {
  static let command = CommandLineTool.Command(
    parser: ArgumentParser(
      commandName: "presetctl promote", abstract: "Compare the live presets of two environments.",
      positionalUsage: "[PATH]", maxPositionals: 1,
      options: [
        .value("from", "ENV", "The environment whose live state would be promoted (e.g. staging)."),
        .value("to", "ENV", "The environment it would be promoted to (e.g. production)."),
        .value("format", "FORMAT", "Output format: text or json (default text)."),
        Compiler.allowEmptyOption,
      ] + RemoteOptions.options,
      discussion: """
        Versions hash content only (not slugs), so equal versions mean production runs exactly what staging runs.
        Differences that presetctl.yaml declares between the two environments (their `request` overrides) are
        expected: two live presets that differ only by them are in sync. Promote only reads; it never pushes.
        Exit status: 0 all in sync, 2 some differ or are missing, 1 error.
        """),
    run: run)

  /// One preset across the two environments.
  struct Row {
    var base: String
    var fromSlug: String
    var toSlug: String
    var from: PresetModel?
    var to: PresetModel?
    /// The repository preset compiled for each environment.
    var compiledFrom: PresetModel
    var compiledTo: PresetModel

    /// The differences the overrides declare, `to` → `from`.
    var declared: [JSONDiff.Change] {
      JSONDiff.changes(from: .object(compiledTo.config), to: .object(compiledFrom.config))
    }

    /// The live differences, `to` → `from`, that the overrides do not declare.
    var unexpected: [JSONDiff.Change] {
      guard let from, let to else { return [] }
      let declared = declared
      return JSONDiff.changes(from: .object(to.config), to: .object(from.config)).filter { !declared.contains($0) }
    }

    /// Declared differences the live presets do not show (an override not applied in one environment).
    var missing: [JSONDiff.Change] {
      guard let from, let to else { return [] }
      let live = JSONDiff.changes(from: .object(to.config), to: .object(from.config))
      return declared.filter { !live.contains($0) }
    }

    /// True when the live prompts relate as the compiled ones do: equal when the compiled prompts are equal,
    /// else each the compiled prompt of its environment.
    var promptInSync: Bool {
      guard let from, let to else { return false }
      if Review.sameText(compiledFrom.systemPrompt, compiledTo.systemPrompt) {
        return Review.sameText(from.systemPrompt, to.systemPrompt)
      }
      return Review.sameText(from.systemPrompt, compiledFrom.systemPrompt)
        && Review.sameText(to.systemPrompt, compiledTo.systemPrompt)
    }

    var same: Bool {
      guard let from, let to else { return false }
      if from.version == to.version && compiledFrom.version == compiledTo.version { return true }
      return unexpected.isEmpty && missing.isEmpty && promptInSync
    }
  }

  static func run(_ parsed: ArgumentParser.Parsed, _ context: CommandLineTool.Context) -> Int32 {
    guard let format = CommandLineTool.format(parsed, allowed: [.text, .json], context: context) else {
      return CommandLineTool.exitError
    }
    guard let fromName = parsed.value("from"), let toName = parsed.value("to") else {
      context.console.error("error: --from ENV and --to ENV are required\n")
      return CommandLineTool.exitError
    }
    guard fromName != toName else {
      context.console.error("error: --from and --to name the same environment `\(fromName)`; name two environments\n")
      return CommandLineTool.exitError
    }
    let path = parsed.positionals.first ?? "presets"
    var compiled: [CompileResult] = []
    for environment in [nil, fromName, toName] {
      var options = Compiler.forCommand(parsed).options
      options.environment = environment
      let result = Compiler(options: options).compile(path: path)
      if result.hasErrors {
        context.console.error(
          DiagnosticRenderer.forResult(result, style: context.console.errStyle).render(
            result.diagnostics, format: .text)
        )
        return CommandLineTool.exitError
      }
      compiled.append(result)
    }
    let result = compiled[0]
    guard let from = result.config.environment(named: fromName), let to = result.config.environment(named: toName)
    else {
      let names = result.config.environments.map(\.name).joined(separator: ", ")
      context.console.error(
        "error: unknown environment (declared in \(RepositoryConfig.fileName): \(names.isEmpty ? "none" : names))\n")
      return CommandLineTool.exitError
    }
    guard let parallelism = RemoteOptions.parallelism(parsed, context),
      let client = RemoteOptions.client(parsed, context)
    else { return CommandLineTool.exitError }
    var compiledFrom: [String: PresetModel] = [:]
    for preset in compiled[1].presets { compiledFrom[preset.slug] = preset.model }
    var compiledTo: [String: PresetModel] = [:]
    for preset in compiled[2].presets { compiledTo[preset.slug] = preset.model }
    let bases = result.presets.map(\.slug)
    let slugs = bases.flatMap { [from.slug(for: $0), to.slug(for: $0)] }
    let fetched = AsyncBridge.run { () -> [Result<LivePreset?, RemoteError>] in
      await BoundedConcurrency.map(slugs, parallelism: parallelism) { slug in
        do throws(RemoteError) {
          return .success(try await client.getPreset(slug: slug))
        } catch {
          return .failure(error)
        }
      }
    }
    var rows: [Row] = []
    for (i, base) in bases.enumerated() {
      let (fromSlug, toSlug) = (from.slug(for: base), to.slug(for: base))
      guard let cf = compiledFrom[fromSlug], let ct = compiledTo[toSlug] else { continue }
      do throws(RemoteError) {
        let a = try fetched[2 * i].get()
        let b = try fetched[2 * i + 1].get()
        rows.append(
          Row(
            base: base, fromSlug: fromSlug, toSlug: toSlug, from: a?.model, to: b?.model, compiledFrom: cf,
            compiledTo: ct))
      } catch {
        context.console.error("error: \(SafeText.terminal(error.description))\n")
        return CommandLineTool.exitError
      }
    }
    render(rows, fromName: fromName, toName: toName, format: format, context)
    return rows.allSatisfy(\.same) ? CommandLineTool.exitOK : CommandLineTool.exitChanges
  }
}
