import PresetCore
import PresetModel

extension Review {
  /// Classifies presets by slug, then pairs removed and added slugs of equal version as renames.
  static func compare(base: [Preset], head: [Preset]) -> (entries: [Entry], unchanged: Int) {
    var baseBySlug: [String: Preset] = [:]
    for preset in base { baseBySlug[preset.slug] = preset }
    let headSlugs = Set(head.map(\.slug))
    var entries: [Entry] = []
    var unchanged = 0
    var added: [Preset] = []
    for preset in head {
      guard let old = baseBySlug[preset.slug] else {
        added.append(preset)
        continue
      }
      if old.version == preset.version {
        unchanged += 1
        continue
      }
      let changes = JSONDiff.changes(from: .object(old.model.config), to: .object(preset.model.config))
      entries.append(
        Entry(
          status: .changed, slug: preset.slug, old: old, new: preset, configChanges: changes,
          changeLines: [], risks: ReviewRisk.assess(old: old.model, new: preset.model)))
    }
    var removed = base.filter { !headSlugs.contains($0.slug) }
    // Renames: pair equal versions in slug order, so several copies of one content pair deterministically.
    removed.sort { $0.slug.precedesInCodeUnits($1.slug) }
    added.sort { $0.slug.precedesInCodeUnits($1.slug) }
    var removedByVersion: [PresetVersion: [Int]] = [:]
    for (i, preset) in removed.enumerated() { removedByVersion[preset.version, default: []].append(i) }
    var renamedFrom = Set<Int>()
    for preset in added {
      if var candidates = removedByVersion[preset.version], !candidates.isEmpty {
        let index = candidates.removeFirst()
        removedByVersion[preset.version] = candidates
        renamedFrom.insert(index)
        entries.append(
          Entry(
            status: .renamed, slug: preset.slug, old: removed[index], new: preset, configChanges: [], changeLines: [],
            risks: []))
      } else {
        entries.append(
          Entry(status: .added, slug: preset.slug, old: nil, new: preset, configChanges: [], changeLines: [], risks: [])
        )
      }
    }
    for (i, preset) in removed.enumerated() where !renamedFrom.contains(i) {
      entries.append(
        Entry(status: .removed, slug: preset.slug, old: preset, new: nil, configChanges: [], changeLines: [], risks: [])
      )
    }
    entries.sort { $0.slug.precedesInCodeUnits($1.slug) }
    return (entries, unchanged)
  }

  /// Compares prompts by Unicode scalars, as `PresetModel` equality does.
  package static func sameText(_ a: String?, _ b: String?) -> Bool {
    switch (a, b) {
    case (nil, nil): true
    case (let a?, let b?): a.unicodeScalars.elementsEqual(b.unicodeScalars)
    default: false
    }
  }
}
