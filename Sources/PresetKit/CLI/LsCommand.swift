import Foundation
import PresetModel
import PresetReconcile
import PresetRender

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

  static func run(_ parsed: ArgumentParser.Parsed, _ context: CommandLineTool.Context) throws(CommandFailure) -> Int32 {
    let path = parsed.positionals.first ?? "presets"
    let compareLocally = parsed.positionals.first != nil || FileManager.default.fileExists(atPath: path)
    let format = try CommandLineTool.format(parsed, allowed: [.text, .json, .markdown])
    let remote = try RemoteOptions(parsed, context)
    var local: [Preset] = []
    if compareLocally {
      do throws(DesiredState.Failure) {
        local = try DesiredState.load(
          path, allowPlan: false, environment: parsed.value("env"), requirePresets: false,
          isCompiledFile: CompiledInput.format(ofFile: path) != nil
        ).presets
      } catch {
        throw CommandFailure(error)
      }
    }
    let client = try remote.makeClient()
    let parallelism = remote.parallelism
    let compared = local
    let listing = try AsyncBridge.remote { () async throws(RemoteError) -> LiveListing in
      try await LiveListing.read(client: client, parallelism: parallelism, local: compared)
    }
    if !listing.warnings.isEmpty {
      context.console.error(DiagnosticRenderer(style: context.console.errStyle).text(listing.warnings))
    }
    let renderer = LiveListingRenderer(listing: listing)
    switch format {
    case .json: context.console.write(renderer.json())
    case .markdown: context.console.write(renderer.markdown())
    default: context.console.write(renderer.text(style: context.console.outStyle))
    }
    return CommandLineTool.exitOK
  }
}
