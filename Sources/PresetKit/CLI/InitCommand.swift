import PresetCore
import PresetModel
import PresetRender

/// `presetctl init [DIR]`: a starter preset repository that validates at once.
enum InitCommand {
  static let command = CommandLineTool.Command(
    parser: ArgumentParser(
      commandName: "presetctl init", abstract: "Write a starter preset tree and CI workflow into DIR.",
      positionalUsage: "[DIR]", maxPositionals: 1,
      discussion: """
        DIR defaults to the current folder. Writes presets/ (one preset per skin, _defaults.yaml, a presetctl.yaml
        with a commented policy and environments) and .github/workflows/presets.yml (the README's CI workflow).
        Refuses, writing nothing, when any of these files already exists.
        """),
    run: run)

  static func run(_ parsed: ArgumentParser.Parsed, _ context: CommandLineTool.Context) -> Int32 {
    let folder = parsed.positionals.first ?? "."
    do throws(InitTemplate.Failure) {
      let written = try InitTemplate.write(into: folder)
      for path in written { context.console.write("wrote \(SafeText.terminal(path))\n") }
      context.console.write(
        "next: presetctl validate \(SafeText.terminal(folder == "." ? "" : folder + "/"))\(InitTemplate.presetsFolder)\n"
      )
      return CommandLineTool.exitOK
    } catch {
      context.console.error("error[\(error.code)]: \(SafeText.terminal(error.message))\n")
      return CommandLineTool.exitError
    }
  }
}
