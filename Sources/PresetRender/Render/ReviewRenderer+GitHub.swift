import PresetModel
import PresetReconcile

extension ReviewRenderer {
  /// GitHub shows at most this many annotations of each kind (notice, warning) per step.
  package static let annotationLimit = 10

  /// Longest annotation message kept (a prompt diff is clipped to it; the full diff is in the other formats).
  package static let annotationMessageLimit = 4_000

  /// `text` cut at a line boundary to at most `limit` UTF-8 bytes, with a note when cut.
  static func clip(_ text: String, limit: Int) -> String {
    guard text.utf8.count > limit else { return text }
    var out = ""
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if out.utf8.count + line.utf8.count + 1 > limit - 40 { break }
      out += line + "\n"
    }
    return out + "… (clipped; run presetctl diff for the whole diff)"
  }

  /// One annotation before escaping.
  struct Annotation {
    var command: String
    var origin: Preset.Origin?
    var title: String
    var message: String
    /// The environments (or `default`) the annotation stands for; empty without environments.
    var scopes: [String] = []

    var line: String {
      var properties: [String] = []
      if let origin {
        properties.append("file=\(SafeText.annotationProperty(origin.file))")
        properties.append("line=\(origin.line)")
      }
      let shown = scopes.isEmpty ? title : "[\(scopes.joined(separator: ", "))] \(title)"
      properties.append("title=\(SafeText.annotationProperty(shown))")
      return "::\(command) \(properties.joined(separator: ","))::\(SafeText.annotation(message))\n"
    }
  }

  /// Workflow commands: a `::warning` per risk on its head line, a `::notice` per added, removed, renamed or
  /// changed preset (and per prompt change, on the prompt's line); at most `annotationLimit` of each kind, the
  /// rest counted in a plain log line.
  package func github() -> String {
    var warnings: [Annotation] = []
    var notices: [Annotation] = []
    for scope in scopes {
      let (w, n) = annotations(scope)
      warnings += w
      notices += n
    }
    (warnings, notices) = (Self.merged(warnings), Self.merged(notices))
    // Suppression changes first: silencing a lint is what a reviewer must not miss under the limit.
    notices = suppressionAnnotations() + notices
    var out = ""
    for annotation in warnings.prefix(Self.annotationLimit) { out += annotation.line }
    for annotation in notices.prefix(Self.annotationLimit) { out += annotation.line }
    let hidden = [(warnings.count, "warning"), (notices.count, "notice")].compactMap { count, kind in
      count > Self.annotationLimit ? "\(count - Self.annotationLimit) more \(kind)(s)" : nil
    }
    if !hidden.isEmpty {
      out +=
        "presetctl diff: \(hidden.joined(separator: " and ")) not shown as annotations (GitHub shows at most "
        + "\(Self.annotationLimit) of each kind per step); run presetctl diff for the full report\n"
    }
    out += SafeText.terminal("presetctl diff: \(review.baseLabel) → \(review.headLabel): \(review.summary)") + "\n"
    for scope in environments {
      out += SafeText.terminal("presetctl diff: \(Self.scopeName(scope)): \(scope.summary)") + "\n"
    }
    return out
  }

  /// One annotation per equal command, place and message: a change in a preset file shows in every
  /// environment, and is annotated once with the environments in its title.
  static func merged(_ annotations: [Annotation]) -> [Annotation] {
    var out: [Annotation] = []
    var index: [String: Int] = [:]
    for annotation in annotations {
      let key = [
        annotation.command, annotation.origin?.file ?? "", String(annotation.origin?.line ?? 0), annotation.message,
      ].joined(separator: "\u{0}")
      if let i = index[key] {
        if !annotation.scopes.isEmpty {
          out[i].scopes += annotation.scopes.filter { !out[i].scopes.contains($0) }
        }
        continue
      }
      index[key] = out.count
      out.append(annotation)
    }
    return out
  }

  /// The annotations of one review; each carries the review's environment (if any) for its title.
  func annotations(_ review: Review) -> (warnings: [Annotation], notices: [Annotation]) {
    var warnings: [Annotation] = []
    var notices: [Annotation] = []
    for entry in review.entries {
      switch entry.status {
      case .added:
        notices.append(
          Annotation(
            command: "notice", origin: entry.new?.source, title: "preset added: \(entry.slug)",
            message: "`\(entry.slug)` is new (version \(entry.new?.version.short ?? "")); apply creates it"))
      case .removed:
        notices.append(
          Annotation(
            command: "notice", origin: nil, title: "preset removed: \(entry.slug)",
            message: "`\(entry.slug)` was removed (defined at \(entry.old.map { Self.place($0.source) } ?? "?") at "
              + "base): \(Self.removalNote)"))
      case .renamed:
        notices.append(
          Annotation(
            command: "notice", origin: entry.new?.source, title: "preset renamed: \(entry.oldSlug) → \(entry.slug)",
            message: Self.renameNote(entry)))
      case .changed:
        for risk in entry.risks {
          warnings.append(
            Annotation(
              command: "warning",
              origin: entry.origin(of: risk),
              title: "risky change: \(entry.slug)", message: risk.message))
        }
        if !entry.configChanges.isEmpty, let new = entry.new {
          let lines = entry.configChanges.map(Self.describe)
          notices.append(
            Annotation(
              command: "notice", origin: entry.origin(ofChange: 0),
              title: "preset changed: \(entry.slug) \(entry.old?.version.short ?? "") → \(new.version.short)",
              message: lines.joined(separator: "\n")))
        }
        if let origin = entry.promptAnnotationOrigin {
          notices.append(
            Annotation(
              command: "notice", origin: origin, title: "system prompt changed: \(entry.slug)",
              message: Self.clip(entry.promptDiff(context: context), limit: Self.annotationMessageLimit)))
        }
      }
    }
    if let name = review.environment {
      for i in warnings.indices { warnings[i].scopes = [name] }
      for i in notices.indices { notices[i].scopes = [name] }
    } else if !environments.isEmpty {
      for i in warnings.indices { warnings[i].scopes = ["default"] }
      for i in notices.indices { notices[i].scopes = ["default"] }
    }
    return (warnings, notices)
  }
}
