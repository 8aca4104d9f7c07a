import Foundation

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
        .value("env", "NAME", "Compile both revisions for an environment declared in presetctl.yaml."),
        .flag("detailed-exitcode", "Exit 2 when presets differ, 0 when none, 1 on errors."),
        Compiler.allowEmptyOption,
      ],
      discussion: """
        With --base, PATH (default 'presets') is compiled at both revisions; the revision's tree is read
        through git into a temporary folder, the working tree is never touched. Without --base, give two
        bundle files written by 'presetctl build'.
        Exit status: 0 no differences (or differences without --detailed-exitcode), 2 differences with
        --detailed-exitcode, 1 error (including presets that do not compile at either side).
        """),
    run: run)

  static func run(_ parsed: ArgumentParser.Parsed, _ context: CommandLineTool.Context) -> Int32 {
    let console = context.console
    guard let format = CommandLineTool.format(parsed, allowed: OutputFormat.allCases, context: context) else {
      return CommandLineTool.exitError
    }
    var lines = 3
    if let text = parsed.value("context") {
      guard let n = Int(text), n >= 0, n <= 10_000 else {
        console.error("error: --context takes a whole number from 0 to 10000, got '\(text)'\n")
        return CommandLineTool.exitError
      }
      lines = n
    }
    let fm = FileManager.default
    let scratch = fm.temporaryDirectory.appendingPathComponent("presetctl-diff-\(UUID().uuidString)")
    defer { try? fm.removeItem(at: scratch) }

    let sides:
      (base: Result<ReviewInput.Side, ReviewInput.Failure>, head: Result<ReviewInput.Side, ReviewInput.Failure>)
    var notes: [String] = []
    if let base = parsed.value("base") {
      guard parsed.positionals.count <= 1 else {
        console.error("error: with --base, give at most one PATH\n\(command.parser.usage)\n")
        return CommandLineTool.exitError
      }
      let path = parsed.positionals.first ?? "presets"
      let root: URL
      do {
        root = try GitRevision.repositoryRoot(near: existingFolder(of: path))
      } catch {
        console.error("error: --base needs a git repository: \(SafeText.terminal(error.message))\n")
        return CommandLineTool.exitError
      }
      guard let relative = ReviewInput.relativePath(path, repositoryRoot: root) else {
        console.error("error: \(path) lies outside the git repository at \(root.path)\n")
        return CommandLineTool.exitError
      }
      let head = parsed.value("head")
      let compiler = Compiler.forCommand(parsed)
      sides.base = ReviewInput.load(
        role: .base, revision: base, relativePath: relative, repositoryRoot: root, scratch: scratch, compiler: compiler)
      sides.head = ReviewInput.load(
        role: .head, revision: head, relativePath: relative, repositoryRoot: root, scratch: scratch, compiler: compiler)
      if case .success(let b) = sides.base, case .success(let h) = sides.head {
        let shown = relative.isEmpty ? "the repository root" : "`\(relative)`"
        if b.pathMissing && h.pathMissing {
          console.error("error: \(path) exists neither at base (\(b.label)) nor at head (\(h.label))\n")
          return CommandLineTool.exitError
        }
        for side in [b, h] where !side.warnings.isEmpty {
          let renderer = DiagnosticRenderer(style: console.errStyle)
          console.error("\(side.role.rawValue) (\(side.label)):\n" + renderer.render(side.warnings, format: .text))
        }
        // One empty side is a folder added or removed; both empty is a mistyped PATH, as for the other commands.
        if b.presets.isEmpty && h.presets.isEmpty && !parsed.flag("allow-empty") {
          console.error(
            "error[input.no-presets]: no presets in \(path) at base (\(b.label)) or head (\(h.label)); searched "
              + "\(Compiler.searchedFiles); pass --allow-empty if that is intended\n")
          return CommandLineTool.exitError
        }
        if b.pathMissing { notes.append("\(shown) does not exist at base (\(b.label)): every preset counts as added") }
        if h.pathMissing {
          notes.append("\(shown) does not exist at head (\(h.label)): every preset counts as removed")
        }
      }
    } else {
      guard parsed.value("env") == nil else {
        console.error("error: --env applies when compiling; bundles are already compiled\n")
        return CommandLineTool.exitError
      }
      guard parsed.value("head") == nil else {
        console.error("error: --head needs --base\n\(command.parser.usage)\n")
        return CommandLineTool.exitError
      }
      guard parsed.positionals.count == 2 else {
        console.error(
          "error: give --base REV to compare git revisions, or two bundle files (OLD NEW)\n\(command.parser.usage)\n")
        return CommandLineTool.exitError
      }
      sides.base = ReviewInput.bundle(role: .base, path: parsed.positionals[0])
      sides.head = ReviewInput.bundle(role: .head, path: parsed.positionals[1])
    }

    switch sides {
    case (.success(let base), .success(let head)):
      var review = Review(base: base.presets, head: head.presets, baseLabel: base.label, headLabel: head.label)
      review.notes = notes
      if let root = head.root { review.locateChanges(headRoot: root) }
      console.write(ReviewRenderer(review: review, context: lines).render(format, style: console.outStyle))
      return parsed.flag("detailed-exitcode") && review.hasChanges
        ? CommandLineTool.exitChanges : CommandLineTool.exitOK
    default:
      var failures: [ReviewInput.Failure] = []
      if case .failure(let f) = sides.base { failures.append(f) }
      if case .failure(let f) = sides.head { failures.append(f) }
      let compileFailures = failures.filter { !$0.diagnostics.isEmpty }
      if !compileFailures.isEmpty {
        console.write(ReviewFailureRenderer(failures: compileFailures).render(format, style: console.outStyle))
      }
      for failure in failures { console.error("error: \(SafeText.terminal(failure.message))\n") }
      return CommandLineTool.exitError
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
