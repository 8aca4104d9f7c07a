import PresetCore
import PresetReconcile
import PresetSchema

/// A config change as one line, in the one format every command that lists changes uses (`plan`, `drift`,
/// `rollback`, `promote`, and `diff` for changed values).
package enum ChangeLine {
  /// `path: old → new`, values in brief (`JSONDiff.brief`); a missing side is `(none)`.
  package static func text(_ change: JSONDiff.Change) -> String {
    arrow(change.path.dotted, change.old, change.new)
  }

  /// `text` neutralised for a terminal, indented below its preset's line, with its newline.
  package static func terminal(_ change: JSONDiff.Change) -> String {
    "    " + SafeText.terminal(text(change)) + "\n"
  }

  /// `path: old → new` for a path already in the caller's form.
  static func arrow(_ path: String, _ old: JSONValue?, _ new: JSONValue?) -> String {
    "\(path): \(JSONDiff.brief(old)) → \(JSONDiff.brief(new))"
  }
}
