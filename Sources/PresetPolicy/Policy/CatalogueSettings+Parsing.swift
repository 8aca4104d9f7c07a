import PresetCore

extension PolicyConfigParser {
  /// `lint.catalogue`: a mapping of check names to severities, or one severity-like value for all of them
  /// (`ignore`/`false` turns every catalogue check off; `true` keeps the defaults).
  mutating func catalogueSettings(_ value: JSONValue, at pointer: JSONPointer) -> CatalogueSettings {
    switch value {
    case .null, .bool(false), .string("ignore"), .string("off"): return .off
    case .bool(true): return CatalogueSettings()
    case .object(let object):
      var settings = CatalogueSettings()
      checkKeys(object, known: CatalogueSettings.keys, at: pointer, what: "`lint.catalogue`")
      for member in object.members where CatalogueSettings.keys.contains(member.key) {
        let fallback = CatalogueSettings.defaultSeverity(member.key)
        if let severity = severity(member.value, default: fallback, at: pointer.appending(member.key)) {
          settings[member.key] = .some(severity)
        }
      }
      return settings
    default:
      fail(
        "`lint.catalogue` must be a mapping of catalogue checks to severities (or `ignore`), got \(Self.display(value))",
        at: pointer)
      return CatalogueSettings()
    }
  }
}
