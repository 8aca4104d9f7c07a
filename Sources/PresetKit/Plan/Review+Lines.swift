import Foundation

extension Review {
  /// Fills `changeLines` from the head YAML below `root`: each config change points at its key (or, for a
  /// removed key, at the nearest parent still written), so annotations land on the lines a reviewer edits.
  /// Files that cannot be read keep the preset's first line; nothing here can fail the review.
  public mutating func locateChanges(headRoot root: URL) {
    var documentsByFile: [String: [LocatedDocument]] = [:]
    for index in entries.indices where entries[index].status == .changed {
      guard let new = entries[index].new else { continue }
      let file = new.source.file
      if documentsByFile[file] == nil {
        let url = root.appendingPathComponent(file)
        let bytes = try? FileReader.read(url.path, limit: YAMLLoader.Limits().maxFileBytes)
        documentsByFile[file] = bytes.flatMap { try? YAMLLoader.load($0, file: file) } ?? []
      }
      guard
        let document = documentsByFile[file]?.first(where: { document in
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
