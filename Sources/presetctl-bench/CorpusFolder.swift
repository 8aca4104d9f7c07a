/// A leaf folder of the generated corpus: `presets/<team>[/<area>]/<group>`.
///
/// Leaf folders hold about 40 files each, so the tree grows with N the way a large organisation's repository
/// would (more groups) rather than piling thousands of files into one folder.
struct CorpusFolder {
  /// Files per leaf folder.
  static let filesPerFolder = 40
  /// Team-wide prompt files `presets/<team>/prompts/shared-<n>.md`, n in 1...this.
  static let sharedPromptsPerTeam = 4

  /// The team (first level) and its slug prefix.
  var team: (folder: String, prefix: String)
  /// The team's index in `CorpusText.teams`.
  var teamIndex: Int
  /// Path components below `presets/`, team first.
  var components: [String]

  /// The leaf folder holding file number `fileIndex`.
  init(fileIndex: Int) {
    let leaf = fileIndex / Self.filesPerFolder
    teamIndex = leaf % CorpusText.teams.count
    team = CorpusText.teams[teamIndex]
    let round = leaf / CorpusText.teams.count
    let group = "group-\(round + 1)"
    if leaf % 3 == 0 {
      components = [team.folder, group]
    } else {
      components = [team.folder, CorpusText.areas[round % CorpusText.areas.count], group]
    }
  }

  /// The folder path relative to the repository root, e.g. `presets/engineering/web/group-3`.
  var relativePath: String { (["presets"] + components).joined(separator: "/") }

  /// `../` repeated to climb from this folder to the team folder.
  var pathToTeamRoot: String { String(repeating: "../", count: components.count - 1) }
}
