import PresetCore

extension PresetSource {
  /// Folds folder defaults (under the request; their lint suppressions under the preset's) and environment
  /// overrides (over it) into `request`, and points
  /// the document's source map at the merged view, so every later diagnostic lands in the file that wrote the
  /// value (`_defaults.yaml`, the preset, or `presetctl.yaml`).
  package mutating func applyLayers(defaults: FolderDefaults, environment: RepositoryConfig.Environment?) {
    suppressions = LintSuppression.merge(defaults.suppressions, suppressions)
    let hasDefaults = !(defaults.request.objectValue?.isEmpty ?? true)
    guard hasDefaults || !(environment?.request.isEmpty ?? true) else { return }
    let pointer = JSONPointer.root.appending("request")
    var map = document.sourceMap
    var merged: (value: JSONValue, node: SourceNode) = (.object(request), map.node(at: pointer).node)
    if hasDefaults {
      merged = DeepMerge.merge(base: (defaults.request, defaults.requestNode), overlay: merged)
    }
    if let environment, !environment.request.isEmpty {
      merged = DeepMerge.merge(
        base: merged, overlay: (.object(environment.request), environment.requestNode), containersFromBase: true)
    }
    guard case .object(let object) = merged.value, case .object(var top) = document.value,
      let index = top.index(of: "request"), index < map.root.children.count
    else { return }
    request = object
    top.members[index].value = merged.value
    var node = merged.node
    node.keyStart = map.root.children[index].keyStart
    map.root.children[index] = node
    document = LocatedDocument(value: .object(top), sourceMap: map)
  }
}
