import PresetCompiler
import PresetCore
import PresetModel
import PresetReconcile
import PresetRender

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
        .value(
          "format", "FORMAT",
          "Output format: text, json, markdown or github (the text report, errors as annotations; default text)."),
        PresetTarget.option, Compiler.allowEmptyOption,
      ] + RemoteOptions.options,
      discussion: "PATH defaults to 'presets'; a .json file is read as a bundle."),
    run: run)

  static func run(_ parsed: ArgumentParser.Parsed, _ context: CommandLineTool.Context) throws(CommandFailure) -> Int32 {
    let format = try CommandLineTool.format(parsed, allowed: OutputFormat.allCases)
    let remote = try RemoteOptions(parsed, context)
    let desired = try desired(parsed, allowPlan: false, context)
    let client = try remote.makeClient()
    // `--out` is checked before any request: never a node other than a regular file, never an input.
    let console = context.console
    var target: OutputTarget?
    if let out = parsed.value("out") {
      do throws(AtomicFile.WriteError) {
        let resolved = try OutputTarget.resolve(out, standardOutput: { console.write($0) })
        try resolved.refuseOverwriting(sources(parsed.positionals.first ?? "presets", desired.presets))
        target = resolved
      } catch {
        throw CommandFailure(error)
      }
    }
    let plan = try livePlan(
      desired.presets, target: desired.target, client: client, parallelism: remote.parallelism, context)
    if let target {
      do throws(AtomicFile.WriteError) {
        try AtomicFile.write(
          JSONWriter.bytes(PlanFile(plan: plan, apiURL: client.configuration.baseURL).json, options: .pretty),
          to: target)
        if !target.isStandardOutput { console.error("plan saved to \(target.requested)\n") }
      } catch {
        throw CommandFailure(error)
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

  /// The desired presets of `plan`, `apply` and `drift` from PATH (default `presets`), `--env` and
  /// `--allow-empty`; files that were not read are reported as warnings on stderr.
  static func desired(
    _ parsed: ArgumentParser.Parsed, allowPlan: Bool, _ context: CommandLineTool.Context
  ) throws(CommandFailure) -> DesiredState.Loaded {
    let path = parsed.positionals.first ?? "presets"
    let loaded: DesiredState.Loaded
    do throws(DesiredState.Failure) {
      loaded = try DesiredState.load(
        path, allowPlan: allowPlan, environment: parsed.value("env"), requirePresets: !parsed.flag("allow-empty"),
        isCompiledFile: CompiledInput.format(ofFile: path) != nil)
      if !loaded.warnings.isEmpty, let compiled = loaded.compiled {
        let renderer = DiagnosticRenderer.forResult(compiled, style: context.console.errStyle)
        context.console.error(renderer.render(loaded.warnings, format: .text))
      }
    } catch {
      throw CommandFailure(error)
    }
    return try targeted(loaded, path: path, parsed)
  }

  /// `loaded` limited to `--target`: a pattern matching none is an error, and a saved plan (whose scope was
  /// fixed when it was made) refuses it.
  static func targeted(
    _ loaded: DesiredState.Loaded, path: String, _ parsed: ArgumentParser.Parsed
  ) throws(CommandFailure) -> DesiredState.Loaded {
    guard let target = PresetTarget(parsed.values["target"] ?? []) else { return loaded }
    if loaded.planFile != nil {
      throw CommandFailure(
        "target.saved-plan", "\(path) is a saved plan, whose presets were fixed when it was made",
        hint: "--target cannot narrow it: run `presetctl plan --target ... --out PLAN` and apply that plan")
    }
    var result = loaded
    do throws(PresetTarget.NoMatch) {
      result.presets = try target.select(loaded.presets)
    } catch {
      throw CommandFailure(PresetTarget.NoMatch.code, error.message)
    }
    result.target = target
    return result
  }

  /// What the desired state was read from: a bundle file, or a repository (its YAML, the path, prompt files).
  static func sources(_ path: String, _ presets: [Preset]) -> OutputTarget.Sources {
    guard !path.hasSuffix(".json") else { return OutputTarget.Sources(root: nil, files: [path]) }
    return RepositoryLayout(containing: path).sources(
      input: path, promptFiles: presets.compactMap(\.promptSource?.file))
  }

  /// Reads the live state for `presets` (one GET each plus the list pages), limited to `target`; listing
  /// warnings go to stderr.
  static func livePlan(
    _ presets: [Preset], target: PresetTarget? = nil, client: OpenRouterClient, parallelism: Int,
    _ context: CommandLineTool.Context
  ) throws(CommandFailure) -> PresetPlan {
    context.console.progress("reading \(presets.count) live preset(s)…\n")
    let planner = Planner(client: client, parallelism: parallelism)
    do throws(RemoteError) {
      let whole = try AsyncBridge.run { () async throws(RemoteError) -> PresetPlan in
        try await planner.plan(for: presets)
      }
      let plan = target.map { $0.restrict(whole) } ?? whole
      let renderer = DiagnosticRenderer(style: context.console.errStyle)
      if !plan.warnings.isEmpty { context.console.error(renderer.text(plan.warnings)) }
      return plan
    } catch {
      throw CommandFailure(error)
    }
  }
}
