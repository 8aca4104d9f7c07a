import PresetCore

/// The model-catalogue checks of one preset's merged request (README "Model catalogue"): model names, their
/// expiry, parameters, reasoning effort, token limits, provider names, and deprecated features.
///
/// They run inside the compiler with the policy rules, so every finding has the file:line:col of the value it
/// is about. Without a snapshot only the deprecation lint runs (it needs no catalogue).
enum CatalogueCheck {
  /// All catalogue findings for one preset.
  static func check(_ view: PresetView, catalogue: CatalogueIndex?, settings: CatalogueSettings) -> [Diagnostic] {
    let named = namedModels(view.request)
    var out = deprecations(view, named: named, severity: settings.deprecated)
    guard let catalogue else { return out }
    var used: [Catalogue.Model] = []
    for (written, pointer) in named {
      let id = modelPart(written)
      guard !id.isEmpty else { continue }
      if id.utf8.contains(UInt8(ascii: "*")) {
        if let severity = settings.unknownModel, !catalogue.ids.contains(where: { matches(pattern: id, $0) }) {
          out.append(
            report(
              view, severity, "catalogue.unknown-model", pointer,
              "model pattern `\(written)` matches no model in the catalogue"))
        }
        continue
      }
      switch catalogue.resolve(id) {
      case .model(let model, _):
        // A linear check: a request names a handful of models, and a set would hash and allocate per preset.
        if !used.contains(where: { $0.id.hasSameCodeUnits(as: model.id) }) { used.append(model) }
        out += expiry(view, model: model, written: written, at: pointer, catalogue: catalogue, settings: settings)
      case .unknown(let suggestion):
        guard let severity = settings.unknownModel else { continue }
        out.append(
          report(
            view, severity, "catalogue.unknown-model", pointer, "model `\(written)` is not in the model catalogue",
            hint: suggestion.map { "did you mean `\($0)`?" }
              ?? "check the id on openrouter.ai/models, or run `presetctl catalogue pull` if it is new"))
      }
    }
    out += parameters(view, models: used, catalogue: catalogue, settings: settings)
    out += limits(view, models: used, settings: settings)
    if let severity = settings.unknownProvider { out += providers(view, catalogue: catalogue, severity: severity) }
    return out
  }

  /// A finding at a request value (or at the preset when the value has no place).
  static func report(
    _ view: PresetView, _ severity: Diagnostic.Severity, _ code: String, _ pointer: JSONPointer, _ message: String,
    hint: String? = nil
  ) -> Diagnostic {
    Diagnostic(
      severity: severity, code: code, message: message, location: view.location(of: pointer),
      path: view.path(pointer), hint: hint)
  }

  /// Every model a request names: `model`, `models[]`, `fallbacks[].model` and each plugin's `allowed_models`
  /// (the auto-router's list, which may hold `*` patterns).
  static func namedModels(_ request: JSONObject) -> [(String, JSONPointer)] {
    var values = PolicyEngine.modelValues(request)
    if case .array(let plugins)? = request["plugins"] {
      for (i, plugin) in plugins.enumerated() {
        guard case .array(let models)? = plugin["allowed_models"] else { continue }
        let pointer = JSONPointer.root.appending("plugins").appending(i).appending("allowed_models")
        for (j, model) in models.enumerated() {
          if case .string(let text) = model { values.append((text, pointer.appending(j))) }
        }
      }
    }
    return values
  }

  /// The catalogue id part of a model value: `vendor/model@preset/x` and `@preset/x` name a preset, which is
  /// not a catalogue model.
  static func modelPart(_ written: String) -> String {
    // Most ids have no `@`; checking the bytes first skips Foundation's slower substring search for them.
    guard written.utf8.contains(UInt8(ascii: "@")), let at = written.range(of: "@preset/") else { return written }
    return String(written[..<at.lowerBound])
  }

  /// `*` matches any run of characters (the auto-router's pattern syntax).
  static func matches(pattern: String, _ id: String) -> Bool {
    GlobPattern(pattern, syntax: .name).matches(id)
  }

  /// `catalogue.expired` / `catalogue.expiring` for one place a model is named.
  static func expiry(
    _ view: PresetView, model: Catalogue.Model, written: String, at pointer: JSONPointer, catalogue: CatalogueIndex,
    settings: CatalogueSettings
  ) -> [Diagnostic] {
    guard let date = model.expirationDate else { return [] }
    let hint = "move to a current model before then (see openrouter.ai/models)"
    if date < catalogue.today, let severity = settings.expired {
      return [
        report(
          view, severity, "catalogue.expired", pointer, "model `\(written)` expired on \(date) and no longer answers",
          hint: "choose a current model (see openrouter.ai/models)")
      ]
    }
    if date >= catalogue.today, date <= catalogue.warnUntil, let severity = settings.expiring {
      return [
        report(
          view, severity, "catalogue.expiring", pointer,
          "model `\(written)` expires on \(date) (within \(CatalogueIndex.expiryWarningDays) days)", hint: hint)
      ]
    }
    return []
  }

  /// `catalogue.unknown-provider` for `provider.order`, `only` and `ignore`.
  static func providers(_ view: PresetView, catalogue: CatalogueIndex, severity: Diagnostic.Severity) -> [Diagnostic] {
    var out: [Diagnostic] = []
    for list in ["order", "only", "ignore"] {
      guard case .array(let names)? = view.request["provider"]?[list] else { continue }
      for (i, name) in names.enumerated() {
        guard case .string(let text) = name, !catalogue.knowsProvider(text) else { continue }
        out.append(
          report(
            view, severity, "catalogue.unknown-provider",
            JSONPointer.root.appending("provider").appending(list)
              .appending(i), "provider `\(text)` in `provider.\(list)` is not in the catalogue's provider list",
            hint: catalogue.providerSuggestion(text).map { "did you mean `\($0)`?" }))
      }
    }
    return out
  }

  /// `catalogue.deprecated`: `:online`, the `web` plugin and `route`, each with its replacement.
  /// `named` is `namedModels(view.request)`, computed once by the caller.
  static func deprecations(
    _ view: PresetView, named: [(String, JSONPointer)], severity: Diagnostic.Severity?
  ) -> [Diagnostic] {
    guard let severity else { return [] }
    var out: [Diagnostic] = []
    for (written, pointer) in named where modelPart(written).hasSuffix(":online") {
      out.append(
        report(
          view, severity, "catalogue.deprecated", pointer, "the `:online` suffix of `\(written)` is deprecated",
          hint: "drop `:online` and add the web search tool: `tools: [{type: \"openrouter:web_search\"}]`"))
    }
    if case .array(let plugins)? = view.request["plugins"] {
      for (i, plugin) in plugins.enumerated() where plugin["id"]?.stringValue == "web" {
        out.append(
          report(
            view, severity, "catalogue.deprecated", JSONPointer.root.appending("plugins").appending(i).appending("id"),
            "the `web` plugin is deprecated",
            hint: "use the web search tool instead: `tools: [{type: \"openrouter:web_search\"}]`"))
      }
    }
    if let route = view.request["route"], !route.isNull {
      out.append(
        report(
          view, severity, "catalogue.deprecated", JSONPointer.root.appending("route"), "`route` is deprecated",
          hint: "use `provider.sort.partition` instead (`fallback` is `model`, `sort` is `none`)"))
    }
    return out
  }
}
