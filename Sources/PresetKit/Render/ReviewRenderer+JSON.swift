extension ReviewRenderer {
  /// JSON for programs: labels, counts, and one object per differing preset (full versions).
  public func json() -> String {
    func origin(_ o: Preset.Origin?) -> JSONValue {
      guard let o else { return .null }
      return .object(
        JSONObject([.init(key: "file", value: .string(o.file)), .init(key: "line", value: .number(Double(o.line)))]))
    }
    let presets: [JSONValue] = review.entries.map { entry in
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
    var counts = JSONObject()
    for status in Review.Status.allCases { counts[status.rawValue] = .number(Double(review.count(status))) }
    counts["unchanged"] = .number(Double(review.unchangedCount))
    return SafeText.json(
      JSONWriter.string(
        .object(
          JSONObject([
            .init(key: "base", value: .string(review.baseLabel)), .init(key: "head", value: .string(review.headLabel)),
            .init(key: "summary", value: .string(review.summary)),
            .init(key: "has_changes", value: .bool(review.hasChanges)),
            .init(key: "counts", value: .object(counts)),
            .init(key: "notes", value: .array(review.notes.map(JSONValue.string))),
            .init(key: "presets", value: .array(presets)),
          ]))))
  }
}
