import PresetCore

/// Deep merge of located values: how folder defaults and environment overrides combine with a preset's request.
///
/// Rule (README "Folder defaults"): objects merge member by member, recursively; anything else (arrays
/// included) is replaced whole by the overlay. Members keep the base's order, the overlay's new members follow.
/// Each merged value keeps the source node of the file it came from, so diagnostics and `explain` point there.
package enum DeepMerge {
  /// `overlay` merged over `base`. Merged containers keep the positions of the base's node when
  /// `containersFromBase` (environment overrides over a preset), else the overlay's (a preset over its defaults):
  /// either way a container points into the preset file.
  package static func merge(
    base: (value: JSONValue, node: SourceNode), overlay: (value: JSONValue, node: SourceNode),
    containersFromBase: Bool = false
  ) -> (value: JSONValue, node: SourceNode) {
    guard case .object(let b) = base.value, case .object(let o) = overlay.value else { return overlay }
    var members: [JSONObject.Member] = []
    var keys: [String] = []
    var children: [SourceNode] = []
    members.reserveCapacity(b.count + o.count)
    for (i, member) in b.members.enumerated() {
      let baseChild = child(base.node, i)
      if let j = o.index(of: member.key) {
        let merged = merge(
          base: (member.value, baseChild), overlay: (o.members[j].value, child(overlay.node, j)),
          containersFromBase: containersFromBase)
        members.append(JSONObject.Member(key: member.key, value: merged.value))
        children.append(merged.node)
      } else {
        members.append(member)
        children.append(baseChild)
      }
      keys.append(member.key)
    }
    for (j, member) in o.members.enumerated() where b.index(of: member.key) == nil {
      members.append(member)
      keys.append(member.key)
      children.append(child(overlay.node, j))
    }
    var node = containersFromBase ? base.node : overlay.node
    node.keyStart = containersFromBase ? base.node.keyStart : overlay.node.keyStart
    node.keys = keys
    node.children = children
    return (.object(JSONObject(members)), node)
  }

  /// The child node at `index`, or the parent itself when the map has no child there (values built in code).
  private static func child(_ node: SourceNode, _ index: Int) -> SourceNode {
    index < node.children.count ? node.children[index] : node
  }
}
