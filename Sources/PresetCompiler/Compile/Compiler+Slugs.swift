import PresetCore
import PresetModel
import PresetSchema

/// Checks on the slugs as written and on the slugs every environment derives from them. They need only the
/// slugs, not the compiled presets, so every compilation runs them for every declared environment: `apply --env
/// staging` refuses a repository in which staging could write over production's presets.
extension Compiler {
  /// Finds the first definition of every slug (in file and document order, among presets that compiled):
  /// every later compiled copy is marked `duplicate` and gets a `compile.duplicate-slug` error; a copy that did
  /// not compile is marked `shadowed` when the slug compiled elsewhere, so the environment-slug checks skip it.
  ///
  /// A stable sort of the slugs' places, not a dictionary keyed by slug: at 100,000 presets the dictionary and
  /// its growth copies were the largest block of memory at the end of a compile.
  static func markDuplicateSlugs<T>(_ outputs: inout [FileOutput<T>]) -> [Diagnostic] {
    var places: [(file: Int, index: Int)] = []
    places.reserveCapacity(outputs.reduce(0) { $0 + $1.written.count })
    for (file, output) in outputs.enumerated() {
      for index in output.written.indices { places.append((file, index)) }
    }
    func slug(_ place: (file: Int, index: Int)) -> WrittenSlug { outputs[place.file].written[place.index].slug }
    places.sort { slug($0).slug.precedesInCodeUnits(slug($1).slug) }
    var diagnostics: [Diagnostic] = []
    var start = 0
    while start < places.count {
      var end = start + 1
      while end < places.count, slug(places[end]).slug.hasSameCodeUnits(as: slug(places[start]).slug) { end += 1 }
      defer { start = end }
      let run = places[start..<end]
      // The sort is stable: within a run the places are in file and document order.
      guard let owner = run.first(where: { outputs[$0.file].written[$0.index].compiled }) else { continue }
      let first = slug(owner).source
      for place in run where place != owner {
        if !outputs[place.file].written[place.index].compiled {
          outputs[place.file].written[place.index].shadowed = true
          continue
        }
        outputs[place.file].written[place.index].duplicate = true
        let base = slug(place)
        diagnostics.append(
          Diagnostic(
            severity: .error, code: "compile.duplicate-slug",
            message: "slug `\(base.slug)` is already defined at \(first.file):\(first.line)",
            location: SourceLocation(file: base.source.file, line: base.source.line, column: 1), path: "/slug",
            related: [
              .init(
                message: "first defined here", location: SourceLocation(file: first.file, line: first.line, column: 1))
            ]))
      }
    }
    return diagnostics
  }

  /// Environment slugs that are not valid (`config.environment-slug`) and live slugs two presets would share
  /// (`config.environment-collision`).
  ///
  /// The slug spaces are the presets without an environment (their plain slugs, which a `default: true`
  /// environment or one with the template `{slug}` shares) and every environment's template. Two different
  /// presets whose slugs in two spaces are equal would be one live preset: `a-staging` in production and `a`
  /// under `{slug}-staging`. `presets` holds the valid slugs without a duplicate's later copies (already
  /// errors) and without copies that did not compile of a slug that compiled elsewhere.
  static func environmentSlugProblems(
    bases presets: some Sequence<WrittenSlug>, config: RepositoryConfig
  ) -> [Diagnostic] {
    guard !config.environments.isEmpty else { return [] }
    var spaces = [Space(template: "{slug}", names: [], location: nil)]
    for environment in config.environments {
      if let index = spaces.firstIndex(where: { $0.template == environment.slugPattern }) {
        spaces[index].names.append(environment.name)
        spaces[index].location = spaces[index].location ?? environment.slugLocation
      } else {
        spaces.append(
          Space(template: environment.slugPattern, names: [environment.name], location: environment.slugLocation))
      }
    }
    func describe(_ space: Space) -> String {
      space.names.isEmpty
        ? "without an environment"
        : "in environment\(space.names.count == 1 ? "" : "s") \(space.names.map { "`\($0)`" }.joined(separator: ", "))"
    }
    var diagnostics: [Diagnostic] = []
    var taken: [String: (base: WrittenSlug, space: Int)] = [:]
    for (index, space) in spaces.enumerated() {
      for preset in presets {
        let slug = space.template.replacingOccurrences(of: "{slug}", with: preset.slug)
        guard SlugRule.isValid(slug) else {
          diagnostics.append(
            Diagnostic(
              severity: .error, code: "config.environment-slug",
              message:
                "slug `\(slug)` of preset `\(preset.slug)` \(describe(space)) (template `\(space.template)`) is \(slug.utf8.count) characters, more than \(SlugRule.maxLength)",
              location: preset.location, path: "/slug",
              related: space.location.map { [.init(message: "the template is declared here", location: $0)] } ?? []))
          continue
        }
        guard let first = taken[slug] else {
          taken[slug] = (preset, index)
          continue
        }
        var related: [Diagnostic.Related] = [
          .init(message: "`\(first.base.slug)` is defined here", location: first.base.location)
        ]
        for place in [spaces[first.space].location, space.location].compactMap({ $0 }) {
          related.append(.init(message: "slug template declared here", location: place))
        }
        diagnostics.append(
          Diagnostic(
            severity: .error, code: "config.environment-collision",
            message:
              "preset `\(preset.slug)` \(describe(space)) and preset `\(first.base.slug)` \(describe(spaces[first.space])) both get the live slug `\(slug)`; one would overwrite the other",
            location: preset.location, path: "/slug", related: related,
            hint: "rename one of the presets, or change the environment's `slug` template"))
      }
    }
    return diagnostics
  }
}

/// One set of live slugs: a template and the environments that use it (none: the presets without one).
private struct Space {
  var template: String
  var names: [String]
  var location: SourceLocation?
}
