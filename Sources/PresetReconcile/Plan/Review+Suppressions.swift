import PresetModel

extension Review {
  /// A lint suppression (`suppress`) that differs between base and head: added, removed, or with another reason.
  /// Suppressions are not part of a preset's version, so a change to them alone leaves the preset unchanged;
  /// the review lists it anyway because silencing a lint is a decision a reviewer should see.
  package struct SuppressionChange: Sendable, Equatable {
    /// The head slug.
    package var slug: String
    /// The lint code.
    package var code: String
    /// The base reason; nil when the suppression is new.
    package var oldReason: String?
    /// The head reason; nil when the suppression was removed.
    package var newReason: String?
    /// Where head writes it (its `code` value); for a removed one, the head preset's first line.
    package var origin: Preset.Origin

    /// `added`, `removed` or `changed`.
    package var kind: String { oldReason == nil ? "added" : newReason == nil ? "removed" : "changed" }
  }

  /// The suppression changes of every head preset against the base preset of the same slug (none for presets
  /// only in base: they are gone), by slug then code. A preset new in head lists its suppressions as added.
  static func suppressionChanges(base: [Preset], head: [Preset]) -> [SuppressionChange] {
    var baseBySlug: [String: Preset] = [:]
    for preset in base { baseBySlug[preset.slug] = preset }
    var changes: [SuppressionChange] = []
    for preset in head {
      let old = baseBySlug[preset.slug]?.suppressions ?? []
      guard old != preset.suppressions else { continue }
      let oldByCode = Dictionary(old.map { ($0.code, $0.reason) }, uniquingKeysWith: { first, _ in first })
      let newByCode = Dictionary(preset.suppressions.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
      for code in Set(oldByCode.keys).union(newByCode.keys).sorted() {
        let new = newByCode[code]
        guard oldByCode[code] != new?.reason else { continue }
        let origin = new.map { Preset.Origin(file: $0.location.file, line: $0.location.line) } ?? preset.source
        changes.append(
          SuppressionChange(
            slug: preset.slug, code: code, oldReason: oldByCode[code], newReason: new?.reason, origin: origin))
      }
    }
    return changes.sorted { ($0.slug, $0.code) < ($1.slug, $1.code) }
  }
}
