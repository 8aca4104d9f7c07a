import PresetCompiler
import PresetCore
import PresetModel

/// The desired presets of plan/apply/drift (from a repository path, a bundle file or a saved plan) and the
/// bundle sides of `diff`: the one reader of presetctl's compiled files.
package enum DesiredState {
  /// Bundles and plans can be large; a compiled file is read up to this size.
  package static let fileLimit = ByteLimits.jsonDocument

  /// What was loaded.
  package struct Loaded: Sendable {
    /// The desired presets.
    package var presets: [Preset]
    /// The saved plan, when the input was one.
    package var planFile: PlanFile?
    /// The `--target` the presets were limited to (nil: the whole set).
    package var target: PresetTarget?
    /// Findings about files that were not read (`input.extension-case`), said even when everything compiles.
    package var warnings: [Diagnostic] = []
    /// The compilation, when the input was compiled (for source snippets).
    package var compiled: CompileResult?

    /// Creates a value from its parts.
    package init(
      presets: [Preset], planFile: PlanFile? = nil, target: PresetTarget? = nil, warnings: [Diagnostic] = [],
      compiled: CompileResult? = nil
    ) {
      self.presets = presets
      self.planFile = planFile
      self.target = target
      self.warnings = warnings
      self.compiled = compiled
    }
  }

  /// Why nothing can be planned: diagnostics with stable codes (the compile errors, or one operational error).
  package struct Failure: Error, Sendable {
    /// The findings, at least one error.
    package var diagnostics: [Diagnostic]
    /// The compilation the diagnostics come from, if any (for source snippets).
    package var compiled: CompileResult?
  }

  /// A `.json` file (or any file whose content is presetctl JSON, see `compiledFormat`) is read as a bundle or
  /// a saved plan; anything else is compiled (with `requirePresets`, a PATH without presets is an error).
  package static func load(
    _ path: String, allowPlan: Bool, environment: String?, requirePresets: Bool = true,
    isCompiledFile: Bool
  ) throws(Failure) -> Loaded {
    if path.hasSuffix(".json") || isCompiledFile {
      if let environment {
        throw Failure(
          diagnostics: [
            .error(
              "input.env-on-compiled", "--env \(environment) applies when compiling, but \(path) is already compiled",
              hint: "build the bundle with `presetctl build --env \(environment)`, or give the preset folder")
          ])
      }
      return try readCompiled(path, allowPlan: allowPlan)
    }
    var options = Compiler.Options()
    options.environment = environment
    options.requirePresets = requirePresets
    let result = Compiler(options: options).compile(path: path)
    if result.hasErrors {
      let closing = Diagnostic.error(
        "input.does-not-compile", "the presets in \(path) do not compile; nothing was sent",
        hint: "fix the errors above (`presetctl validate \(path)` lists them)")
      throw Failure(diagnostics: result.diagnostics + [closing], compiled: result)
    }
    return Loaded(
      presets: result.presets, planFile: nil, warnings: result.diagnostics.filter { $0.code.hasPrefix("input.") },
      compiled: result)
  }

  /// Reads a bundle (`presetctl build`) or, with `allowPlan`, a saved plan (`presetctl plan --out`).
  package static func readCompiled(_ path: String, allowPlan: Bool) throws(Failure) -> Loaded {
    func fail(_ code: String, _ message: String, hint: String? = nil) -> Failure {
      Failure(diagnostics: [.error(code, message, hint: hint)])
    }
    let json: JSONValue
    do {
      json = try JSONParser.parse(try FileReader.read(path, limit: fileLimit))
    } catch let error as FileReader.Failure {
      throw fail(error.code, error.message(for: path))
    } catch let error as JSONParser.Error {
      throw Failure(diagnostics: [
        .error(
          "input.json",
          "\(path) is not a usable \(allowPlan ? "bundle or plan" : "bundle"): not valid JSON: \(error.message)",
          at: SourceLocation(file: path, line: error.line, column: error.column),
          hint: "give a bundle written by `presetctl build` (or a plan by `presetctl plan --out`), unedited")
      ])
    } catch {
      throw fail("input.unreadable", "cannot read \(path): \(error)")
    }
    if isPlan(json) {
      guard allowPlan else {
        throw fail(
          "input.plan-not-accepted", "\(path) is a saved plan, which only `presetctl apply` takes",
          hint: "run `presetctl apply \(path)`, or give the preset folder or a bundle")
      }
      do throws(PlanFile.ReadError) {
        let plan = try PlanFile(json: json)
        return Loaded(presets: plan.bundle.presets, planFile: plan)
      } catch {
        throw fail(
          error.reason.rawValue, "\(path): \(error.message)", hint: "make the plan again with `presetctl plan --out`")
      }
    }
    do throws(PresetBundle.ReadError) {
      return Loaded(presets: try PresetBundle(json: json).presets, planFile: nil)
    } catch {
      throw fail(
        "input.bundle", "\(path) is not a usable bundle: \(error.message)",
        hint: "build it again with `presetctl build`; bundles are not edited by hand")
    }
  }

  /// A plan by its format, or by its layout (`entries` beside `bundle`) when the format was edited, so a
  /// hand-edited plan is refused as a plan ("expected presetctl.plan/v2, found ...") and not read as a bundle.
  package static func isPlan(_ json: JSONValue) -> Bool {
    if let format = json["format"]?.stringValue, format.hasPrefix("presetctl.plan/") { return true }
    return json["entries"] != nil && json["bundle"] != nil
  }
}
