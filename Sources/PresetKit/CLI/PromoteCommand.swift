import PresetCompiler
import PresetModel
import PresetReconcile
import PresetRender
import PresetSchema

/// `presetctl promote --from staging --to production`: which presets differ between two environments' live state,
/// beyond the differences `presetctl.yaml` declares between them (the rule: `Promotion`).
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

  static func run(_ parsed: ArgumentParser.Parsed, _ context: CommandLineTool.Context) throws(CommandFailure) -> Int32 {
    let format = try CommandLineTool.format(parsed, allowed: [.text, .json])
    guard let fromName = parsed.value("from"), let toName = parsed.value("to") else {
      throw CommandFailure.usage(
        "promote needs --from ENV and --to ENV", hint: "e.g. presetctl promote --from staging --to production")
    }
    guard fromName != toName else {
      throw CommandFailure.usage(
        "--from and --to name the same environment `\(fromName)`", hint: "name two environments of presetctl.yaml")
    }
    let remote = try RemoteOptions(parsed, context)
    let path = parsed.positionals.first ?? "presets"
    var results: [CompileResult] = []
    for environment in [nil, fromName, toName] {
      var compiler = Compiler.forCommand(parsed)
      compiler.options.environment = environment
      let result = compiler.compile(path: path)
      if result.hasErrors { throw CommandFailure(compiled: result) }
      results.append(result)
    }
    let compiled = Promotion.Compiled(base: results[0], from: results[1], to: results[2])
    let config = compiled.base.config
    guard let from = config.environment(named: fromName), let to = config.environment(named: toName) else {
      let unknown = config.environment(named: fromName) == nil ? fromName : toName
      let names = config.environments.map(\.name).joined(separator: ", ")
      throw CommandFailure(
        "config.unknown-environment",
        "unknown environment `\(unknown)` (\(RepositoryConfig.fileName) declares: \(names.isEmpty ? "none" : names))",
        hint: "name an environment declared under `environments:` in \(RepositoryConfig.fileName)")
    }
    let client = try remote.makeClient()
    let parallelism = remote.parallelism
    let promotion = try AsyncBridge.remote { () async throws(RemoteError) -> Promotion in
      try await Promotion.compare(compiled, from: from, to: to, client: client, parallelism: parallelism)
    }
    let renderer = PromotionRenderer(promotion: promotion)
    context.console.write(format == .json ? renderer.json() : renderer.text(style: context.console.outStyle))
    return promotion.inSync ? CommandLineTool.exitOK : CommandLineTool.exitChanges
  }
}
