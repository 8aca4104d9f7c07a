import Foundation

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
      discussion: "Each file compiles to exactly the live version; existing files are kept unless --force."),
    run: run)

  static func run(_ parsed: ArgumentParser.Parsed, _ context: CommandLineTool.Context) -> Int32 {
    guard let into = parsed.value("into") else {
      context.console.error("error: --into DIR is required\n")
      return CommandLineTool.exitError
    }
    let all = parsed.flag("all")
    guard all != !parsed.positionals.isEmpty else {
      context.console.error("error: name slugs to import, or pass --all (not both)\n")
      return CommandLineTool.exitError
    }
    guard let parallelism = RemoteOptions.parallelism(parsed, context),
      let client = RemoteOptions.client(parsed, context)
    else { return CommandLineTool.exitError }
    let slugs = parsed.positionals
    let outcome = AsyncBridge.run { () -> Result<[(String, LivePreset?)], RemoteError> in
      do throws(RemoteError) {
        let names = all ? try await client.listPresets().map(\.slug) : slugs
        let results = await BoundedConcurrency.map(names, parallelism: parallelism) { slug in
          do throws(RemoteError) {
            return Result<LivePreset?, RemoteError>.success(try await client.getPreset(slug: slug))
          } catch {
            return .failure(error)
          }
        }
        var out: [(String, LivePreset?)] = []
        for (slug, result) in zip(names, results) { out.append((slug, try result.get())) }
        return .success(out)
      } catch {
        return .failure(error)
      }
    }
    let presets: [(String, LivePreset?)]
    switch outcome {
    case .success(let p): presets = p
    case .failure(let error):
      context.console.error("error: \(error.description)\n")
      return CommandLineTool.exitError
    }
    var failed = false
    for (slug, live) in presets {
      guard let live else {
        context.console.error("error: no live preset `\(slug)`\n")
        failed = true
        continue
      }
      guard let file = LiveImport.file(for: live, validators: SkinValidators.embedded) else {
        context.console.error("skipped \(slug): it has no designated version\n")
        continue
      }
      let path = (into as NSString).appendingPathComponent("\(slug).yaml")
      if FileManager.default.fileExists(atPath: path) && !parsed.flag("force") {
        context.console.error("error: \(path) exists (use --force to overwrite)\n")
        failed = true
        continue
      }
      do {
        try AtomicFile.write(file.text, to: path)
        context.console.write("imported \(slug) → \(path) (\(file.skin.rawValue), \(file.version.short))\n")
      } catch {
        context.console.error("error: \(error)\n")
        failed = true
      }
    }
    warnAboutPolicy(presets, into: into, context)
    return failed ? CommandLineTool.exitError : CommandLineTool.exitOK
  }
}
