import PresetCompiler
import PresetPolicy
import PresetReconcile
import PresetRender

/// `presetctl drift [PATH|BUNDLE]`: the scheduled check that live presets still match the repository.
enum DriftCommand {
  static let command = CommandLineTool.Command(
    parser: ArgumentParser(
      commandName: "presetctl drift", abstract: "Check that live presets match the repository (exit 2 on drift).",
      positionalUsage: "[PATH|BUNDLE]", maxPositionals: 1,
      options: [
        .value("env", "NAME", "Compile for an environment declared in presetctl.yaml (its slugs and overrides)."),
        .flag("include-unmanaged", "Count live presets the repository does not define as drift."),
        .value(
          "format", "FORMAT",
          "Output format: text, json, markdown or github (the text report, errors as annotations; default text)."),
        PresetTarget.option, Compiler.allowEmptyOption,
      ] + RemoteOptions.options,
      discussion: "Exit status: 0 in sync, 2 drift (changed or missing presets), 1 error."),
    run: run)

  static func run(_ parsed: ArgumentParser.Parsed, _ context: CommandLineTool.Context) throws(CommandFailure) -> Int32 {
    let format = try CommandLineTool.format(parsed, allowed: OutputFormat.allCases)
    let remote = try RemoteOptions(parsed, context)
    let desired = try PlanCommand.desired(parsed, allowPlan: false, context)
    let client = try remote.makeClient()
    let plan = try PlanCommand.livePlan(
      desired.presets, target: desired.target, client: client, parallelism: remote.parallelism, context)
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
