/// The presets of one environment from `Compiler.compileAllEnvironments`.
package struct CompiledEnvironment<Value: Sendable>: Sendable {
  /// The environment's name; nil for the presets without an environment (what commands compile without
  /// `--env` when no environment is marked `default: true`).
  package var name: String?
  /// One value per preset that compiled without errors in this environment, sorted by its slug there.
  package var values: [Value]

  /// The label diagnostics use for it (`(default)` for the presets without an environment).
  package var label: String { name ?? CompiledEnvironment.noEnvironmentLabel }

  /// The label of the compilation without an environment.
  static var noEnvironmentLabel: String { "(default)" }
}
