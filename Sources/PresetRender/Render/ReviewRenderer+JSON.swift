import PresetCore
import PresetModel
import PresetReconcile

extension ReviewRenderer {
  /// JSON for programs: labels, counts, and one object per differing preset (full versions). The top-level
  /// `summary`, `counts` and `presets` describe the default presets (as before environments existed);
  /// `has_changes` covers every scope; with environments declared, `environments` holds one such object per
  /// environment.
  package func json() -> String {
    var top = JSONObject([
      .init(key: "base", value: .string(review.baseLabel)), .init(key: "head", value: .string(review.headLabel)),
      .init(key: "summary", value: .string(review.summary)),
      .init(key: "has_changes", value: .bool(hasChanges)),
      .init(key: "counts", value: jsonCounts(review)),
      .init(key: "notes", value: .array(review.notes.map(JSONValue.string))),
      .init(key: "presets", value: .array(jsonPresets(review))),
    ])
    if !review.suppressionChanges.isEmpty { top["suppression_changes"] = jsonSuppressions() }
    if !environments.isEmpty {
      top["environments"] = .array(
        environments.map { scope in
          .object(
            JSONObject([
              .init(key: "name", value: .string(scope.environment ?? "")),
              .init(key: "summary", value: .string(scope.summary)),
              .init(key: "has_changes", value: .bool(scope.hasChanges)),
              .init(key: "counts", value: jsonCounts(scope)),
              .init(key: "notes", value: .array(scope.notes.map(JSONValue.string))),
              .init(key: "presets", value: .array(jsonPresets(scope))),
            ]))
        })
    }
    return SafeText.json(JSONWriter.string(.object(top)))
  }

  /// `{added, removed, changed, renamed, unchanged}` of one review.
  func jsonCounts(_ review: Review) -> JSONValue {
    var counts = JSONObject()
    for status in Review.Status.allCases { counts[status.rawValue] = .number(Double(review.count(status))) }
    counts["unchanged"] = .number(Double(review.unchangedCount))
    return .object(counts)
  }

  /// One object per differing preset of one review.
  func jsonPresets(_ review: Review) -> [JSONValue] {
    func origin(_ o: Preset.Origin?) -> JSONValue {
      guard let o else { return .null }
      return .object(
        JSONObject([.init(key: "file", value: .string(o.file)), .init(key: "line", value: .number(Double(o.line)))]))
    }
    return review.entries.map { entry in
      var object = JSONObject()
      object["slug"] = .string(entry.slug)
      object["status"] = .string(entry.status.rawValue)
      object["old_slug"] = entry.status == .renamed ? .string(entry.oldSlug) : .null
      object["old_version"] = entry.old.map { .string($0.version.rawValue) } ?? .null
      object["new_version"] = entry.new.map { .string($0.version.rawValue) } ?? .null
      object["source"] = origin(entry.new?.source)
      object["old_source"] = origin(entry.old?.source)
      object["config_changes"] = .array(
        entry.configChanges.enumerated().map { i, change in
          .object(
            JSONObject([
              .init(key: "path", value: .string(change.path.description)),
              .init(key: "dotted", value: .string(change.path.dotted)),
              .init(key: "kind", value: .string(change.kind)), .init(key: "old", value: change.old ?? .null),
              .init(key: "new", value: change.new ?? .null),
              .init(key: "file", value: .string(entry.origin(ofChange: i).file)),
              .init(key: "line", value: .number(Double(entry.line(ofChange: i)))),
            ]))
        })
      let diff = entry.promptDiffOutput(context: context)
      if diff.text.isEmpty {
        object["system_prompt"] = .null
      } else {
        var prompt = JSONObject([
          .init(key: "source", value: origin(entry.promptOrigin)),
          .init(key: "annotation", value: origin(entry.promptAnnotationOrigin)),
          .init(key: "diff", value: .string(diff.text)),
        ])
        if let replaced = diff.replaced { prompt["replaced"] = replaced.json }
        object["system_prompt"] = .object(prompt)
      }
      object["risks"] = .array(
        entry.risks.map { risk in
          .object(
            JSONObject([
              .init(key: "kind", value: .string(risk.kind.rawValue)),
              .init(key: "path", value: .string(risk.path.description)),
              .init(key: "message", value: .string(risk.message)),
              .init(key: "file", value: .string(entry.origin(of: risk).file)),
              .init(key: "line", value: .number(Double(risk.line ?? entry.new?.source.line ?? 1))),
            ]))
        })
      switch entry.status {
      case .removed: object["note"] = .string(Self.removalNote)
      case .renamed: object["note"] = .string(Self.renameNote(entry))
      default: object["note"] = .null
      }
      return .object(object)
    }
  }
}
