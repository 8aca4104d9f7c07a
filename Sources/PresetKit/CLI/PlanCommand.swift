/// `presetctl plan [PATH|BUNDLE] [--out PLAN|-]`: compare desired presets with live ones and show what apply would do.
enum PlanCommand {
  static let command = CommandLineTool.Command(
    parser: ArgumentParser(
      commandName: "presetctl plan", abstract: "Show what apply would create or update.",
      positionalUsage: "[PATH|BUNDLE]", maxPositionals: 1,
      options: [
        .value("env", "NAME", "Compile for an environment declared in presetctl.yaml (its slugs and overrides)."),
        .value("out", "PLAN", "Save the plan for 'apply PLAN' (refused later if live presets moved); - for stdout."),
        .flag("detailed-exitcode", "Exit 2 when there are changes, 0 when none, 1 on errors."),
        .value("format", "FORMAT", "Output format: text, json or markdown (default text)."),
        DesiredState.targetOption, Compiler.allowEmptyOption,
      ] + RemoteOptions.options,
      discussion: "PATH defaults to 'presets'; a .json file is read as a bundle."),
    run: run)

  static func run(_ parsed: ArgumentParser.Parsed, _ context: CommandLineTool.Context) -> Int32 {
    guard let format = CommandLineTool.format(parsed, allowed: [.text, .json, .markdown], context: context),
      let parallelism = RemoteOptions.parallelism(parsed, context),
      let desired = DesiredState.load(parsed, allowPlan: false, context),
      let client = RemoteOptions.client(parsed, context)
    else { return CommandLineTool.exitError }
    // `--out` is checked before any request: never a node other than a regular file, never an input.
    let console = context.console
    var target: OutputTarget?
    if let out = parsed.value("out") {
      do throws(AtomicFile.WriteError) {
        let resolved = try OutputTarget.resolve(out, standardOutput: { console.write($0) })
        try resolved.refuseOverwriting(sources(parsed.positionals.first ?? "presets", desired.presets))
        target = resolved
      } catch {
        console.error(error)
        return CommandLineTool.exitError
      }
    }
    guard
      let plan = livePlan(desired.presets, target: desired.target, client: client, parallelism: parallelism, context)
    else {
      return CommandLineTool.exitError
    }
    if let target {
      do throws(AtomicFile.WriteError) {
        try AtomicFile.write(
          JSONWriter.bytes(PlanFile(plan: plan, apiURL: client.configuration.baseURL).json, options: .pretty),
          to: target)
        if !target.isStandardOutput { console.error("plan saved to \(target.requested)\n") }
      } catch {
        console.error(error)
        return CommandLineTool.exitError
      }
    }
    // With `--out -` the saved plan is stdout; the report then goes to stderr.
    let toStderr = target?.isStandardOutput ?? false
    func show(_ text: String) {
      if toStderr { console.error(text) } else { console.write(text) }
    }
    let renderer = PlanRenderer(plan: plan)
    switch format {
    case .json: show(renderer.json())
    case .markdown: show(renderer.markdown())
    default: show(renderer.text(style: toStderr ? console.errStyle : console.outStyle))
    }
    return parsed.flag("detailed-exitcode") && plan.hasChanges ? CommandLineTool.exitChanges : CommandLineTool.exitOK
  }

  /// What the desired state was read from: a bundle file, or a repository (its YAML, the path, prompt files).
  static func sources(_ path: String, _ presets: [Preset]) -> OutputTarget.Sources {
    guard !path.hasSuffix(".json") else { return OutputTarget.Sources(root: nil, files: [path]) }
    let layout = RepositoryLayout(containing: path)
    let prompts = presets.compactMap(\.promptSource?.file).map { $0.hasPrefix("/") ? $0 : layout.root.path + "/" + $0 }
    return OutputTarget.Sources(root: layout, files: [path] + prompts)
  }

  /// Reads the live state for `presets` (one GET each plus the list pages), limited to `target`; reports and
  /// returns nil on failure.
  static func livePlan(
    _ presets: [Preset], target: PresetTarget? = nil, client: OpenRouterClient, parallelism: Int,
    _ context: CommandLineTool.Context
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
    case .success(let whole):
      let plan = target.map { $0.restrict(whole) } ?? whole
      let renderer = DiagnosticRenderer(style: context.console.errStyle)
      for warning in plan.warnings { context.console.error(renderer.text(warning)) }
      return plan
    case .failure(let error):
      context.console.error("error: \(SafeText.terminal(error.description))\n")
      return nil
    }
  }
}
