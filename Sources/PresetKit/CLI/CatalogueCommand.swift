import Foundation
import PresetModel
import PresetReconcile
import PresetRender

/// `presetctl catalogue pull [PATH] [--check]`: refresh the committed model catalogue, or (scheduled job)
/// report live catalogue changes that affect the presets. The public catalogue needs no API key.
enum CatalogueCommand {
  static let command = CommandLineTool.Command(
    parser: ArgumentParser(
      commandName: "presetctl catalogue",
      abstract: "Pull OpenRouter's model catalogue into the snapshot the checks read (--check: exit 2 on changes).",
      positionalUsage: "pull [PATH]", maxPositionals: 2,
      options: [
        .flag("check", "Write nothing; exit 2 when the live catalogue differs in a way that affects the presets."),
        .value("format", "FORMAT", "Output format: text or json; --check also github (default text)."),
      ] + RemoteOptions.options.filter { !["api-key-file", "parallelism"].contains($0.name) },
      discussion:
        "PATH defaults to 'presets'. The snapshot is presetctl.catalogue.json beside the presetctl.yaml that governs PATH (else in PATH), or the file named by `catalogue:` in presetctl.yaml. No API key is needed. Exit status: 0 written or no affecting change, 2 (--check) changes that affect the presets, 1 error (the snapshot is left as it was)."
    ),
    run: run)

  static func run(_ parsed: ArgumentParser.Parsed, _ context: CommandLineTool.Context) throws(CommandFailure) -> Int32 {
    guard parsed.positionals.first == "pull" else {
      let given =
        parsed.positionals.first.map { "unknown subcommand '\($0)'" } ?? "missing subcommand"
      throw CommandFailure("cli.usage", given, hint: "the subcommand is 'pull': \(command.parser.usage)")
    }
    let check = parsed.flag("check")
    let format = try CommandLineTool.format(parsed, allowed: check ? [.text, .json, .github] : [.text, .json])
    let path = parsed.positionals.dropFirst().first ?? "presets"
    let client = try RemoteOptions(parsed, context).makeCatalogueClient()
    context.console.progress("reading the model catalogue…\n")
    let result = AsyncBridge.run { await CataloguePull.run(path: path, client: client, check: check) }
    switch result {
    case .failure(.input(let diagnostics)):
      throw CommandFailure(diagnostics)
    case .failure(.remote(let error)):
      var failure = CommandFailure(error)
      failure.diagnostics = failure.diagnostics.map { d in
        var d = d
        d.hint = [d.hint, "the snapshot was not changed"].compactMap { $0 }.joined(separator: "; ")
        return d
      }
      throw failure
    case .failure(.write(let error)):
      throw CommandFailure(error)
    case .success(let outcome):
      let renderer = CatalogueRenderer(outcome: outcome)
      guard check else {
        context.console.write(format == .json ? renderer.json() : renderer.text())
        return CommandLineTool.exitOK
      }
      let diagnostics = DiagnosticRenderer.forLayout(
        RepositoryLayout(containing: path), style: context.console.outStyle)
      if format == .text {
        context.console.write(diagnostics.render(outcome.findings, format: .text) + renderer.checkSummary())
      } else {
        context.console.write(diagnostics.render(outcome.findings, format: format))
      }
      return outcome.findings.isEmpty ? CommandLineTool.exitOK : CommandLineTool.exitChanges
    }
  }
}
