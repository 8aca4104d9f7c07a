import Foundation
import PresetCore

extension DiagnosticRenderer {
  /// A renderer whose snippets are read from the files below `root` (a relative diagnostic path is taken from
  /// there; an absolute one as is), each up to `ByteLimits.snippetFile`. `allows` refuses paths a snippet must
  /// not quote (one outside the repository, reached through a symlink, say); an unreadable file has no snippet.
  package static func readingSnippets(
    under root: String, style: Style, allows: @escaping @Sendable (String) -> Bool = { _ in true }
  ) -> DiagnosticRenderer {
    DiagnosticRenderer(style: style) { file in
      let path = file.hasCodeUnitPrefix("/") ? file : root + "/" + file
      guard allows(path) else { return nil }
      return try? FileReader.read(path, limit: ByteLimits.snippetFile)
    }
  }
}
