import Foundation

/// `presetctl ls [PATH] [--env NAME]`: the live presets, each against the local compiled one (kubectl get).
enum LsCommand {
  static let command = CommandLineTool.Command(
    parser: ArgumentParser(
      commandName: "presetctl ls", abstract: "List live presets: version, hash, in sync or not, updated, by.",
      positionalUsage: "[PATH|BUNDLE]", maxPositionals: 1,
      options: [
        .value("env", "NAME", "Compare with an environment declared in presetctl.yaml (its slugs and overrides)."),
        .value("format", "FORMAT", "Output format: text, json or markdown (default text)."),
      ] + RemoteOptions.options,
      discussion: """
        Lists every live preset (one GET each) and compares it with PATH (default 'presets'; without it, and
        when 'presets' does not exist, every live preset counts as unmanaged). STATE is 'in sync' (the local
        preset compiles to the live version), 'differs', 'unmanaged' (no local preset) or 'no version'.
        """),
    run: run)

  static func run(_ parsed: ArgumentParser.Parsed, _ context: CommandLineTool.Context) -> Int32 {
    let path = parsed.positionals.first ?? "presets"
    let compareLocally = parsed.positionals.first != nil || FileManager.default.fileExists(atPath: path)
    guard let format = CommandLineTool.format(parsed, allowed: [.text, .json, .markdown], context: context),
      let parallelism = RemoteOptions.parallelism(parsed, context),
      let local = compareLocally
        ? DesiredState.load(path, allowPlan: false, environment: parsed.value("env"), requirePresets: false, context)
        : DesiredState.Loaded(presets: []),
      let client = RemoteOptions.client(parsed, context)
    else { return CommandLineTool.exitError }
    let outcome = AsyncBridge.run { () -> Result<LiveListing, RemoteError> in
      do throws(RemoteError) {
        return .success(try await LiveListing.read(client: client, parallelism: parallelism, local: local.presets))
      } catch {
        return .failure(error)
      }
    }
    switch outcome {
    case .success(let listing):
      let diagnostics = DiagnosticRenderer(style: context.console.errStyle)
      for warning in listing.warnings { context.console.error(diagnostics.text(warning)) }
      let renderer = LiveListingRenderer(listing: listing)
      switch format {
      case .json: context.console.write(renderer.json())
      case .markdown: context.console.write(renderer.markdown())
      default: context.console.write(renderer.text(style: context.console.outStyle))
      }
      return CommandLineTool.exitOK
    case .failure(let error):
      context.console.error("error: \(SafeText.terminal(error.description))\n")
      return CommandLineTool.exitError
    }
  }
}
