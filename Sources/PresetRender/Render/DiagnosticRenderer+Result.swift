import Foundation
import PresetCompiler
import PresetCore
import PresetModel

extension DiagnosticRenderer {
  /// A renderer whose snippets are read from the compiled repository.
  package static func forResult(_ result: CompileResult, style: Style = Style(enabled: false)) -> DiagnosticRenderer {
    let layout = result.layout
    let root = layout.root.path
    return DiagnosticRenderer(style: style) { file in
      let path = file.hasPrefix("/") ? file : root + "/" + file
      // Snippets never quote a file outside the repository (a symlink pointing out of it, say).
      guard layout.contains(URL(fileURLWithPath: path)) else { return nil }
      return try? FileReader.read(path, limit: 64 * 1024 * 1024)
    }
  }

  /// A text report of a compilation's diagnostics with snippets, for checks that render while their
  /// temporary sources still exist (`ReviewLiveCheck`).
  package static func textReport(style: Style) -> (CompileResult) -> String {
    { result in forResult(result, style: style).render(result.diagnostics, format: .text) }
  }
}
