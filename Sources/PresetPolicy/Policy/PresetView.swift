import PresetCore
import PresetModel

/// What the policy checks read from one compiled preset: the merged request and where its values were written.
struct PresetView {
  /// The preset.
  let preset: Preset
  /// The merged request (or, for presets read back from a bundle, the normalised config).
  let request: JSONObject
  /// Where each request value was written; nil for bundle presets.
  let map: SourceMap?

  init(_ preset: Preset) {
    self.preset = preset
    if let located = preset.request, case .object(let object) = located.value {
      request = object
      map = located.sourceMap
    } else {
      request = preset.model.config
      map = nil
    }
  }

  /// The preset's own location: its `request:` key when the request was written in the preset file, else the
  /// document's first key. Used for problems with a missing value.
  var presetLocation: SourceLocation {
    let source = SourceLocation(file: preset.source.file, line: preset.source.line, column: 1)
    guard let map, map.root.keyStart != nil else { return source }
    let location = map.keyLocation(of: .root)
    return location.file == preset.source.file ? location : source
  }

  /// Where the value behind `pointer` (inside the request) was written, when it exists.
  func exactLocation(of pointer: JSONPointer) -> SourceLocation? {
    guard let map else { return nil }
    let (node, exact) = map.node(at: pointer)
    return exact ? SourceLocation(file: node.file ?? map.file, position: node.start) : nil
  }

  /// The location of a value, or of the preset when it is not there.
  func location(of pointer: JSONPointer) -> SourceLocation { exactLocation(of: pointer) ?? presetLocation }

  /// The pointer's text form inside the preset document (`/request/temperature`).
  func path(_ pointer: JSONPointer) -> String {
    JSONPointer(components: [.key("request")] + pointer.components).description
  }

  /// The node behind a request pointer and its file, when it exists.
  func node(at pointer: JSONPointer) -> (node: SourceNode, file: String)? {
    guard let map else { return nil }
    let (node, exact) = map.node(at: pointer)
    return exact ? (node, node.file ?? map.file) : nil
  }
}
