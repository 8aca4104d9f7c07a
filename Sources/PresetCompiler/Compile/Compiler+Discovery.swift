import PresetCore
import PresetModel

/// The findings about what a PATH holds, before any file is compiled.
extension Compiler {
  /// What a folder walk reads, for messages that say what was searched.
  package static let searchedFiles =
    "*.yaml and *.yml files outside hidden folders, except \(RepositoryLayout.defaultsFileName) and "
    + "\(RepositoryConfig.fileName)"

  /// `input.extension-case`: a file that looks like a preset file but is not read.
  static func miscasedWarning(_ relativePath: String) -> Diagnostic {
    let name = relativePath.slashComponents().last.map(String.init) ?? relativePath
    let fixed = RepositoryLayout.correctedExtension(name) ?? ".yaml"
    return .warning(
      "input.extension-case", "\(relativePath) is not read: rename to \(fixed)",
      at: SourceLocation(file: relativePath, line: 1, column: 1),
      hint: "preset files end in exactly .yaml or .yml (lower case)")
  }

  /// `input.no-presets`: a PATH with no preset file in it.
  static func noPresetFiles(_ path: String, miscased: Int) -> Diagnostic {
    .error(
      "input.no-presets", "no preset files in \(path) (searched \(searchedFiles))",
      hint: miscased > 0
        ? "\(miscased) file(s) there have a .YAML/.YML extension in another case: rename them"
        : "check the path, or pass --allow-empty if a PATH without presets is intended")
  }

  /// `input.no-presets`: preset files that define no preset (only empty documents).
  static func noPresets(_ paths: [String], fileCount: Int) -> Diagnostic {
    .error(
      "input.no-presets",
      "no presets in \(paths.joined(separator: ", ")): the \(fileCount) preset file(s) found hold only empty documents",
      hint: "pass --allow-empty if a PATH without presets is intended")
  }
}
