import Foundation
import PresetCore
import PresetSchema

/// `_defaults.yaml` files: a `request` fragment (and optional `skin`) applied to every preset file below.
///
/// Rule (README "Folder defaults"): defaults apply from the repository root down to the preset file's folder;
/// deeper files override shallower ones, and the preset itself overrides them all (objects merge, arrays and
/// other values replace).
package struct FolderDefaults: Sendable {
  /// The default skin, if any.
  package var skin: Skin?
  /// Where the default skin was written.
  package var skinLocation: SourceLocation?
  /// The merged request fragment.
  package var request: JSONValue
  /// Where each part of `request` was written (nodes carry their files).
  package var requestNode: SourceNode
  /// Lint suppressions for every preset below (deeper files' entries win by code), sorted by code.
  package var suppressions: [LintSuppression] = []

  /// No defaults.
  package static let empty = FolderDefaults(
    skin: nil, skinLocation: nil, request: .object(JSONObject()),
    requestNode: SourceNode(start: SourcePosition(line: 1, column: 1), end: SourcePosition(line: 1, column: 1)))

  /// The defaults in effect for every folder that holds one of `files`, keyed by folder path relative to the
  /// root (`""` for the root), plus the diagnostics of the defaults files themselves. Keyed by code units: two
  /// folders whose names differ only in Unicode normalisation (`café`, `cafe\u{301}`) are two folders on disk,
  /// and `String` keys would give one the other's defaults.
  package static func resolve(for files: [RepositoryLayout.PresetFile], layout: RepositoryLayout) -> (
    byFolder: [CodeUnitKey: FolderDefaults], diagnostics: [Diagnostic]
  ) {
    var own: [CodeUnitKey: FolderDefaults?] = [:]
    var diagnostics: [Diagnostic] = []
    var result: [CodeUnitKey: FolderDefaults] = [:]
    func ownDefaults(_ folder: String) -> FolderDefaults? {
      if let cached = own[CodeUnitKey(folder)] { return cached }
      let relative =
        folder.isEmpty ? RepositoryLayout.defaultsFileName : folder + "/" + RepositoryLayout.defaultsFileName
      let loaded = load(relative, layout: layout, diagnostics: &diagnostics)
      own[CodeUnitKey(folder)] = loaded
      return loaded
    }
    func effective(_ folder: String) -> FolderDefaults {
      if let cached = result[CodeUnitKey(folder)] { return cached }
      let parent: FolderDefaults
      if folder.isEmpty {
        parent = .empty
      } else {
        parent = effective(RepositoryLayout.folder(of: folder))
      }
      var merged = parent
      if let mine = ownDefaults(folder) {
        let combined = DeepMerge.merge(
          base: (parent.request, parent.requestNode), overlay: (mine.request, mine.requestNode))
        merged = FolderDefaults(
          skin: mine.skin ?? parent.skin, skinLocation: mine.skin != nil ? mine.skinLocation : parent.skinLocation,
          request: combined.value, requestNode: combined.node,
          suppressions: LintSuppression.merge(parent.suppressions, mine.suppressions))
      }
      result[CodeUnitKey(folder)] = merged
      return merged
    }
    for file in files where !file.relativePath.hasCodeUnitPrefix("/") {
      // Files outside the root (shown by absolute path) get no defaults.
      _ = effective(RepositoryLayout.folder(of: file.relativePath))
    }
    return (result, diagnostics)
  }

  /// Reads one `_defaults.yaml`; nil when absent or broken (with diagnostics).
  private static func load(_ relative: String, layout: RepositoryLayout, diagnostics: inout [Diagnostic])
    -> FolderDefaults?
  {
    let path = layout.root.appendingPathComponent(relative).path
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    let documents: [LocatedDocument]
    do {
      documents = try YAMLLoader.load(
        try FileReader.read(path, limit: YAMLLoader.Limits().maxFileBytes), file: relative)
    } catch let error as DiagnosticError {
      diagnostics.append(contentsOf: error.diagnostics)
      return nil
    } catch let error as FileReader.Failure {
      diagnostics.append(
        .error(error.code, error.message(for: relative), at: SourceLocation(file: relative, line: 1, column: 1)))
      return nil
    } catch {
      return nil
    }
    let nonEmpty = documents.filter { !$0.value.isNull }
    guard let document = nonEmpty.first else { return nil }
    let map = document.sourceMap
    guard nonEmpty.count == 1, case .object(let top) = document.value else {
      diagnostics.append(
        .error(
          "defaults.shape", "a defaults file holds one mapping with `request` and optional `skin`",
          at: map.location(of: .root)))
      return nil
    }
    var ok = true
    let keys = ["skin", "request", LintSuppression.key]
    for member in top.members where !member.key.hasPrefix("x-") && !keys.contains(member.key) {
      ok = false
      let pointer = JSONPointer.root.appending(member.key)
      diagnostics.append(
        .error(
          "defaults.unknown-key",
          "unknown key `\(member.key)` in a defaults file (allowed: \(keys.joined(separator: ", ")), or `x-*`)",
          at: map.keyLocation(of: pointer), path: pointer.description,
          hint: DidYouMean.suggestion(for: member.key, among: keys).map { "did you mean `\($0)`?" }))
    }
    var skin: Skin?
    if let value = top["skin"] {
      skin = value.stringValue.flatMap(Skin.init(rawValue:))
      if skin == nil {
        ok = false
        diagnostics.append(
          .error(
            "defaults.skin", "`skin` must be one of: chat, messages, responses",
            at: map.location(of: JSONPointer.root.appending("skin"))))
      }
    }
    var request: JSONValue = .object(JSONObject())
    var node = map.root.inFile(relative)
    if let value = top["request"] {
      guard case .object = value else {
        diagnostics.append(
          .error(
            "defaults.type", "`request` must be a mapping", at: map.location(of: JSONPointer.root.appending("request")))
        )
        return nil
      }
      request = value
      node = map.node(at: JSONPointer.root.appending("request")).node.inFile(relative)
    }
    let suppressions = LintSuppression.read(from: top, map: map, codePrefix: "defaults", diagnostics: &diagnostics)
    if suppressions.failed { ok = false }
    guard ok else { return nil }
    return FolderDefaults(
      skin: skin, skinLocation: skin == nil ? nil : map.location(of: JSONPointer.root.appending("skin")),
      request: request, requestNode: node, suppressions: suppressions.suppressions)
  }
}
