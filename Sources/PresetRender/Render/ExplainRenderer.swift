import PresetCore
import PresetModel

/// `presetctl explain`: the fully merged request of one preset, each value annotated with the file and line
/// it came from (a `_defaults.yaml`, the preset file, or `presetctl.yaml`).
package struct ExplainRenderer: Sendable {
  /// The preset.
  package var preset: Preset

  /// Creates a renderer.
  package init(preset: Preset) { self.preset = preset }

  /// YAML-like text with `# file:line` comments aligned on the right.
  package func text(style: Style) -> String {
    var lines: [(text: String, origin: String)] = []
    var out =
      style.bold(SafeText.terminal(preset.slug)) + " (\(preset.skin.rawValue), version \(preset.version.short))\n"
    out += "defined at \(SafeText.terminal(preset.source.file)):\(preset.source.line)\n"
    if let prompt = preset.promptSource {
      out += "system prompt from \(SafeText.terminal(prompt.file)):\(prompt.line)\n"
    }
    out += Self.suppressions(preset.suppressions, style: style)
    guard let request = preset.request else { return out + "(no source information: read from a bundle)\n" }
    let map = request.sourceMap
    func origin(_ node: SourceNode) -> String { SafeText.terminal("\(node.file ?? map.file):\(node.start.line)") }
    func walk(_ value: JSONValue, _ node: SourceNode, indent: Int, label: String) {
      let pad = String(repeating: " ", count: indent)
      switch value {
      case .object(let object) where !object.isEmpty:
        lines.append((pad + SafeText.terminal(label), ""))
        for (i, member) in object.members.enumerated() {
          let child = i < node.children.count ? node.children[i] : node
          walk(member.value, child, indent: indent + 2, label: YAMLWriter.key(member.key) + ":")
        }
      case .array(let elements) where !elements.isEmpty && !elements.allSatisfy(Self.isScalar):
        lines.append((pad + SafeText.terminal(label), origin(node)))
        for (i, element) in elements.enumerated() {
          let child = i < node.children.count ? node.children[i] : node
          walk(element, child, indent: indent + 2, label: "-")
        }
      default:
        var scalar = YAMLWriter.value(value, indent: indent).trimmingTrailingNewline()
        if scalar.unicodeScalars.count > 70 { scalar = String(scalar.prefix(69)) + "…" }
        lines.append((pad + SafeText.terminal(label + scalar), origin(node)))
      }
    }
    walk(request.value, map.root, indent: 0, label: "request:")
    let width = min(60, lines.map(\.text.unicodeScalars.count).max() ?? 0)
    for line in lines {
      guard !line.origin.isEmpty else {
        out += line.text + "\n"
        continue
      }
      let gap = max(2, width - line.text.unicodeScalars.count + 2)
      out += line.text + String(repeating: " ", count: gap) + style.dim("# " + line.origin) + "\n"
    }
    return out
  }

  /// `{"slug", "version", "request", "origins": [{"path": "/provider/sort", "file", "line"}]}`: the merged
  /// request and the origin of every leaf.
  package func json() -> String {
    var object = JSONObject()
    object["slug"] = .string(preset.slug)
    object["version"] = .string(preset.version.rawValue)
    object["request"] = preset.request?.value ?? .null
    object["origins"] = .array(origins())
    object["suppress"] = .array(preset.suppressions.map(LintSuppression.jsonValue))
    return SafeText.json(JSONWriter.string(.object(object)))
  }

  /// One `{"path", "file", "line"}` per leaf of the merged request, in document order.
  func origins() -> [JSONValue] {
    guard let request = preset.request else { return [] }
    var out: [JSONValue] = []
    func walk(_ value: JSONValue, _ pointer: JSONPointer) {
      switch value {
      case .object(let o) where !o.isEmpty: for m in o.members { walk(m.value, pointer.appending(m.key)) }
      case .array(let a) where !a.isEmpty: for (i, e) in a.enumerated() { walk(e, pointer.appending(i)) }
      default:
        let location = request.sourceMap.location(of: pointer)
        out.append(
          .object(
            JSONObject([
              .init(key: "path", value: .string(pointer.description)),
              .init(key: "file", value: .string(location.file)),
              .init(key: "line", value: .number(Double(location.line))),
            ])))
      }
    }
    walk(request.value, .root)
    return out
  }

  /// `lint.placeholder suppressed: reason  # file:line`, one line per suppression (none: nothing).
  static func suppressions(_ suppressions: [LintSuppression], style: Style) -> String {
    suppressions.map { s in
      "\(SafeText.terminal(s.code)) suppressed: \(SafeText.terminal(s.reason))  "
        + style.dim("# \(SafeText.terminal(s.location.file)):\(s.location.line)") + "\n"
    }.joined()
  }

  private static func isScalar(_ value: JSONValue) -> Bool {
    switch value {
    case .object, .array: false
    default: true
    }
  }
}

extension String {
  fileprivate func trimmingTrailingNewline() -> String {
    hasSuffix("\n") ? String(dropLast()) : self
  }
}
