/// `presetctl apply [PATH|BUNDLE|PLAN]`: push creates and updates, confirm each, report applied/unchanged/failed.
enum ApplyCommand {
  static let command = CommandLineTool.Command(
    parser: ArgumentParser(
      commandName: "presetctl apply", abstract: "Create or update live presets so they match the repository.",
      positionalUsage: "[PATH|BUNDLE|PLAN]", maxPositionals: 1,
      options: [
        .value("env", "NAME", "Compile for an environment declared in presetctl.yaml (its slugs and overrides)."),
        .value("format", "FORMAT", "Output format: text, json or markdown (default text)."),
      ]
        + RemoteOptions.options,
      discussion: """
        With a saved plan, presets whose live version moved since the plan was made are refused (stale).
        Exit status: 0 all applied or unchanged, 1 any failure.
        """),
    run: run)

  static func run(_ parsed: ArgumentParser.Parsed, _ context: CommandLineTool.Context) -> Int32 {
    guard let format = CommandLineTool.format(parsed, allowed: [.text, .json, .markdown], context: context),
      let parallelism = RemoteOptions.parallelism(parsed, context),
      let desired = DesiredState.load(
        parsed.positionals.first ?? "presets", allowPlan: true, environment: parsed.value("env"), context),
      let client = RemoteOptions.client(parsed, context)
    else { return CommandLineTool.exitError }
    let console = context.console
    let outcome = AsyncBridge.run { () -> Result<[Applier.Outcome], RemoteError> in
      let plan: PresetPlan
      if let planFile = desired.planFile {
        // The saved plan's actions stand; each preset is re-read just before its POST (stale check).
        let entries = planFile.bundle.presets.map { preset in
          PresetPlan.Entry(
            desired: preset, action: planFile.expectations[preset.slug]?.action ?? .unchanged, live: nil,
            liveVersion: planFile.expectations[preset.slug]?.liveVersion)
        }
        plan = PresetPlan(entries: entries, unmanaged: [])
      } else {
        do throws(RemoteError) {
          plan = try await Planner(client: client, parallelism: parallelism).plan(
            for: desired.presets, listUnmanaged: false)
        } catch {
          return .failure(error)
        }
      }
      let applier = Applier(client: client, parallelism: parallelism)
      let outcomes = await applier.apply(plan, expectations: desired.planFile?.expectations) { outcome in
        if outcome.status != .unchanged { console.progress("\(outcome.status.rawValue): \(outcome.slug)\n") }
      }
      return .success(outcomes)
    }
    let outcomes: [Applier.Outcome]
    switch outcome {
    case .success(let o): outcomes = o
    case .failure(let error):
      context.console.error("error: \(SafeText.terminal(error.description))\n")
      return CommandLineTool.exitError
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
