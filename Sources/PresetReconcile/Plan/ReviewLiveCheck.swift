import Foundation
import PresetCompiler
import PresetCore
import PresetModel

/// Policy and prompt lint for content that comes from OpenRouter instead of the repository (`rollback` pushes
/// an old live version, `import` writes live presets into files).
///
/// The content is checked the way `validate` checks a preset: each live version becomes the preset file
/// `import` would write (its normalised model, the request body under the first skin that accepts it), placed
/// at the path it has (or would have) in the repository so that rules' `files` globs apply, next to the
/// repository's `presetctl.yaml`, and compiled in a temporary folder. Nothing in the repository is written.
package enum ReviewLiveCheck {
  /// One live version to check.
  package struct Item: Sendable {
    /// The preset file text (from `LiveImport.file`).
    package var text: String
    /// Where the file is (or would be) in the repository, relative to its root (`presets/support/a.yaml`).
    package var relativePath: String

    /// Creates an item.
    package init(text: String, relativePath: String) {
      self.text = text
      self.relativePath = relativePath
    }
  }

  /// What the check found.
  package struct Outcome: Sendable {
    /// Policy violations, lint findings and any compile problem of the content, sorted for a report.
    package var diagnostics: [Diagnostic]
    /// The diagnostics as text with source snippets (rendered while the temporary files existed).
    package var report: String

    /// An outcome.
    package init(diagnostics: [Diagnostic], report: String) {
      self.diagnostics = diagnostics
      self.report = report
    }

    /// True when a policy rule or a lint reports an error, or the check could not run: a push is refused
    /// unless explicitly allowed.
    package var hasPolicyErrors: Bool {
      diagnostics.contains { d in
        d.severity == .error && ["policy.", "lint.", "check."].contains { d.code.hasPrefix($0) }
      }
    }
  }

  /// The repository layout and PATH relative to its root for a PATH that may not exist yet (`import --into`).
  package static func locate(path: String) -> (layout: RepositoryLayout, relativePath: String) {
    var folder = URL(fileURLWithPath: path).standardizedFileURL
    while !FileManager.default.fileExists(atPath: folder.path) {
      let parent = folder.deletingLastPathComponent()
      if parent.path == folder.path { break }
      folder = parent
    }
    let layout = RepositoryLayout(containing: folder.path)
    let relative = layout.relativePath(URL(fileURLWithPath: path).standardizedFileURL)
    let root = layout.root.path
    return (layout, relative == root || relative.hasCodeUnitPrefix("/") ? "" : relative)
  }

  /// Checks `items` against the `presetctl.yaml` in effect for `path` (read as every command reads it), or with
  /// `nearest`, the nearest one in `path` or a folder above it up to the repository root (for `import --into`,
  /// whose folder usually lies below the compiled one).
  ///
  /// `report` renders the diagnostics while the temporary files still exist (snippets are read from them);
  /// the caller supplies it so this room stays free of output formats.
  package static func check(
    _ items: [Item], path: String, nearest: Bool = false, report render: (CompileResult) -> String
  ) -> Outcome {
    guard !items.isEmpty else { return Outcome(diagnostics: [], report: "") }
    let (layout, relativePath) = locate(path: path)
    let fm = FileManager.default
    let scratch = fm.temporaryDirectory.appendingPathComponent("presetctl-check-\(UUID().uuidString)")
    defer { try? fm.removeItem(at: scratch) }
    do {
      var target = relativePath.isEmpty ? scratch : scratch.appendingPathComponent(relativePath)
      try fm.createDirectory(at: target, withIntermediateDirectories: true)
      let config =
        nearest ? nearestConfig(relativePath, layout: layout) : RepositoryConfig.location(for: path, layout: layout)
      if let config {
        let shown = layout.relativePath(config)
        let copy = scratch.appendingPathComponent(shown.hasCodeUnitPrefix("/") ? RepositoryConfig.fileName : shown)
        try fm.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try fm.copyItem(at: config, to: copy)
        // Compile from the configuration's folder so the compiler reads that file; only `items` are there.
        if nearest { target = copy.deletingLastPathComponent() }
      }
      for item in items {
        guard let relative = RepositoryLayout.normalise(item.relativePath), !relative.hasCodeUnitPrefix("/") else {
          continue
        }
        let url = scratch.appendingPathComponent(relative)
        try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AtomicFile.write(item.text, to: url.path)
      }
      let result = Compiler().compile(paths: [target.path], layout: RepositoryLayout(root: scratch))
      return Outcome(diagnostics: result.diagnostics, report: result.diagnostics.isEmpty ? "" : render(result))
    } catch {
      let problem = Diagnostic.error(
        "check.scratch", "cannot check policy in a temporary folder: \(error)",
        at: SourceLocation(file: RepositoryConfig.fileName, line: 1, column: 1))
      return Outcome(diagnostics: [problem], report: "error[check.scratch]: \(problem.message)\n")
    }
  }

  /// The first `presetctl.yaml` in `relativePath` or above it, up to the root.
  static func nearestConfig(_ relativePath: String, layout: RepositoryLayout) -> URL? {
    var parts = relativePath.slashComponents().map(String.init)
    while true {
      let folder = parts.isEmpty ? layout.root : layout.root.appendingPathComponent(parts.joined(separator: "/"))
      let candidate = folder.appendingPathComponent(RepositoryConfig.fileName)
      if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
      guard !parts.isEmpty else { return nil }
      parts.removeLast()
    }
  }
}
