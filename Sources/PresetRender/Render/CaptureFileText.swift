import PresetCore
import PresetModel
import PresetReconcile

/// The text step of `presetctl capture`: a captured body (`Capture.Result`) as preset file YAML.
///
/// It sits in Render because it uses `YAMLWriter` (and import's request layout), which Compile must not use.
package enum CaptureFileText {
  /// The preset file text and, with a prompt file, that file's name and text.
  package struct Output: Sendable {
    /// The YAML text of `<slug>.yaml`.
    package var yaml: String
    /// The Markdown prompt file beside it: file name and exact text.
    package var promptFile: (name: String, text: String)?
  }

  /// The file for `captured` under `slug`. With `promptFile`, the prompt goes to `<slug>.md` beside the YAML,
  /// unless it starts with U+FEFF (prompt files lose a leading BOM on reading, so it stays in the YAML).
  package static func output(for captured: Capture.Result, slug: String, promptFile: Bool) -> Output {
    var document = JSONObject()
    document["slug"] = .string(slug)
    document["skin"] = .string(captured.skin.rawValue)
    var prompt = captured.prompt
    var file: (name: String, text: String)?
    if promptFile, let text = prompt, !text.unicodeScalars.starts(with: ["\u{FEFF}"]) {
      let name = slug + ".md"
      document["system_prompt_file"] = .string(name)
      file = (name, text)
      prompt = nil
    }
    var text =
      "# Captured from an inference body by presetctl \(ToolVersion.current) (\(captured.model.version.short)).\n"
    text += YAMLWriter.mapping(document)
    text += "request:"
    let request = LiveImport.request(
      for: PresetModel(config: captured.request, systemPrompt: prompt), skin: captured.skin)
    text += request.isEmpty ? " {}\n" : "\n" + LiveImport.requestYAML(request, skin: captured.skin)
    return Output(yaml: text, promptFile: file)
  }
}
