/// `presetctl drift [PATH|BUNDLE]`: the scheduled check that live presets still match the repository.
enum DriftCommand {
  static let command = CommandLineTool.Command(
    parser: ArgumentParser(
      commandName: "presetctl drift", abstract: "Check that live presets match the repository (exit 2 on drift).",
      positionalUsage: "[PATH|BUNDLE]", maxPositionals: 1,
      options: [
        .value("env", "NAME", "Compile for an environment declared in presetctl.yaml (its slugs and overrides)."),
        .flag("include-unmanaged", "Count live presets the repository does not define as drift."),
        .value("format", "FORMAT", "Output format: text, json or markdown (default text)."),
        DesiredState.targetOption, Compiler.allowEmptyOption,
      ] + RemoteOptions.options,
      discussion: "Exit status: 0 in sync, 2 drift (changed or missing presets), 1 error."),
    run: run)

  static func run(_ parsed: ArgumentParser.Parsed, _ context: CommandLineTool.Context) -> Int32 {
    guard let format = CommandLineTool.format(parsed, allowed: [.text, .json, .markdown], context: context),
      let parallelism = RemoteOptions.parallelism(parsed, context),
      let desired = DesiredState.load(parsed, allowPlan: false, context),
      let client = RemoteOptions.client(parsed, context)
    else { return CommandLineTool.exitError }
    guard
      let plan = PlanCommand.livePlan(
        desired.presets, target: desired.target, client: client, parallelism: parallelism, context)
    else {
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
