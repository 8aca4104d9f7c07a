import PresetCore
import PresetSchema

/// Field-level differences between two JSON values, by path: what plans and reviews show for a config change.
package enum JSONDiff {
  /// One difference.
  package struct Change: Sendable, Equatable {
    /// Where, as a pointer from the compared roots.
    package var path: JSONPointer
    /// The old value; nil when the member or element was added.
    package var old: JSONValue?
    /// The new value; nil when it was removed.
    package var new: JSONValue?

    /// Added, removed or changed.
    package var kind: String { old == nil ? "added" : new == nil ? "removed" : "changed" }
  }

  /// The differences from `old` to `new`: objects are compared member by member (in the new value's key order,
  /// removed members last), arrays element by element, anything else as a whole.
  package static func changes(from old: JSONValue, to new: JSONValue, at path: JSONPointer = .root) -> [Change] {
    switch (old, new) {
    case (.object(let a), .object(let b)):
      var out: [Change] = []
      for member in JSONWriter.sortedMembers(b) {
        if let before = a[member.key] {
          out += changes(from: before, to: member.value, at: path.appending(member.key))
        } else {
          out.append(Change(path: path.appending(member.key), old: nil, new: member.value))
        }
      }
      for member in JSONWriter.sortedMembers(a) where b[member.key] == nil {
        out.append(Change(path: path.appending(member.key), old: member.value, new: nil))
      }
      return out
    case (.array(let a), .array(let b)):
      var out: [Change] = []
      for i in 0..<max(a.count, b.count) {
        let before: JSONValue? = i < a.count ? .some(a[i]) : .none
        let after: JSONValue? = i < b.count ? .some(b[i]) : .none
        switch (before, after) {
        case (let x?, let y?): out += changes(from: x, to: y, at: path.appending(i))
        case (.none, let y?): out.append(Change(path: path.appending(i), old: nil, new: y))
        case (let x?, .none): out.append(Change(path: path.appending(i), old: x, new: nil))
        case (.none, .none): break
        }
      }
      return out
    default:
      return old == new ? [] : [Change(path: path, old: old, new: new)]
    }
  }

  /// A compact one-line rendering of a value for change lists (`"price"`, `0.7`, `["a","b"]`).
  package static func brief(_ value: JSONValue?, limit: Int = 80) -> String {
    guard let value else { return "(none)" }
    let text = JSONWriter.string(value, options: .compact)
    return text.count > limit ? String(text.prefix(limit - 1)) + "…" : text
  }
}
