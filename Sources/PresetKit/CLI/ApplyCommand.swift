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
        .value("format", "FORMAT", "Output format: text, json or markdown (default text)."),
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

  static func run(_ parsed: ArgumentParser.Parsed, _ context: CommandLineTool.Context) -> Int32 {
    guard let format = CommandLineTool.format(parsed, allowed: [.text, .json, .markdown], context: context),
      let parallelism = RemoteOptions.parallelism(parsed, context),
      let desired = DesiredState.load(
        parsed.positionals.first ?? "presets", allowPlan: true, environment: parsed.value("env"),
        requirePresets: !parsed.flag("allow-empty"), context),
      let client = RemoteOptions.client(parsed, context)
    else { return CommandLineTool.exitError }
    if let planFile = desired.planFile {
      let here = PlanFile.normalisedAPI(client.configuration.baseURL)
      guard planFile.apiURL == here else {
        context.console.error(
          "error: the plan was made against \(planFile.apiURL) but this apply talks to \(here); run `presetctl plan --out` against this API, or apply with --api-url \(planFile.apiURL) [plan.api-mismatch]\n"
        )
        return CommandLineTool.exitError
      }
    }
    let console = context.console
    let outcome = AsyncBridge.run { () -> Result<[Applier.Outcome], RemoteError> in
      let plan: PresetPlan
      if let planFile = desired.planFile {
        // The saved plan's actions stand; every preset, unchanged ones included, is re-read just before its
        // POST would go out (stale check).
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
