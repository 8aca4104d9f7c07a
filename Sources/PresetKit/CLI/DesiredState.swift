import Foundation

/// Loads the desired presets for plan/apply/drift from a repository path, a bundle file or a saved plan.
enum DesiredState {
  /// What was loaded.
  struct Loaded {
    var presets: [Preset]
    var planFile: PlanFile?
  }

  /// A `.json` file is read as a bundle or a saved plan; anything else is compiled. Reports and returns nil on errors.
  static func load(
    _ path: String, allowPlan: Bool, environment: String?, _ context: CommandLineTool.Context
  ) -> Loaded? {
    if path.hasSuffix(".json") {
      if let environment {
        context.console.error("error: --env \(environment) applies when compiling; \(path) is already compiled\n")
        return nil
      }
      do {
        let bytes = try FileReader.read(path, limit: 512 * 1024 * 1024)
        let json = try JSONParser.parse(bytes)
        if json["format"]?.stringValue == PlanFile.format {
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
    let result = Compiler(options: options).compile(path: path)
    if result.hasErrors {
      let renderer = DiagnosticRenderer.forResult(result, style: context.console.errStyle)
      context.console.error(renderer.render(result.diagnostics, format: .text))
      context.console.error("error: the presets do not compile; nothing was sent\n")
      return nil
    }
    return Loaded(presets: result.presets, planFile: nil)
  }
}
