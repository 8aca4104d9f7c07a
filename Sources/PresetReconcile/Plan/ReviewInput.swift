import Foundation
import PresetCompiler
import PresetCore
import PresetModel

/// Loads one side of `presetctl diff`: presets compiled at a git revision or in the working tree, or a bundle.
package enum ReviewInput {
  /// Which side of the comparison.
  package enum Role: String, Sendable {
    /// The old side (`--base`, or the first bundle).
    case base
    /// The new side (`--head`, the working tree, or the second bundle).
    case head
  }

  /// A loaded side.
  package struct Side: Sendable {
    /// Base or head.
    package var role: Role
    /// How output names it: the revision as given, `working tree`, or the bundle path.
    package var label: String
    /// The compiled presets, sorted by slug.
    package var presets: [Preset]
    /// The folder the presets were compiled from (the working tree or an extracted revision); nil for bundles.
    package var root: URL?
    /// True when PATH does not exist on this side (a folder added or deleted by the change): no presets.
    package var pathMissing: Bool
    /// Findings about the files PATH holds (`input.extension-case`: files not read), shown even on success.
    package var warnings: [Diagnostic] = []
    /// The `presetctl.yaml` read while compiling (empty for bundles and a missing PATH).
    package var config = RepositoryConfig()
    /// The environment compiled for; nil for the default presets.
    package var environment: String?
    /// Remarks for the report about this side (an environment declared on one side only).
    package var notes: [String] = []
  }

  /// A revision's tree extracted once (or the working tree), ready to be compiled for several environments.
  package struct Tree: Sendable {
    /// Base or head.
    package var role: Role
    /// The revision as given, or `working tree`.
    package var label: String
    /// The folder holding the tree.
    package var root: URL
  }

  /// Why a side could not be loaded.
  package struct Failure: Error, Sendable {
    /// Base or head.
    package var role: Role
    /// The side's label.
    package var label: String
    /// One line: what failed.
    package var message: String
    /// The compiler's diagnostics when the presets do not compile; empty for other failures.
    package var diagnostics: [Diagnostic]
    /// The folder the diagnostics' files are relative to, for source snippets.
    package var root: URL?
    /// The stable code: `git.revision`, `diff.does-not-compile`, or the code of an unreadable bundle.
    package var code = "diff.input"
  }

  /// The label of the working tree side.
  package static let workingTreeLabel = "working tree"

  /// PATH relative to the repository root (`presets`, or `` for the root itself); nil when outside it.
  package static func relativePath(_ path: String, repositoryRoot: URL) -> String? {
    var url = URL(fileURLWithPath: path).standardizedFileURL
    if FileManager.default.fileExists(atPath: url.path) { url = url.resolvingSymlinksInPath() }
    let full = url.path
    let root = repositoryRoot.resolvingSymlinksInPath().path
    return PathContainment.relative(full, to: root)
  }

  /// Compiles `relativePath` at `revision` (extracted below `scratch`), or in the working tree when nil.
  ///
  /// A side without presets loads as empty whatever `compiler.options.requirePresets` says (a new presets
  /// folder has no presets at base); `DiffCommand` decides whether both sides empty is an error.
  package static func load(
    role: Role, revision: String?, relativePath: String, repositoryRoot: URL, scratch: URL,
    compiler: Compiler = Compiler()
  ) -> Result<Side, Failure> {
    tree(role: role, revision: revision, repositoryRoot: repositoryRoot, scratch: scratch).flatMap {
      compile($0, relativePath: relativePath, compiler: compiler)
    }
  }

  /// Extracts `revision` below `scratch` (nothing to do for the working tree, when nil).
  package static func tree(role: Role, revision: String?, repositoryRoot: URL, scratch: URL) -> Result<Tree, Failure> {
    let label = revision ?? workingTreeLabel
    guard let revision else { return .success(Tree(role: role, label: label, root: repositoryRoot)) }
    let root = scratch.appendingPathComponent(role.rawValue, isDirectory: true)
    do {
      try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    } catch {
      return .failure(
        Failure(
          role: role, label: label, message: "cannot create a temporary folder: \(error.localizedDescription)",
          diagnostics: [], root: nil))
    }
    do {
      let resolved = try GitRevision.resolve(revision, repositoryRoot: repositoryRoot)
      try resolved.extract(to: root)
    } catch {
      return .failure(
        Failure(role: role, label: label, message: error.message, diagnostics: [], root: nil, code: "git.revision"))
    }
    return .success(Tree(role: role, label: label, root: root))
  }

  /// Compiles `relativePath` of an extracted tree with `compiler` (its environment, if any, included).
  package static func compile(_ tree: Tree, relativePath: String, compiler: Compiler) -> Result<Side, Failure> {
    let (role, label, root) = (tree.role, tree.label, tree.root)
    let environment = compiler.options.environment
    let target = relativePath.isEmpty ? root : root.appendingPathComponent(relativePath)
    guard FileManager.default.fileExists(atPath: target.path) else {
      return .success(
        Side(role: role, label: label, presets: [], root: root, pathMissing: true, environment: environment))
    }
    var sideCompiler = compiler
    sideCompiler.options.requirePresets = false
    let result = sideCompiler.compile(paths: [target.path], layout: RepositoryLayout(root: root))
    if result.hasErrors {
      let scope = environment.map { " for environment `\($0)`" } ?? ""
      return .failure(
        Failure(
          role: role, label: label, message: "the presets at \(role.rawValue) (\(label))\(scope) do not compile",
          diagnostics: result.diagnostics, root: root, code: "diff.does-not-compile"))
    }
    return .success(
      Side(
        role: role, label: label, presets: result.presets, root: root, pathMissing: false,
        warnings: result.diagnostics.filter { $0.code.hasPrefix("input.") }, config: result.config,
        environment: environment))
  }

  /// Reads a bundle file written by `presetctl build`.
  package static func bundle(role: Role, path: String) -> Result<Side, Failure> {
    do throws(DesiredState.Failure) {
      let bundle = try DesiredState.readCompiled(path, allowPlan: false)
      return .success(Side(role: role, label: path, presets: bundle.presets, root: nil, pathMissing: false))
    } catch {
      let message = error.diagnostics.first?.message ?? "\(path) is not a usable bundle"
      return .failure(Failure(role: role, label: path, message: message, diagnostics: [], root: nil))
    }
  }
}
