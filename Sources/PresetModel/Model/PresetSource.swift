import PresetCore
import PresetSchema

/// One preset as its YAML document states it, before prompt files, validation and normalisation.
package struct PresetSource: Sendable {
  /// The slug (`SlugRule`).
  package var slug: String
  /// The skin the request is written in.
  package var skin: Skin
  /// Optional free text, kept in the bundle.
  package var description: String?
  /// The `system_prompt_file` value as written (relative to the preset file).
  package var systemPromptFile: String?
  /// The inference body as written.
  package var request: JSONObject
  /// The document it came from (for positions).
  package var document: LocatedDocument
  /// Where the document's first key was written: the bundle's `source.line`.
  package var firstKeyLocation: SourceLocation
  /// The prompt lints silenced for this preset (its own `suppress` over its folders'), sorted by code.
  package var suppressions: [LintSuppression] = []
  /// True when the document had errors that still let the request be checked (a bad slug, an unknown key):
  /// the request is validated so every problem is reported in one run, but the preset is not kept.
  package var hasErrors = false

  /// The keys a preset document may have besides `x-*` extension keys.
  package static let knownKeys = ["slug", "skin", "description", "system_prompt_file", "request", LintSuppression.key]
}

extension PresetSource {
  /// Reads a preset from one non-empty YAML document; returns nil (with diagnostics) when the document is not
  /// a usable preset. Every problem of the document is reported, not just the first.
  package static func parse(
    _ document: LocatedDocument, defaultSkin: Skin? = nil, diagnostics: inout [Diagnostic]
  ) -> PresetSource? {
    let map = document.sourceMap
    guard case .object(let top) = document.value else {
      diagnostics.append(
        .error(
          "preset.not-a-mapping",
          "a preset document must be a mapping with `slug`, `skin` and `request`, got \(document.value.typeName)",
          at: map.location(of: .root), path: ""))
      return nil
    }
    var ok = true
    var soft = false
    func fail(
      _ code: String, _ message: String, _ pointer: JSONPointer, atKey: Bool = false, hint: String? = nil,
      fatal: Bool = true
    ) {
      if fatal { ok = false } else { soft = true }
      let location = atKey ? map.keyLocation(of: pointer) : map.location(of: pointer)
      diagnostics.append(.error(code, message, at: location, path: pointer.description, hint: hint))
    }
    for member in top.members where !member.key.hasPrefix("x-") && !knownKeys.contains(member.key) {
      let hint = DidYouMean.suggestion(for: member.key, among: knownKeys).map { "did you mean `\($0)`?" }
      fail(
        "preset.unknown-key",
        "unknown key `\(member.key)` in a preset document (allowed: \(knownKeys.joined(separator: ", ")), or `x-*`)",
        JSONPointer.root.appending(member.key), atKey: true, hint: hint, fatal: false)
    }

    func string(_ key: String, required: Bool) -> String? {
      switch top[key] {
      case nil:
        if required { fail("preset.missing-key", "missing required key `\(key)`", .root) }
        return nil
      case .string(let s)?: return s
      case let other?:
        fail("preset.type", "`\(key)` must be a string, got \(other.typeName)", JSONPointer.root.appending(key))
        return nil
      }
    }

    let slug = string("slug", required: true)
    if let slug, !SlugRule.isValid(slug) {
      let length = slug.utf8.count
      fail(
        "preset.slug",
        length > SlugRule.maxLength
          ? "slug `\(slug)` is \(length) characters long, over the limit of \(SlugRule.maxLength); shorten it"
            + (slug.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
              ? "" : " (and use only \(SlugRule.wording))")
          : "slug `\(slug)` must be \(SlugRule.wording) (\(SlugRule.pattern)), at most \(SlugRule.maxLength) characters",
        JSONPointer.root.appending("slug"), fatal: false)
    }
    var skin: Skin? = top["skin"] == nil ? defaultSkin : nil
    if let skinText = string("skin", required: defaultSkin == nil) {
      skin = Skin(rawValue: skinText)
      if skin == nil {
        let names = Skin.allCases.map(\.rawValue)
        fail(
          "preset.skin", "unknown skin `\(skinText)` (expected one of: \(names.joined(separator: ", ")))",
          JSONPointer.root.appending("skin"),
          hint: DidYouMean.suggestion(for: skinText, among: names).map { "did you mean `\($0)`?" })
      }
    }
    let description = string("description", required: false)
    let promptFile = string("system_prompt_file", required: false)
    if let promptFile, promptFile.isEmpty {
      fail(
        "preset.prompt-file", "`system_prompt_file` must not be empty", JSONPointer.root.appending("system_prompt_file")
      )
    }
    var request: JSONObject?
    switch top["request"] {
    case nil: fail("preset.missing-key", "missing required key `request`", .root)
    case .object(let o)?: request = o
    case let other?:
      fail(
        "preset.type", "`request` must be a mapping (the inference body), got \(other.typeName)",
        JSONPointer.root.appending("request"))
    }
    let suppressions = LintSuppression.read(from: top, map: map, codePrefix: "preset", diagnostics: &diagnostics)
    if suppressions.failed { soft = true }
    guard ok, let slug, let skin, let request else { return nil }
    let firstKey = map.root.children.first?.keyStart ?? map.root.start
    var source = PresetSource(
      slug: slug, skin: skin, description: description, systemPromptFile: promptFile, request: request,
      document: document, firstKeyLocation: SourceLocation(file: map.file, position: firstKey))
    source.suppressions = suppressions.suppressions
    source.hasErrors = soft
    return source
  }
}
