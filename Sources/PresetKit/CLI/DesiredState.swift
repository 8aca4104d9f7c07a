import Foundation

/// Loads the desired presets for plan/apply/drift from a repository path, a bundle file or a saved plan.
enum DesiredState {
  /// What was loaded.
  struct Loaded {
    var presets: [Preset]
    var planFile: PlanFile?
    /// The `--target` the presets were limited to.
    var target: PresetTarget?
  }

  /// `--target SLUG` of plan, apply, drift and diff.
  static let targetOption = ArgumentParser.Option.value(
    "target", "SLUG", "Only the presets whose slug matches (repeatable; globs * and ?); the summary says so.",
    repeatable: true)

  /// Loads like `load(_:allowPlan:environment:requirePresets:_:)`, then limits the presets to `--target`: a
  /// pattern matching none is an error, and a saved plan (whose scope was fixed when it was made) refuses it.
  static func load(
    _ parsed: ArgumentParser.Parsed, allowPlan: Bool, _ context: CommandLineTool.Context
  ) -> Loaded? {
    let path = parsed.positionals.first ?? "presets"
    guard
      var loaded = load(
        path, allowPlan: allowPlan, environment: parsed.value("env"), requirePresets: !parsed.flag("allow-empty"),
        context)
    else { return nil }
    guard let target = PresetTarget(parsed.values["target"] ?? []) else { return loaded }
    if loaded.planFile != nil {
      context.console.error(
        "error[target.saved-plan]: \(SafeText.terminal(path)) is a saved plan, whose presets were fixed when it was "
          + "made; --target cannot narrow it: run `presetctl plan --target ... --out PLAN` and apply that plan\n")
      return nil
    }
    do throws(PresetTarget.NoMatch) {
      loaded.presets = try target.select(loaded.presets)
    } catch {
      context.console.error("error[\(PresetTarget.NoMatch.code)]: \(SafeText.terminal(error.message))\n")
      return nil
    }
    loaded.target = target
    return loaded
  }

  /// A `.json` file (or any file whose content is presetctl JSON) is read as a bundle or a saved plan; anything
  /// else is compiled (with `requirePresets`, a PATH without presets is an error). Reports and returns nil on errors.
  static func load(
    _ path: String, allowPlan: Bool, environment: String?, requirePresets: Bool = true,
    _ context: CommandLineTool.Context
  ) -> Loaded? {
    if path.hasSuffix(".json") || CompiledInput.format(ofFile: path) != nil {
      if let environment {
        context.console.error("error: --env \(environment) applies when compiling; \(path) is already compiled\n")
        return nil
      }
      do {
        let bytes = try FileReader.read(path, limit: 512 * 1024 * 1024)
        let json = try JSONParser.parse(bytes)
        if isPlan(json) {
          guard allowPlan else {
            context.console.error("error: \(path) is a saved plan; only 'apply' takes a plan\n")
            return nil
          }
          let plan = try PlanFile(json: json)
          return Loaded(presets: plan.bundle.presets, planFile: plan)
        }
        return Loaded(presets: try PresetBundle(json: json).presets, planFile: nil)
      } catch let error as FileReader.Failure {
        context.console.error("error: \(SafeText.terminal(error.message(for: path)))\n")
      } catch let error as JSONParser.Error {
        context.console.error(
          SafeText.terminal("error: \(path):\(error.line):\(error.column): \(error.message)") + "\n")
      } catch {
        context.console.error(SafeText.terminal("error: \(path): \(error)") + "\n")
      }
      return nil
    }
    var options = Compiler.Options()
    options.environment = environment
    options.requirePresets = requirePresets
    let result = Compiler(options: options).compile(path: path)
    let renderer = DiagnosticRenderer.forResult(result, style: context.console.errStyle)
    if result.hasErrors {
      context.console.error(renderer.render(result.diagnostics, format: .text))
      context.console.error("error: the presets do not compile; nothing was sent\n")
      return nil
    }
    // Files that are not read (`input.extension-case`) are said even when everything compiles.
    let inputWarnings = result.diagnostics.filter { $0.code.hasPrefix("input.") }
    if !inputWarnings.isEmpty { context.console.error(renderer.render(inputWarnings, format: .text)) }
    return Loaded(presets: result.presets, planFile: nil)
  }

  /// A plan by its format, or by its layout (`entries` beside `bundle`) when the format was edited, so a
  /// hand-edited plan is refused as a plan ("expected presetctl.plan/v2, found ...") and not read as a bundle.
  static func isPlan(_ json: JSONValue) -> Bool {
    if let format = json["format"]?.stringValue, format.hasPrefix("presetctl.plan/") { return true }
    return json["entries"] != nil && json["bundle"] != nil
  }
}
