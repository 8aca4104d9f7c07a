import PresetCompiler
import PresetCore
import PresetModel
import PresetReconcile
import PresetRender

/// `presetctl apply [PATH|BUNDLE|PLAN]`: push creates and updates, confirm each, report applied/unchanged/failed.
enum ApplyCommand {
  static let command = CommandLineTool.Command(
    parser: ArgumentParser(
      commandName: "presetctl apply", abstract: "Create or update live presets so they match the repository.",
      positionalUsage: "[PATH|BUNDLE|PLAN]", maxPositionals: 1,
      options: [
        .value("env", "NAME", "Compile for an environment declared in presetctl.yaml (its slugs and overrides)."),
        .value(
          "format", "FORMAT",
          "Output format: text, json, markdown or github (the text report, errors as annotations; default text)."),
        Compiler.allowEmptyOption,
      ]
        + RemoteOptions.options,
      discussion: """
        With a saved plan every preset is re-read (one GET each, unchanged ones too) and those whose live
        version moved since the plan was made are refused (stale); a plan made against another API URL, or
        one that does not match its own bundle (edited by hand), is refused whole.
        Exit status: 0 all applied or unchanged, 1 any failure.
        """),
    run: run)

  static func run(_ parsed: ArgumentParser.Parsed, _ context: CommandLineTool.Context) throws(CommandFailure) -> Int32 {
    let format = try CommandLineTool.format(parsed, allowed: OutputFormat.allCases)
    let remote = try RemoteOptions(parsed, context)
    let desired = try PlanCommand.desired(parsed, allowPlan: true, context)
    let client = try remote.makeClient()
    if let mismatch = desired.planFile?.apiMismatch(applyingTo: client.configuration.baseURL) {
      throw CommandFailure([mismatch])
    }
    let console = context.console
    let parallelism = remote.parallelism
    let outcomes = try AsyncBridge.remote { () async throws(RemoteError) -> [Applier.Outcome] in
      let plan: PresetPlan
      if let planFile = desired.planFile {
        plan = planFile.presetPlan
      } else {
        plan = try await Planner(client: client, parallelism: parallelism).plan(
          for: desired.presets, listUnmanaged: false)
      }
      return await Applier(client: client, parallelism: parallelism).apply(
        plan, expectations: desired.planFile?.expectations
      ) { outcome in
        if outcome.status != .unchanged { console.progress("\(outcome.status.rawValue): \(outcome.slug)\n") }
      }
    }
    let report = ApplyReport(outcomes: outcomes)
    switch format {
    case .json: context.console.write(report.json())
    case .markdown: context.console.write(report.markdown())
    default: context.console.write(report.text(style: context.console.outStyle))
    }
    return report.failed.isEmpty ? CommandLineTool.exitOK : CommandLineTool.exitError
  }
}
