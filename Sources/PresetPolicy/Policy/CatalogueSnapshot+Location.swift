import Foundation
import PresetCore
import PresetModel

extension CatalogueSnapshot {
  /// The snapshot's file name.
  package static let fileName = "presetctl.catalogue.json"
  /// The code of the note that says there is no snapshot.
  package static let missingCode = "catalogue.missing"

  /// Where the snapshot for a PATH lives, or why there is none.
  package enum Place: Sendable, Equatable {
    /// This file (absolute), shown as `relative` in messages.
    case file(path: String, relative: String)
    /// `catalogue: off` in presetctl.yaml: no snapshot, no checks, no note.
    case off
  }

  /// The one location rule (README "Model catalogue"): the snapshot is `presetctl.catalogue.json` beside the
  /// `presetctl.yaml` that governs PATH (found as `RepositoryConfig.location` finds it); without one, in PATH
  /// itself (a file's folder). A `catalogue:` key in presetctl.yaml names another file, relative to
  /// presetctl.yaml, or turns the catalogue off (`off`/`false`). The repository's top level is never assumed.
  package static func place(
    for path: String, layout: RepositoryLayout, config: RepositoryConfig
  ) -> (place: Place?, diagnostics: [Diagnostic]) {
    let configURL = RepositoryConfig.location(for: path, layout: layout)
    var folder: URL
    if let configURL {
      folder = configURL.deletingLastPathComponent()
    } else {
      folder = URL(fileURLWithPath: path).standardizedFileURL
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), !isDirectory.boolValue {
        folder = folder.deletingLastPathComponent()
      }
    }
    var name = fileName
    let pointer = JSONPointer.root.appending("catalogue")
    func refused(_ message: String, _ document: LocatedDocument) -> (Place?, [Diagnostic]) {
      (
        nil,
        [.error("config.catalogue", message, at: document.sourceMap.location(of: pointer), path: pointer.description)]
      )
    }
    if let document = config.document, case .object(let top) = document.value, let setting = top["catalogue"] {
      switch setting {
      case .bool(false), .string("off"), .null:
        return (.off, [])
      case .string(let text) where !text.isEmpty && !text.hasCodeUnitPrefix("/") && !text.utf8.contains(0):
        name = text
      default:
        return refused(
          "`catalogue` must be a path relative to \(RepositoryConfig.fileName) (or `off`), got \(PolicyConfigParser.display(setting))",
          document)
      }
    }
    let url = folder.appendingPathComponent(name).standardizedFileURL
    let relative = layout.relativePath(url)
    if name != fileName, relative.hasCodeUnitPrefix("/"), let document = config.document {
      // `pull` writes this file: a configured name must not point it out of the repository.
      return refused(
        "`catalogue: \(name)` lies outside the repository root; the snapshot must stay inside it", document)
    }
    return (.file(path: url.path, relative: relative), [])
  }

  /// Loads the snapshot for PATH: nil with one `catalogue.missing` note when there is none, nil with a
  /// `catalogue.snapshot` error naming the file when it cannot be used, nil and nothing when it is off.
  package static func load(
    for path: String, layout: RepositoryLayout, config: RepositoryConfig
  ) -> (catalogue: Catalogue?, diagnostics: [Diagnostic]) {
    let (place, diagnostics) = place(for: path, layout: layout, config: config)
    guard case .file(let file, let relative)? = place else { return (nil, diagnostics) }
    guard FileManager.default.fileExists(atPath: file) else {
      let note = Diagnostic(
        severity: .note, code: missingCode,
        message: "no model catalogue at \(relative): model, parameter and provider checks are skipped",
        hint:
          "run `presetctl catalogue pull` and commit the file, or set `catalogue: false` in \(RepositoryConfig.fileName)"
      )
      return (nil, [note])
    }
    let bytes: [UInt8]
    do {
      bytes = try FileReader.read(file, limit: maxFileBytes)
    } catch {
      return (nil, [ReadError(message: error.reason).diagnostic(file: relative)])
    }
    do throws(ReadError) {
      return (try read(bytes), [])
    } catch {
      return (nil, [error.diagnostic(file: relative)])
    }
  }
}
