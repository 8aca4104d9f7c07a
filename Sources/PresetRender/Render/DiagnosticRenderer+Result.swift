import Foundation
import PresetCompiler
import PresetCore
import PresetModel

extension DiagnosticRenderer {
  /// A renderer whose snippets are read from the compiled repository.
  package static func forResult(_ result: CompileResult, style: Style = Style(enabled: false)) -> DiagnosticRenderer {
    forLayout(result.layout, style: style)
  }

  /// A renderer whose snippets are read from the repository at `layout`.
  package static func forLayout(_ layout: RepositoryLayout, style: Style = Style(enabled: false)) -> DiagnosticRenderer
  {
    // Snippets never quote a file outside the repository (a symlink pointing out of it, say).
    .readingSnippets(under: layout.root.path, style: style) { layout.contains(URL(fileURLWithPath: $0)) }
  }

  /// A text report of a compilation's diagnostics with snippets, for checks that render while their
  /// temporary sources still exist (`ReviewLiveCheck`).
  package static func textReport(style: Style) -> (CompileResult) -> String {
    { result in forResult(result, style: style).render(result.diagnostics, format: .text) }
  }
}
