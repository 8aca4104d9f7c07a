import Foundation
import PresetCompiler
import PresetCore
import PresetModel
import PresetReconcile
import PresetRender

/// `presetctl diff --base REV [--head REV] [PATH]` and `presetctl diff OLD.json NEW.json`: the pull-request review.
enum DiffCommand {
  static let command = CommandLineTool.Command(
    parser: ArgumentParser(
      commandName: "presetctl diff", abstract: "Compare presets between two git revisions or two bundles.",
      positionalUsage: "[PATH] | OLD.bundle.json NEW.bundle.json", maxPositionals: 2,
      options: [
        .value("base", "REV", "The old revision (a branch, tag or commit)."),
        .value("head", "REV", "The new revision (default: the working tree)."),
        .value("format", "FORMAT", "Output format: text, json, markdown or github (default text)."),
        .value("context", "N", "Unchanged lines around each prompt change (default 3)."),
        .value("env", "NAME", "Compare only this environment (default: every one of presetctl.yaml)."),
        .flag("detailed-exitcode", "Exit 2 when presets differ, 0 when none, 1 on errors."),
        PresetTarget.option, Compiler.allowEmptyOption,
      ],
      discussion: """
        With --base, PATH (default 'presets') is compiled at both revisions; the revision's tree is read
        through git into a temporary folder, the working tree is never touched. Without --base, give two
        bundle files written by 'presetctl build'. Without --env, when presetctl.yaml declares environments,
        the default presets and every environment are compared, each reported on its own.
        Exit status: 0 no differences (or differences without --detailed-exitcode), 2 differences with
        --detailed-exitcode, 1 error (including presets that do not compile at either side).
        """),
    run: run)

  static func run(_ parsed: ArgumentParser.Parsed, _ context: CommandLineTool.Context) throws(CommandFailure) -> Int32 {
    let console = context.console
    let format = try CommandLineTool.format(parsed, allowed: OutputFormat.allCases)
    let lines = try parsed.number("context", range: 0...10_000, whole: true).map { Int($0) } ?? 3
    let fm = FileManager.default
    let scratch = fm.temporaryDirectory.appendingPathComponent("presetctl-diff-\(UUID().uuidString)")
    defer { try? fm.removeItem(at: scratch) }

    var sides:
      [(base: Result<ReviewInput.Side, ReviewInput.Failure>, head: Result<ReviewInput.Side, ReviewInput.Failure>)]
    var notes: [String] = []
    if let base = parsed.value("base") {
      guard parsed.positionals.count <= 1 else {
        throw CommandFailure.usage(
          "with --base, give at most one PATH (got \(parsed.positionals.count))",
          hint: "presetctl diff --base REV [--head REV] [PATH]; two bundles are compared without --base")
      }
      let path = parsed.positionals.first ?? "presets"
      let root: URL
      do {
        root = try GitRevision.repositoryRoot(near: existingFolder(of: path))
      } catch {
        throw CommandFailure(
          "git.no-repository", "--base needs a git repository, but \(path) is not in one: \(error.message)",
          hint: "run it inside a git checkout, or compare two bundles: presetctl diff OLD.json NEW.json")
      }
      guard let relative = ReviewInput.relativePath(path, repositoryRoot: root) else {
        throw CommandFailure(
          "git.outside-repository", "\(path) lies outside the git repository at \(root.path)",
          hint: "give a PATH inside the repository, or run presetctl from the repository it belongs to")
      }
      let compiler = Compiler.forCommand(parsed, retainRequest: false)
      let trees = (
        base: ReviewInput.tree(role: .base, revision: base, repositoryRoot: root, scratch: scratch),
        head: ReviewInput.tree(role: .head, revision: parsed.value("head"), repositoryRoot: root, scratch: scratch)
      )
      let primary = (
        base: trees.base.flatMap { ReviewInput.compile($0, relativePath: relative, compiler: compiler) },
        head: trees.head.flatMap { ReviewInput.compile($0, relativePath: relative, compiler: compiler) }
      )
      sides = [primary]
      if case .success(let b) = primary.base, case .success(let h) = primary.head {
        let shown = relative.isEmpty ? "the repository root" : "`\(relative)`"
        if b.pathMissing && h.pathMissing {
          throw CommandFailure(
            "input.not-found", "\(path) exists neither at base (\(b.label)) nor at head (\(h.label))",
            hint: "check PATH (relative to the current folder; default 'presets')")
        }
        for side in [b, h] where !side.warnings.isEmpty {
          let renderer = DiagnosticRenderer(style: console.errStyle)
          console.error("\(side.role.rawValue) (\(side.label)):\n" + renderer.render(side.warnings, format: .text))
        }
        // One empty side is a folder added or removed; both empty is a mistyped PATH, as for the other commands.
        if b.presets.isEmpty && h.presets.isEmpty && !parsed.flag("allow-empty") {
          throw CommandFailure(
            "input.no-presets",
            "no presets in \(path) at base (\(b.label)) or head (\(h.label)); searched \(Compiler.searchedFiles)",
            hint: "check PATH, or pass --allow-empty if that is intended")
        }
        if b.pathMissing { notes.append("\(shown) does not exist at base (\(b.label)): every preset counts as added") }
        if h.pathMissing {
          notes.append("\(shown) does not exist at head (\(h.label)): every preset counts as removed")
        }
        if parsed.value("env") == nil, case .success(let bt) = trees.base, case .success(let ht) = trees.head {
          sides += environmentSides(
            base: (bt, b), head: (ht, h), relativePath: relative, compiler: compiler)
        }
      }
    } else {
      guard parsed.value("env") == nil else {
        throw CommandFailure.usage(
          "--env applies when compiling, but bundles are already compiled",
          hint: "build each bundle with `presetctl build --env NAME`, or compare revisions with --base")
      }
      guard parsed.value("head") == nil else {
        throw CommandFailure.usage("--head needs --base", hint: "presetctl diff --base REV --head REV [PATH]")
      }
      guard parsed.positionals.count == 2 else {
        throw CommandFailure.usage(
          "give --base REV to compare git revisions, or two bundle files (OLD NEW)",
          hint: "presetctl diff --base main presets, or presetctl diff old.bundle.json new.bundle.json")
      }
      sides = [
        (
          ReviewInput.bundle(role: .base, path: parsed.positionals[0]),
          ReviewInput.bundle(role: .head, path: parsed.positionals[1])
        )
      ]
    }

    let target = PresetTarget(parsed.values["target"] ?? [])
    if let target {
      do throws(PresetTarget.NoMatch) {
        try target.check(
          slugs: sides.flatMap { [$0.base, $0.head] }.flatMap { (try? $0.get().presets) ?? [] }.map(\.slug))
      } catch {
        console.error("error[\(PresetTarget.NoMatch.code)]: \(SafeText.terminal(error.message))\n")
        return CommandLineTool.exitError
      }
    }
    var reviews: [Review] = []
    var failures: [ReviewInput.Failure] = []
    for pair in sides {
      switch pair {
      case (.success(let base), .success(let head)):
        reviews.append(review(base: base, head: head, target: target))
      default:
        if case .failure(let f) = pair.base { failures.append(f) }
        if case .failure(let f) = pair.head { failures.append(f) }
      }
    }
    guard failures.isEmpty, var primary = reviews.first else {
      let summary = failures.map { Diagnostic.error($0.code, $0.message) }
      let compileFailures = failures.filter { !$0.diagnostics.isEmpty }
      guard !compileFailures.isEmpty else { throw CommandFailure(summary) }
      // The compile diagnostics are the report (one document in the format); the one-line reasons go to stderr.
      console.write(ReviewFailureRenderer(failures: compileFailures).render(format, style: console.outStyle))
      for line in summary { console.report([line], format: .text) }
      throw CommandFailure.alreadyReported
    }
    primary.notes = notes + primary.notes
    let environments = Array(reviews.dropFirst())
    let renderer = ReviewRenderer(review: primary, context: lines, environments: environments)
    console.write(renderer.render(format, style: console.outStyle))
    return parsed.flag("detailed-exitcode") && renderer.hasChanges
      ? CommandLineTool.exitChanges : CommandLineTool.exitOK
  }

