import Foundation

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

  static func run(_ parsed: ArgumentParser.Parsed, _ context: CommandLineTool.Context) -> Int32 {
    guard let slug = parsed.positionals.first, let target = parsed.value("to").flatMap(Int.init), target >= 1 else {
      context.console.error("error: usage: presetctl rollback SLUG --to N (N a version number from 1)\n")
      return CommandLineTool.exitError
    }
    guard let client = RemoteOptions.client(parsed, context) else { return CommandLineTool.exitError }
    let fetched = AsyncBridge.run { () -> Result<(LivePreset?, LiveVersion), RemoteError> in
      do throws(RemoteError) {
        let live = try await client.getPreset(slug: slug)
        let version = try await client.getVersion(slug: slug, number: target)
        return .success((live, version))
      } catch {
        return .failure(error)
      }
    }
    guard case .success(let (live, old)) = fetched else {
      if case .failure(let error) = fetched {
        context.console.error("error: \(SafeText.terminal(error.description))\n")
      }
      return CommandLineTool.exitError
    }
    let wanted = old.model
    let current = live?.model
    if current == wanted {
      context.console.write(
        "\(slug): live content already equals version \(target) (\(wanted.version.short)); nothing to do\n")
      return CommandLineTool.exitOK
    }
    let style = context.console.outStyle
    var diff =
      SafeText.terminal(
        "\(slug): live v\(live?.designatedVersion?.version ?? 0) (\(current?.version.short ?? "none")) → content of v\(target) (\(wanted.version.short))"
      ) + "\n"
    for change in JSONDiff.changes(from: .object(current?.config ?? JSONObject()), to: .object(wanted.config)) {
      diff += ChangeLine.terminal(change)
    }
    diff += DiffText.terminal(
      TextDiff.unified(old: current?.systemPrompt, new: wanted.systemPrompt, oldName: "live", newName: "v\(target)"),
      style: style)
    context.console.write(diff)
    let checked = check(slug: slug, live: live, version: old, parsed, context)
    if checked.hasPolicyErrors {
      if parsed.flag("allow-policy-violations") {
        context.console.error(
          "warning: the content of v\(target) breaks policy; pushing it anyway (--allow-policy-violations)\n")
      } else {
        context.console.error(
          "error: the content of v\(target) of \(slug) breaks policy; nothing was pushed (pass --allow-policy-violations to push it anyway)\n"
        )
        return CommandLineTool.exitError
      }
    }
    if parsed.flag("dry-run") { return CommandLineTool.exitOK }
    if !parsed.flag("yes") {
      guard isatty(0) == 1 else {
        context.console.error("error: not a terminal: pass --yes to confirm the rollback\n")
        return CommandLineTool.exitError
      }
      context.console.error("Push this as a new version of \(slug)? [y/N] ")
      guard let answer = readLine(), ["y", "yes"].contains(answer.lowercased()) else {
        context.console.error("rollback cancelled\n")
        return CommandLineTool.exitError
      }
    }
    let (skin, body) = LiveImport.body(for: wanted, validators: SkinValidators.embedded)
    let wantedVersion = wanted.version
    let pushed = AsyncBridge.run { () -> Result<LivePreset, RemoteError> in
      do throws(RemoteError) {
        return .success(
          try await client.createVersion(
            slug: slug, skin: skin, body: .object(body), isAlreadyApplied: { $0?.model?.version == wantedVersion }))
      } catch {
        return .failure(error)
      }
    }
    switch pushed {
    case .success(let stored):
      guard stored.model?.version == wanted.version else {
        context.console.error("error: the server stored different content than sent for \(slug)\n")
        return CommandLineTool.exitError
      }
      context.console.write(
        "rolled back \(slug): now live v\(stored.designatedVersion?.version ?? 0) with the content of v\(target)\n")
      return CommandLineTool.exitOK
    case .failure(let error):
      context.console.error("error: \(SafeText.terminal(error.description))\n")
      return CommandLineTool.exitError
    }
  }

  /// Policy, lint and diff's risk rules for the content about to be pushed; findings are shown (risks on
  /// stdout with the diff, diagnostics on stderr).
  static func check(
    slug: String, live: LivePreset?, version: LiveVersion, _ parsed: ArgumentParser.Parsed,
    _ context: CommandLineTool.Context
  ) -> ReviewLiveCheck.Outcome {
    let wanted = version.model
    let target = version.version
    let style = context.console.outStyle
    var out = ""
    for risk in ReviewRisk.assess(old: live?.model ?? PresetModel(config: JSONObject(), systemPrompt: nil), new: wanted)
    {
      out += style.warning("⚠ \(risk.title):") + " \(risk.detail)\n"
    }
    context.console.write(out)
    let path = parsed.positionals.dropFirst().first ?? "presets"
    let summary = live?.summary ?? LivePresetSummary(id: "", slug: slug, name: slug)
    let old = LivePreset(summary: summary, designatedVersion: version)
    guard let file = LiveImport.file(for: old, validators: SkinValidators.embedded) else {
      return ReviewLiveCheck.Outcome(diagnostics: [], report: "")
    }
    let outcome = ReviewLiveCheck.check(
      [ReviewLiveCheck.Item(text: file.text, relativePath: repositoryFile(of: slug, path: path))], path: path,
      style: context.console.errStyle)
    if !outcome.report.isEmpty {
      context.console.error("checks of the content of v\(target) (as a preset file):\n" + outcome.report)
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
