import Foundation
import PresetCore
import PresetModel

extension Review {
  /// Fills `changeLines` from the head YAML below `root`: each config change points at its key (or, for a
  /// removed key, at the nearest parent still written), so annotations land on the lines a reviewer edits.
  /// Files that cannot be read keep the preset's first line; nothing here can fail the review.
  package mutating func locateChanges(headRoot root: URL) {
    // By path as code units: files whose names differ only in Unicode normalisation are two files.
    var documentsByFile: [CodeUnitKey: [LocatedDocument]] = [:]
    for index in entries.indices where entries[index].status == .changed {
      guard let new = entries[index].new else { continue }
      let file = new.source.file
      if documentsByFile[CodeUnitKey(file)] == nil {
        let url = root.appendingPathComponent(file)
        let bytes = try? FileReader.read(url.path, limit: YAMLLoader.Limits().maxFileBytes)
        documentsByFile[CodeUnitKey(file)] = bytes.flatMap { try? YAMLLoader.load($0, file: file) } ?? []
      }
      guard
        let document = documentsByFile[CodeUnitKey(file)]?.first(where: { document in
          let map = document.sourceMap
          return (map.root.children.first?.keyStart ?? map.root.start).line == new.source.line
        })
      else { continue }
      entries[index].changeLines = entries[index].configChanges.map { Self.line(of: $0.path, in: document.sourceMap) }
      for (r, risk) in entries[index].risks.enumerated() {
        entries[index].risks[r].line = Self.line(of: risk.path, in: document.sourceMap)
      }
    }
  }

  /// The line of a config path's key below `request`; for a path head no longer has (a removed key), the line of
  /// the nearest key still written, so `provider.zdr` removed points at `provider:`.
  static func line(of path: JSONPointer, in map: SourceMap) -> Int {
    let pointer = JSONPointer(components: [.key("request")] + path.components)
    let (node, _) = map.node(at: pointer)
    return (node.keyStart ?? node.start).line
  }
}

extension Review {
  /// Points the config changes and risks that an environment override decides at the override's line in
  /// `presetctl.yaml`: the environment's `request` is merged over every preset (it wins), so a path it sets, or
  /// a path below a value it sets, has its head value from there. Run after `locateChanges(headRoot:)`.
  package mutating func attributeOverrides(_ environment: RepositoryConfig.Environment, configFile: String) {
    guard !environment.request.isEmpty else { return }
    for index in entries.indices where entries[index].status == .changed {
      let changes = entries[index].configChanges
      var lines = entries[index].changeLines
      if lines.count < changes.count { lines += [Int?](repeating: nil, count: changes.count - lines.count) }
      var files = entries[index].changeFiles
      if files.count < changes.count { files += [String?](repeating: nil, count: changes.count - files.count) }
      for (c, change) in changes.enumerated() {
        guard let origin = Self.override(change.path, in: environment, configFile: configFile) else { continue }
        lines[c] = origin.line
        files[c] = origin.file
      }
      entries[index].changeLines = lines
      entries[index].changeFiles = files
      for (r, risk) in entries[index].risks.enumerated() {
        guard let origin = Self.override(risk.path, in: environment, configFile: configFile) else { continue }
        entries[index].risks[r].line = origin.line
        entries[index].risks[r].file = origin.file
      }
    }
  }

  /// Where `environment` writes the value at `path` (or a value above it): the key's line in `presetctl.yaml`;
  /// nil when the override does not decide that path.
  static func override(
    _ path: JSONPointer, in environment: RepositoryConfig.Environment, configFile: String
  ) -> Preset.Origin? {
    var value = JSONValue.object(environment.request)
    var node = environment.requestNode
    for component in path.components {
      // Objects merge member by member; anything else replaces the preset's value whole, so the override
      // decides everything below it.
      guard case .object(let object) = value else { break }
      guard case .key(let key) = component, let i = object.index(of: key), i < node.children.count else {
        return nil
      }
      value = object.members[i].value
      node = node.children[i]
    }
    if case .object = value, path.components.isEmpty { return nil }
    return Preset.Origin(file: node.file ?? configFile, line: (node.keyStart ?? node.start).line)
  }
}
