import PresetModel
import PresetReconcile

extension PlanRenderer {
  /// How many prompt lines a create block shows.
  static let createPromptLines = 3

  /// What a create will create, as `+` lines (terraform's `+` block): the model first, every other config key
  /// with a brief value, then the first lines of the system prompt. Plain text: callers neutralise it.
  static func createLines(_ preset: Preset) -> [String] {
    var lines: [String] = []
    let config = preset.model.config
    if let model = config["model"] { lines.append("model: \(JSONDiff.brief(model))") }
    for member in config.members where member.key != "model" {
      lines.append("\(member.key): \(JSONDiff.brief(member.value))")
    }
    if let prompt = preset.model.systemPrompt {
      let all = prompt.split(separator: "\n", omittingEmptySubsequences: false)
      let more = all.count > createPromptLines ? " (\(all.count) lines, first \(createPromptLines) shown)" : ""
      lines.append("system_prompt: |" + more)
      lines += all.prefix(createPromptLines).map { "  " + $0 }
    }
    return lines
  }

  /// The create block for a terminal, indented under the create line.
  func createText(_ preset: Preset, style: Style) -> String {
    Self.createLines(preset).map { "    " + style.added("+ " + SafeText.terminal($0)) + "\n" }.joined()
  }

  /// The create block for Markdown: a folded section with the `+` lines in a diff fence.
  func createMarkdown(_ preset: Preset) -> String {
    let body = Self.createLines(preset).map { "+ " + $0 }.joined(separator: "\n") + "\n"
    return "<details><summary><code>\(SafeText.markdownHTML(preset.slug))</code> (new)</summary>\n\n"
      + SafeText.markdownFence(body, info: "diff") + "\n</details>\n\n"
  }
}
