/// `presetctl plan [PATH|BUNDLE]`: compare desired presets with live ones and show what apply would do.
enum PlanCommand {
  static let command = CommandLineTool.Command(
    parser: ArgumentParser(
      commandName: "presetctl plan", abstract: "Show what apply would create or update.",
      positionalUsage: "[PATH|BUNDLE]", maxPositionals: 1,
      options: [
        .value("env", "NAME", "Compile for an environment declared in presetctl.yaml (its slugs and overrides)."),
        .value("out", "PLAN", "Save the plan for 'apply PLAN' (refused later if live presets moved)."),
        .flag("detailed-exitcode", "Exit 2 when there are changes, 0 when none, 1 on errors."),
        .value("format", "FORMAT", "Output format: text, json or markdown (default text)."),
      ] + RemoteOptions.options,
      discussion: "PATH defaults to 'presets'; a .json file is read as a bundle."),
    run: run)

  static func run(_ parsed: ArgumentParser.Parsed, _ context: CommandLineTool.Context) -> Int32 {
    guard let format = CommandLineTool.format(parsed, allowed: [.text, .json, .markdown], context: context),
      let parallelism = RemoteOptions.parallelism(parsed, context),
      let desired = DesiredState.load(
        parsed.positionals.first ?? "presets", allowPlan: false, environment: parsed.value("env"), context),
      let client = RemoteOptions.client(parsed, context)
    else { return CommandLineTool.exitError }
    guard let plan = livePlan(desired.presets, client: client, parallelism: parallelism, context) else {
      return CommandLineTool.exitError
    }
    if let out = parsed.value("out") {
      do {
        try AtomicFile.write(JSONWriter.bytes(PlanFile(plan: plan).json, options: .pretty), to: out)
        context.console.error("plan saved to \(out)\n")
      } catch {
        context.console.error("error: \(SafeText.terminal("\(error)"))\n")
        return CommandLineTool.exitError
      }
    }
    let renderer = PlanRenderer(plan: plan)
    switch format {
    case .json: context.console.write(renderer.json())
    case .markdown: context.console.write(renderer.markdown())
    default: context.console.write(renderer.text(style: context.console.outStyle))
    }
    return parsed.flag("detailed-exitcode") && plan.hasChanges ? CommandLineTool.exitChanges : CommandLineTool.exitOK
  }

  /// Reads the live state for `presets` (one GET each plus the list pages); reports and returns nil on failure.
  static func livePlan(
    _ presets: [Preset], client: OpenRouterClient, parallelism: Int, _ context: CommandLineTool.Context
  ) -> PresetPlan? {
    context.console.progress("reading \(presets.count) live preset(s)…\n")
    let planner = Planner(client: client, parallelism: parallelism)
    let outcome = AsyncBridge.run { () -> Result<PresetPlan, RemoteError> in
      do throws(RemoteError) {
        return .success(try await planner.plan(for: presets))
      } catch {
        return .failure(error)
      }
    }
    switch outcome {
    case .success(let plan): return plan
    case .failure(let error):
      context.console.error("error: \(SafeText.terminal(error.description))\n")
      return nil
    }
  }
}
