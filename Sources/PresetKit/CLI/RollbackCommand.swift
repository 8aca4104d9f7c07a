import Foundation
import PresetCompiler
import PresetCore
import PresetModel
import PresetReconcile
import PresetRender
import PresetSchema

#if canImport(Glibc)
  import Glibc
#endif

/// `presetctl rollback SLUG --to N`: show the diff to live version N, then re-push its content as a new version.
enum RollbackCommand {
  static let command = CommandLineTool.Command(
    parser: ArgumentParser(
      commandName: "presetctl rollback", abstract: "Make an earlier live version current again (as a new version).",
      positionalUsage: "SLUG [PATH]", maxPositionals: 2,
      options: [
        .value("to", "N", "The version number to restore (required)."),
        .flag("yes", "Do not ask for confirmation (required when stdin is not a terminal)."),
        .flag("dry-run", "Only show the diff and the checks."),
        .flag("allow-policy-violations", "Push even when the old content breaks a policy rule or an error lint."),
      ] + RemoteOptions.options,
      discussion: """
        The API cannot re-designate an old version, so its content is POSTed again and becomes the newest.
        The old content is checked first, as a preset file: policy and prompt lint from the presetctl.yaml of
        PATH (default 'presets'), and the risk rules of 'presetctl diff'. Policy errors refuse the rollback
        (exit 1, also with --dry-run) unless --allow-policy-violations.
        """),
    run: run)

  static func run(_ parsed: ArgumentParser.Parsed, _ context: CommandLineTool.Context) throws(CommandFailure) -> Int32 {
    guard let slug = parsed.positionals.first else {
      throw CommandFailure.usage("name the preset to roll back", hint: "presetctl rollback SLUG --to N")
    }
    guard let text = parsed.value("to"), let target = Int(text), target >= 1 else {
      let given = parsed.value("to").map { ", got '\($0)'" } ?? ""
      throw CommandFailure.usage(
        "rollback needs --to N, the live version number to restore (1 or more)\(given)",
        hint: "`presetctl drift` and the OpenRouter UI show the version numbers; presetctl rollback \(slug) --to N")
    }
    let client = try RemoteOptions(parsed, context).makeClient()
    let (live, old) = try AsyncBridge.remote { () async throws(RemoteError) -> (LivePreset?, LiveVersion) in
      (try await client.getPreset(slug: slug), try await client.getVersion(slug: slug, number: target))
    }
    let wanted = old.model
    if live?.model == wanted {
      context.console.write(
        "\(slug): live content already equals version \(target) (\(wanted.version.short)); nothing to do\n")
      return CommandLineTool.exitOK
    }
    let renderer = RollbackRenderer(slug: slug, live: live, version: old)
    context.console.write(renderer.diff(style: context.console.outStyle))
    context.console.write(renderer.risks(style: context.console.outStyle))
    let checked = check(slug: slug, live: live, version: old, parsed, context)
    if checked.hasPolicyErrors {
      guard parsed.flag("allow-policy-violations") else {
        throw CommandFailure(
          "rollback.policy", "the content of v\(target) of \(slug) breaks policy; nothing was pushed",
          hint: "change it in the repository and apply, or pass --allow-policy-violations to push it anyway")
      }
      context.console.error(
        "warning: the content of v\(target) breaks policy; pushing it anyway (--allow-policy-violations)\n")
    }
    if parsed.flag("dry-run") { return CommandLineTool.exitOK }
    if !parsed.flag("yes") {
      guard isatty(0) == 1 else {
        throw CommandFailure.usage(
          "rollback asks for confirmation, but stdin is not a terminal",
          hint: "pass --yes to confirm (or --dry-run to only see the diff)")
      }
      context.console.error("Push this as a new version of \(slug)? [y/N] ")
      guard let answer = readLine(), ["y", "yes"].contains(answer.lowercased()) else {
        context.console.error("rollback cancelled\n")
        return CommandLineTool.exitError
      }
    }
    let (skin, body) = LiveImport.body(for: wanted, validators: SkinValidators.embedded)
    let pushed = AsyncBridge.run {
      await Applier.push(slug: slug, skin: skin, body: body, model: wanted, client: client)
    }
    guard pushed.status == .applied else {
      throw CommandFailure(pushed.code ?? "apply.failed", "rollback of \(slug) failed: \(pushed.message ?? "unknown")")
    }
    context.console.write(
      "rolled back \(slug): now live v\(pushed.versionNumber ?? 0) with the content of v\(target)\n")
    return CommandLineTool.exitOK
  }

  /// Policy and lint of the content about to be pushed, as a preset file placed where the repository keeps
  /// it; the findings are shown on stderr.
  static func check(
    slug: String, live: LivePreset?, version: LiveVersion, _ parsed: ArgumentParser.Parsed,
    _ context: CommandLineTool.Context
  ) -> ReviewLiveCheck.Outcome {
    let path = parsed.positionals.dropFirst().first ?? "presets"
    let summary = live?.summary ?? LivePresetSummary(id: "", slug: slug, name: slug)
    let old = LivePreset(summary: summary, designatedVersion: version)
    guard let file = LiveImport.file(for: old, validators: SkinValidators.embedded) else {
      return ReviewLiveCheck.Outcome(diagnostics: [], report: "")
    }
    let outcome = ReviewLiveCheck.check(
      [ReviewLiveCheck.Item(text: file.text, relativePath: repositoryFile(of: slug, path: path))], path: path,
      report: DiagnosticRenderer.textReport(style: context.console.errStyle))
    if !outcome.report.isEmpty {
      context.console.error("checks of the content of v\(version.version) (as a preset file):\n" + outcome.report)
    }
    return outcome
  }

  /// The repository file that defines `slug` (or its base slug in an environment), else `PATH/SLUG.yaml`.
  static func repositoryFile(of slug: String, path: String) -> String {
    let fallback = ReviewLiveCheck.locate(path: path).relativePath
    let guess = (fallback.isEmpty ? "" : fallback + "/") + slug + ".yaml"
    guard FileManager.default.fileExists(atPath: path) else { return guess }
    let result = Compiler().compile(path: path)
    for preset in result.presets {
      if preset.slug == slug { return preset.source.file }
      for environment in result.config.environments where environment.slug(for: preset.slug) == slug {
        return preset.source.file
      }
    }
    return guess
  }
}
