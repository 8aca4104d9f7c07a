import Foundation
import PresetCore
import PresetModel
import PresetReconcile
import PresetRender
import PresetSchema

/// `presetctl import [SLUG...|--all] --into DIR`: write preset files for live presets (adopting UI-made ones).
enum ImportCommand {
  static let command = CommandLineTool.Command(
    parser: ArgumentParser(
      commandName: "presetctl import", abstract: "Write preset files for live presets.",
      positionalUsage: "[SLUG...]", maxPositionals: nil,
      options: [
        .flag("all", "Import every live preset."),
        .value("into", "DIR", "Folder to write <slug>.yaml files into (required)."),
        .flag("force", "Overwrite existing files."),
      ] + RemoteOptions.options,
      discussion: """
        Each file compiles to exactly the live version; existing files are kept unless --force. The skin is the
        replaced file's when the config fits it, else the first that fits (chat, responses, messages); a config
        that fits none is reported (import.no-skin, exit 1), not written. Presets are reported in slug order.
        """),
    run: run)

  static func run(_ parsed: ArgumentParser.Parsed, _ context: CommandLineTool.Context) throws(CommandFailure) -> Int32 {
    guard let into = parsed.value("into") else {
      throw CommandFailure.usage(
        "import needs --into DIR, the folder to write <slug>.yaml files into", hint: "e.g. --into presets/imported")
    }
    guard !OutputTarget.meansStandardOutput(into) else {
      throw CommandFailure(
        "output.stdout-unsupported", "--into needs a folder: import writes one file per preset",
        hint: "name a folder, e.g. --into presets/imported")
    }
    let all = parsed.flag("all")
    guard all != !parsed.positionals.isEmpty else {
      throw CommandFailure.usage(
        all ? "--all imports every live preset, so slugs cannot be named too" : "import needs slugs or --all",
        hint: "presetctl import SLUG... --into DIR, or presetctl import --all --into DIR")
    }
    let remote = try RemoteOptions(parsed, context)
    let client = try remote.makeClient()
    // Slugs become file names: every one, named here or listed by the server, must pass the slug rule.
    let renderer = DiagnosticRenderer(style: context.console.errStyle)
    var skipped = 0
    let slugs = parsed.positionals.filter { slug in
      guard !SlugRule.isValid(slug) else { return true }
      context.console.error(renderer.text(.error("remote.bad-slug", "skipped \(Self.quoted(slug)): not a valid slug")))
      skipped += 1
      return false
    }
    let parallelism = remote.parallelism
    let (names, live, warnings) = try AsyncBridge.remote {
      () async throws(RemoteError) -> ([String], [LivePreset?], [Diagnostic]) in
      var warnings: [Diagnostic] = []
      var names = slugs
      if all {
        let listing = try await client.listPresetsChecked()
        names = listing.presets.map(\.slug)
        warnings = listing.skipped
      }
      return (names, try await Planner.readLive(names, client: client, parallelism: parallelism), warnings)
    }
    // The list comes most recently updated first: reports follow the slug instead, the same on every run.
    let presets = Array(zip(names, live)).sorted { $0.0.precedesInCodeUnits($1.0) }
    if !warnings.isEmpty { context.console.error(renderer.text(warnings)) }
    skipped += warnings.count
    var failed = false
    let keyScrubber = Console.Scrubber(secret: client.configuration.apiKey.secret)
    for (slug, live) in presets {
      guard let live else {
        context.report([
          .error(
            "remote.not-found", "no live preset `\(slug)`",
            hint: "check the slug (`presetctl import --all` lists every live preset)")
        ])
        failed = true
        continue
      }
      let existing = (try? OutputTarget.entry(named: LiveImport.fileName(for: slug), in: into))?.filePath
      guard
        let file = LiveImport.file(
          for: live, validators: SkinValidators.embedded, preferred: existing.flatMap(LiveImport.existingSkin))
      else {
        context.console.error("skipped \(SafeText.terminal(slug)): it has no designated version\n")
        continue
      }
      guard file.fits else {
        let diagnostic = Diagnostic.error(
          "import.no-skin",
          "the live config of `\(slug)` fits no skin (chat, responses or messages); its file was not written",
          hint: "`presetctl show \(slug)` prints the config: fix the preset in OpenRouter, or write its file by hand")
        context.console.error(renderer.text(diagnostic))
        failed = true
        continue
      }
      // A file with the key would put it into git: report it instead (the key must be rotated anyway).
      if let scrubber = keyScrubber, scrubber.scrub(file.text) != file.text {
        let diagnostic = Diagnostic.error(
          "import.contains-key",
          "the live preset `\(slug)` contains the API key (or a long piece of it); its file was not written",
          hint: "rotate the key, and remove it from the preset in OpenRouter")
        context.report([diagnostic])
        failed = true
        continue
      }
      // Placement is contained whatever the slug: one plain file name directly inside DIR.
      do throws(AtomicFile.WriteError) {
        let target = try OutputTarget.entry(named: LiveImport.fileName(for: slug), in: into)
        let path = target.requested
        if target.exists && !parsed.flag("force") {
          context.report([
            .error("output.exists", "\(path) exists; it was kept", hint: "pass --force to overwrite it")
          ])
          failed = true
          continue
        }
        try AtomicFile.write(file.text, to: target)
        context.console.write(
          SafeText.terminal("imported \(slug) → \(path) (\(file.skin.rawValue), \(file.version.short))") + "\n")
      } catch {
        context.report(CommandFailure(error).diagnostics)
        failed = true
      }
    }
    warnAboutPolicy(presets, into: into, context)
    if skipped > 0 {
      context.report([
        .error(
          "import.skipped", "\(skipped) preset(s) skipped for invalid slugs",
          hint:
            "slugs are \(SlugRule.wording), at most \(SlugRule.maxLength) characters")
      ])
    }
    return failed || skipped > 0 ? CommandLineTool.exitError : CommandLineTool.exitOK
  }

  /// A user-typed slug shown quoted with control and non-ASCII characters escaped.
  private static func quoted(_ slug: String) -> String { LiveSlug.quoted(slug, scrubber: KeyScrubber(secret: "")) }
}
