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
        .flag("yes", "Apply without asking (CI); a saved plan never asks."),
        .flag("dry-run", "Send nothing: print the plan, in apply's --format."),
        PresetTarget.option, Compiler.allowEmptyOption,
      ]
        + RemoteOptions.options,
      discussion: """
        On a terminal apply shows the plan and asks; only 'yes' proceeds. --yes, or a saved plan, skips the
        question; without a terminal and without either, apply refuses (exit 1) before any request.
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
    let console = context.console
    let parallelism = remote.parallelism
    let dryRun = parsed.flag("dry-run")
    if let planFile = desired.planFile {
      if let mismatch = planFile.apiMismatch(applyingTo: client.configuration.baseURL) {
        throw CommandFailure([mismatch])
      }
      guard !dryRun else {
        throw CommandFailure(
          "apply.dry-run-plan", "a saved plan is already the dry run of its apply",
          hint: "drop --dry-run to apply it, or run `presetctl apply --dry-run` on the presets")
      }
    }
    // Asked before any request, so a job that cannot answer fails at once instead of after the GETs.
    let mustAsk = desired.planFile == nil && !parsed.flag("yes") && !dryRun
    if mustAsk && !context.confirmation.isInteractive {
      throw CommandFailure(
        "apply.needs-confirmation", "apply asks before it changes live presets, and stdin is not a terminal",
        hint: "pass --yes to apply without asking (as CI does), or apply a saved plan "
          + "(`presetctl plan --out plan.json`, review it, then `presetctl apply plan.json`)")
    }
    let planned: PresetPlan
    if let planFile = desired.planFile {
      planned = planFile.presetPlan
    } else {
      let whole = try AsyncBridge.remote { () async throws(RemoteError) -> PresetPlan in
        try await Planner(client: client, parallelism: parallelism).plan(for: desired.presets, listUnmanaged: dryRun)
      }
      planned = desired.target.map { $0.restrict(whole) } ?? whole
    }
    if dryRun {
      let renderer = PlanRenderer(plan: planned)
      switch format {
      case .json: console.write(renderer.json())
      case .markdown: console.write(renderer.markdown())
      default: console.write(renderer.text(style: console.outStyle))
      }
      return CommandLineTool.exitOK
    }
    if mustAsk && planned.hasChanges {
      console.error(PlanRenderer(plan: planned).text(style: console.errStyle))
      console.error("\nApply these changes to the live presets? Only 'yes' will be accepted.\n  Enter a value: ")
      guard context.confirmation.confirmed() else {
        throw CommandFailure(
          "apply.cancelled", "apply cancelled: nothing was sent", hint: "answer `yes` to apply, or pass --yes")
      }
    }
    let outcomes = try AsyncBridge.remote { () async throws(RemoteError) -> [Applier.Outcome] in
      await Applier(client: client, parallelism: parallelism).apply(
        planned, expectations: desired.planFile?.expectations
      ) { outcome in
        if outcome.status != .unchanged { console.progress("\(outcome.status.rawValue): \(outcome.slug)\n") }
      }
    }
    let report = ApplyReport(outcomes: outcomes, target: desired.target)
    switch format {
    case .json: console.write(report.json())
    case .markdown: console.write(report.markdown())
    default: console.write(report.text(style: console.outStyle))
    }
    return report.failed.isEmpty ? CommandLineTool.exitOK : CommandLineTool.exitError
  }
}