  /// The review of two loaded sides (limited to `target`), with head lines located and environment overrides attributed to
  /// `presetctl.yaml`.
  static func review(base: ReviewInput.Side, head: ReviewInput.Side, target: PresetTarget? = nil) -> Review {
    var review = Review(
      base: target?.filter(base.presets) ?? base.presets, head: target?.filter(head.presets) ?? head.presets,
      baseLabel: base.label, headLabel: head.label)
    review.target = target
    review.environment = head.environment ?? base.environment
    review.notes = base.notes + head.notes
    if let root = head.root { review.locateChanges(headRoot: root) }
    if let name = head.environment, let environment = head.config.environment(named: name) {
      review.attributeOverrides(environment, configFile: RepositoryConfig.fileName)
    }
    return review
  }

  /// Both sides compiled for every environment either side declares, in head's order then base-only ones. An
  /// environment declared on one side only counts as empty on the other (every preset added, or removed).
  static func environmentSides(
    base: (tree: ReviewInput.Tree, side: ReviewInput.Side), head: (tree: ReviewInput.Tree, side: ReviewInput.Side),
    relativePath: String, compiler: Compiler
  ) -> [(base: Result<ReviewInput.Side, ReviewInput.Failure>, head: Result<ReviewInput.Side, ReviewInput.Failure>)] {
    let baseNames = base.side.config.environments.map(\.name)
    let headNames = head.side.config.environments.map(\.name)
    var names = headNames
    for name in baseNames where !names.contains(name) { names.append(name) }
    return names.map { name in
      var envCompiler = compiler
      envCompiler.options.environment = name
      func side(
        _ loaded: (tree: ReviewInput.Tree, side: ReviewInput.Side), declared: [String]
      ) -> Result<ReviewInput.Side, ReviewInput.Failure> {
        guard declared.contains(name) else {
          var empty = loaded.side
          empty.presets = []
          empty.environment = name
          return .success(empty)
        }
        return ReviewInput.compile(loaded.tree, relativePath: relativePath, compiler: envCompiler)
      }
      var pair = (base: side(base, declared: baseNames), head: side(head, declared: headNames))
      // Say why a whole environment appears or disappears.
      if !baseNames.contains(name), case .success(var h) = pair.head {
        h.notes.append(
          "environment `\(name)` is not declared at base (\(base.side.label)): every preset counts as added")
        pair.head = .success(h)
      }
      if !headNames.contains(name), case .success(var h) = pair.head {
        h.notes.append(
          "environment `\(name)` is not declared at head (\(head.side.label)): every preset counts as removed")
        pair.head = .success(h)
      }
      return pair
    }
  }

  /// The nearest existing folder at or above `path` (PATH may be missing in the working tree), for finding git.
  static func existingFolder(of path: String) -> URL {
    var url = URL(fileURLWithPath: path).standardizedFileURL
    var isDirectory: ObjCBool = false
    while !(FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue) {
      let parent = url.deletingLastPathComponent()
      if parent.path == url.path { break }
      url = parent
    }
    return url
  }
}
