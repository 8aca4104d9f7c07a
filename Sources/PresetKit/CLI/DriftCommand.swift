/// `presetctl drift [PATH|BUNDLE]`: the scheduled check that live presets still match the repository.
enum DriftCommand {
  static let command = CommandLineTool.Command(
    parser: ArgumentParser(
      commandName: "presetctl drift", abstract: "Check that live presets match the repository (exit 2 on drift).",
      positionalUsage: "[PATH|BUNDLE]", maxPositionals: 1,
      options: [
        .flag("include-unmanaged", "Count live presets the repository does not define as drift."),
        .value("format", "FORMAT", "Output format: text, json or markdown (default text)."),
      ] + RemoteOptions.options,
      discussion: "Exit status: 0 in sync, 2 drift (changed or missing presets), 1 error."),
    run: run)

  static func run(_ parsed: ArgumentParser.Parsed, _ context: CommandLineTool.Context) -> Int32 {
    guard let format = CommandLineTool.format(parsed, allowed: [.text, .json, .markdown], context: context),
      let parallelism = RemoteOptions.parallelism(parsed, context),
      let desired = DesiredState.load(parsed.positionals.first ?? "presets", allowPlan: false, context),
      let client = RemoteOptions.client(parsed, context)
    else { return CommandLineTool.exitError }
    let planner = Planner(client: client, parallelism: parallelism)
    let outcome = AsyncBridge.run { () -> Result<PresetPlan, RemoteError> in
      do throws(RemoteError) {
        return .success(try await planner.plan(for: desired.presets))
      } catch {
        return .failure(error)
      }
    }
    guard case .success(let plan) = outcome else {
      if case .failure(let error) = outcome { context.console.error("error: \(error.description)\n") }
      return CommandLineTool.exitError
    }
    let includeUnmanaged = parsed.flag("include-unmanaged")
    let renderer = PlanRenderer(plan: plan, mode: .drift(includeUnmanaged: includeUnmanaged))
    switch format {
    case .json: context.console.write(renderer.json())
    case .markdown: context.console.write(renderer.markdown())
    default: context.console.write(renderer.text(style: context.console.outStyle))
    }
    let drifted = plan.hasChanges || (includeUnmanaged && !plan.unmanaged.isEmpty)
    return drifted ? CommandLineTool.exitChanges : CommandLineTool.exitOK
  }
}
