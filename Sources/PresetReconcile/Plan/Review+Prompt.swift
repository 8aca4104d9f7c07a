import PresetCore
import PresetModel

extension Review.Entry {
  /// Where the prompt shown for this entry was written: head's prompt, else base's, else the preset itself.
  package var promptOrigin: Preset.Origin? {
    new?.promptSource ?? old?.promptSource ?? (new ?? old)?.source
  }

  /// The system prompt base → head as a unified diff with `context` lines; empty when unchanged.
  ///
  /// File names follow git (`a/…`, `b/…`): the prompt file, or the YAML file for an inline prompt.
  package func promptDiff(context: Int = 3) -> String {
    promptDiffOutput(context: context).text
  }

  /// `promptDiff`, with the replacement when the prompts are too different to diff (for JSON output).
  package func promptDiffOutput(context: Int = 3) -> TextDiff.Output {
    guard promptChanged, let old, let new else { return TextDiff.Output(text: "", replaced: nil) }
    let oldFile = (old.promptSource ?? old.source).file
    let newFile = (new.promptSource ?? new.source).file
    return TextDiff.output(
      old: old.model.systemPrompt, new: new.model.systemPrompt, oldName: "a/\(oldFile)", newName: "b/\(newFile)",
      context: context)
  }

  /// The head file and line an annotation for the prompt change points at: the first changed line of a prompt
  /// file, the prompt's YAML line for an inline prompt, or the preset's first line when head has no prompt.
  package var promptAnnotationOrigin: Preset.Origin? {
    guard promptChanged, let old, let new else { return nil }
    guard let source = new.promptSource else { return new.source }
    guard source.file != new.source.file else { return source }
    // A replaced prompt (too different to diff) is annotated at its first line.
    let comparison = TextDiff.compare(old: old.model.systemPrompt ?? "", new: new.model.systemPrompt ?? "", context: 0)
    guard case .hunks(let hunks) = comparison, let first = hunks.first else { return source }
    return Preset.Origin(file: source.file, line: source.line + max(first.newStart, 1) - 1)
  }
}
