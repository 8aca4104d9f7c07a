/// `presetctl apply [PATH|BUNDLE|PLAN]`: push creates and updates, confirm each, report applied/unchanged/failed.
enum ApplyCommand {
  static let command = CommandLineTool.Command(
    parser: ArgumentParser(
      commandName: "presetctl apply", abstract: "Create or update live presets so they match the repository.",
      positionalUsage: "[PATH|BUNDLE|PLAN]", maxPositionals: 1,
      options: [
        .value("env", "NAME", "Compile for an environment declared in presetctl.yaml (its slugs and overrides)."),
        .value("format", "FORMAT", "Output format: text, json or markdown (default text)."),
        .flag("yes", "Apply without asking (CI); a saved plan never asks."),
        .flag("dry-run", "Send nothing: print the plan, in apply's --format."),
        DesiredState.targetOption, Compiler.allowEmptyOption,
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

  static func run(_ parsed: ArgumentParser.Parsed, _ context: CommandLineTool.Context) -> Int32 {
    guard let format = CommandLineTool.format(parsed, allowed: [.text, .json, .markdown], context: context),
      let parallelism = RemoteOptions.parallelism(parsed, context),
      let desired = DesiredState.load(parsed, allowPlan: true, context),
      let client = RemoteOptions.client(parsed, context)
    else { return CommandLineTool.exitError }
    let console = context.console
    let dryRun = parsed.flag("dry-run")
    if let planFile = desired.planFile {
      let here = PlanFile.normalisedAPI(client.configuration.baseURL)
      guard planFile.apiURL == here else {
        console.error(
          "error: the plan was made against \(planFile.apiURL) but this apply talks to \(here); run `presetctl plan --out` against this API, or apply with --api-url \(planFile.apiURL) [plan.api-mismatch]\n"
        )
        return CommandLineTool.exitError
      }
      guard !dryRun else {
        console.error(
          "error[apply.dry-run-plan]: a saved plan is already the dry run of its apply; drop --dry-run to apply it, "
            + "or run `presetctl apply --dry-run` on the presets\n")
        return CommandLineTool.exitError
      }
    }
    // Asked before any request, so a job that cannot answer fails at once instead of after the GETs.
    let mustAsk = desired.planFile == nil && !parsed.flag("yes") && !dryRun
    if mustAsk && !context.confirmation.isInteractive {
      console.error(
        "error[apply.needs-confirmation]: apply asks before it changes live presets, and stdin is not a terminal; "
          + "pass --yes to apply without asking (as CI does), or apply a saved plan "
          + "(`presetctl plan --out plan.json`, review it, then `presetctl apply plan.json`)\n")
      return CommandLineTool.exitError
    }
    let planned: PresetPlan
    if let planFile = desired.planFile {
      planned = planFile.savedPlan
    } else {
      let outcome = AsyncBridge.run { () -> Result<PresetPlan, RemoteError> in
        do throws(RemoteError) {
          return .success(
            try await Planner(client: client, parallelism: parallelism).plan(
              for: desired.presets, listUnmanaged: dryRun))
        } catch {
          return .failure(error)
        }
      }
      switch outcome {
      case .success(let whole): planned = desired.target.map { $0.restrict(whole) } ?? whole
      case .failure(let error):
        console.error("error: \(SafeText.terminal(error.description))\n")
        return CommandLineTool.exitError
      }
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
        console.error("\napply cancelled: nothing was sent\n")
        return CommandLineTool.exitError
      }
    }
    let outcomes = AsyncBridge.run { () -> [Applier.Outcome] in
      let applier = Applier(client: client, parallelism: parallelism)
      return await applier.apply(planned, expectations: desired.planFile?.expectations) { outcome in
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
