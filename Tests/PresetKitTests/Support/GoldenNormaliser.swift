import Foundation

/// The one place volatile parts of command output are made stable before a golden comparison: the fake's
/// address (its port changes every run), temporary folders, timestamps and server-made ids.
enum GoldenNormaliser {
  /// `text` with `api` (the fake's base URL) as `<api>`, `folders` (and their resolved forms) as `<repo>`,
  /// any other loopback port as `<port>`, ISO 8601 timestamps as `<time>` and UUIDs as `<uuid>`.
  static func normalise(_ text: String, api: URL? = nil, folders: [URL] = []) -> String {
    var out = text
    if let api { out = out.replacingOccurrences(of: api.absoluteString, with: "<api>") }
    for folder in folders {
      for form in Set([folder.path, folder.resolvingSymlinksInPath().path, folder.standardizedFileURL.path]) {
        out = out.replacingOccurrences(of: form, with: "<repo>")
      }
    }
    out = replacing(#"(127\.0\.0\.1|localhost):[0-9]+"#, in: out, with: "$1:<port>")
    out = replacing(
      #"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})"#, in: out,
      with: "<time>")
    out = replacing(
      #"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"#, in: out, with: "<uuid>")
    return out
  }

  private static func replacing(_ pattern: String, in text: String, with template: String) -> String {
    guard let regex = try? NSRegularExpression(pattern: pattern) else { return text }
    return regex.stringByReplacingMatches(
      in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
  }
}
