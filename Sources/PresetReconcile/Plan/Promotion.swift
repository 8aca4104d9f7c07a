import PresetCompiler
import PresetModel
import PresetSchema

/// Which presets differ between two environments' live state, beyond the differences `presetctl.yaml`
/// declares between them (`presetctl promote`).
///
/// Rule: each repository preset is compiled for both environments; the two live presets are in sync when they
/// differ from each other exactly as the two compiled presets do (the declared overrides), config path by
/// config path and in the system prompt. Everything else is a real difference.
package struct Promotion: Sendable {
  /// One preset across the two environments.
  package struct Row: Sendable {
    /// The repository (default) slug.
    package var base: String
    /// The slug in the environment promoted from.
    package var fromSlug: String
    /// The slug in the environment promoted to.
    package var toSlug: String
    /// The live preset in `from` (nil: missing there).
    package var from: PresetModel?
    /// The live preset in `to` (nil: missing there).
    package var to: PresetModel?
    /// The repository preset compiled for `from`.
    package var compiledFrom: PresetModel
    /// The repository preset compiled for `to`.
    package var compiledTo: PresetModel

    /// The differences the overrides declare, `to` → `from`.
    package var declared: [JSONDiff.Change] {
      JSONDiff.changes(from: .object(compiledTo.config), to: .object(compiledFrom.config))
    }

    /// The live differences, `to` → `from`, that the overrides do not declare.
    package var unexpected: [JSONDiff.Change] {
      guard let from, let to else { return [] }
      let declared = declared
      return JSONDiff.changes(from: .object(to.config), to: .object(from.config)).filter { !declared.contains($0) }
    }

    /// Declared differences the live presets do not show (an override not applied in one environment).
    package var missing: [JSONDiff.Change] {
      guard let from, let to else { return [] }
      let live = JSONDiff.changes(from: .object(to.config), to: .object(from.config))
      return declared.filter { !live.contains($0) }
    }

    /// True when the live prompts relate as the compiled ones do: equal when the compiled prompts are equal,
    /// else each the compiled prompt of its environment.
    package var promptInSync: Bool {
      guard let from, let to else { return false }
      if Review.sameText(compiledFrom.systemPrompt, compiledTo.systemPrompt) {
        return Review.sameText(from.systemPrompt, to.systemPrompt)
      }
      return Review.sameText(from.systemPrompt, compiledFrom.systemPrompt)
        && Review.sameText(to.systemPrompt, compiledTo.systemPrompt)
    }

    /// True when the two live presets differ only as declared.
    package var same: Bool {
      guard let from, let to else { return false }
      if from.version == to.version && compiledFrom.version == compiledTo.version { return true }
      return unexpected.isEmpty && missing.isEmpty && promptInSync
    }
  }

  /// The environment promoted from (e.g. staging).
  package var fromName: String
  /// The environment promoted to (e.g. production).
  package var toName: String
  /// One row per repository preset compiled in both environments.
  package var rows: [Row]

  /// True when every preset is in sync.
  package var inSync: Bool { rows.allSatisfy(\.same) }

  /// The repository compiled three times: default, for `from` and for `to`.
  package struct Compiled: Sendable {
    /// The default compilation (its `presetctl.yaml` declares the environments).
    package var base: CompileResult
    /// Compiled for `from`.
    package var from: CompileResult
    /// Compiled for `to`.
    package var to: CompileResult

    /// Creates a value from its parts.
    package init(base: CompileResult, from: CompileResult, to: CompileResult) {
      self.base = base
      self.from = from
      self.to = to
    }
  }

  /// Reads both environments' live presets (one GET per preset and environment, the shared fan-out) and pairs
  /// them with the compiled ones. Throws the first read failure.
  package static func compare(
    _ compiled: Compiled, from: RepositoryConfig.Environment, to: RepositoryConfig.Environment,
    client: OpenRouterClient, parallelism: Int
  ) async throws(RemoteError) -> Promotion {
    var compiledFrom: [String: PresetModel] = [:]
    for preset in compiled.from.presets { compiledFrom[preset.slug] = preset.model }
    var compiledTo: [String: PresetModel] = [:]
    for preset in compiled.to.presets { compiledTo[preset.slug] = preset.model }
    let bases = compiled.base.presets.map(\.slug)
    let slugs = bases.flatMap { [from.slug(for: $0), to.slug(for: $0)] }
    let live = try await Planner.readLive(slugs, client: client, parallelism: parallelism)
    var rows: [Row] = []
    for (i, base) in bases.enumerated() {
      let (fromSlug, toSlug) = (from.slug(for: base), to.slug(for: base))
      guard let cf = compiledFrom[fromSlug], let ct = compiledTo[toSlug] else { continue }
      rows.append(
        Row(
          base: base, fromSlug: fromSlug, toSlug: toSlug, from: live[2 * i]?.model, to: live[2 * i + 1]?.model,
          compiledFrom: cf, compiledTo: ct))
    }
    return Promotion(fromName: from.name, toName: to.name, rows: rows)
  }
}
