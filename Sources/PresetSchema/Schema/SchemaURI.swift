import PresetCore

/// RFC 3986 URI references, just enough to resolve `$id`, `$ref` and `$dynamicRef` against a base URI.
///
/// Foundation's `URL(string:relativeTo:)` is not used because it mangles URNs (`urn:uuid:…`) and `tag:` URIs,
/// both of which appear as schema identifiers.
struct SchemaURI: Equatable {
  var scheme: String?
  var authority: String?
  var path: String
  var query: String?
  var fragment: String?

  /// Splits a URI reference into its five components (RFC 3986 appendix B).
  init(parsing text: String) {
    var rest = Substring(text)
    fragment = nil
    if let hash = rest.firstIndex(of: "#") {
      fragment = String(rest[rest.index(after: hash)...])
      rest = rest[..<hash]
    }
    query = nil
    if let mark = rest.firstIndex(of: "?") {
      query = String(rest[rest.index(after: mark)...])
      rest = rest[..<mark]
    }
    scheme = nil
    if let colon = rest.firstIndex(of: ":") {
      let candidate = rest[..<colon]
      if Self.isScheme(candidate) {
        scheme = String(candidate)
        rest = rest[rest.index(after: colon)...]
      }
    }
    authority = nil
    if rest.hasPrefix("//") {
      let afterSlashes = rest.dropFirst(2)
      let end = afterSlashes.firstIndex(of: "/") ?? afterSlashes.endIndex
      authority = String(afterSlashes[..<end])
      rest = afterSlashes[end...]
    }
    path = String(rest)
  }

  private init(scheme: String?, authority: String?, path: String, query: String?, fragment: String?) {
    self.scheme = scheme
    self.authority = authority
    self.path = path
    self.query = query
    self.fragment = fragment
  }

  private static func isScheme(_ text: Substring) -> Bool {
    guard let first = text.unicodeScalars.first, first.isASCIILetter else { return false }
    return text.unicodeScalars.allSatisfy {
      $0.isASCIILetter || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0)
    }
  }

  /// The recomposed text form.
  var text: String {
    var out = ""
    if let scheme { out += scheme + ":" }
    if let authority { out += "//" + authority }
    out += path
    if let query { out += "?" + query }
    if let fragment { out += "#" + fragment }
    return out
  }

  /// Resolves `reference` against `base` (RFC 3986 section 5.2.2).
  package static func resolve(_ reference: String, against base: String) -> String {
    let ref = SchemaURI(parsing: reference)
    let base = SchemaURI(parsing: base)
    var target: SchemaURI
    if ref.scheme != nil {
      target = SchemaURI(
        scheme: ref.scheme, authority: ref.authority, path: removeDotSegments(ref.path), query: ref.query,
        fragment: ref.fragment)
    } else if ref.authority != nil {
      target = SchemaURI(
        scheme: base.scheme, authority: ref.authority, path: removeDotSegments(ref.path), query: ref.query,
        fragment: ref.fragment)
    } else if ref.path.isEmpty {
      target = SchemaURI(
        scheme: base.scheme, authority: base.authority, path: base.path, query: ref.query ?? base.query,
        fragment: ref.fragment)
    } else {
      let path = ref.path.hasPrefix("/") ? ref.path : merge(base: base, path: ref.path)
      target = SchemaURI(
        scheme: base.scheme, authority: base.authority, path: removeDotSegments(path), query: ref.query,
        fragment: ref.fragment)
    }
    return target.text
  }

  private static func merge(base: SchemaURI, path: String) -> String {
    if base.authority != nil && base.path.isEmpty { return "/" + path }
    guard let slash = base.path.lastIndex(of: "/") else { return path }
    return String(base.path[...slash]) + path
  }

  /// RFC 3986 section 5.2.4, on whole segments.
  static func removeDotSegments(_ path: String) -> String {
    guard path.contains(".") else { return path }
    let absolute = path.hasPrefix("/")
    var output: [Substring] = []
    let segments = path.split(separator: "/", omittingEmptySubsequences: false)
    let body = absolute ? segments.dropFirst() : segments[...]
    var trailingSlash = false
    for (offset, segment) in body.enumerated() {
      let isLast = offset == body.count - 1
      switch segment {
      case ".":
        trailingSlash = isLast
      case "..":
        if !output.isEmpty { output.removeLast() }
        trailingSlash = isLast
      default:
        output.append(segment)
        trailingSlash = false
      }
    }
    var result = (absolute ? "/" : "") + output.joined(separator: "/")
    if trailingSlash && !result.hasSuffix("/") { result += "/" }
    return result
  }

  /// Splits an absolute URI into the part before `#` and the percent-decoded fragment (nil when absent).
  static func splitFragment(_ uri: String) -> (base: String, fragment: String?) {
    guard let hash = uri.firstIndex(of: "#") else { return (uri, nil) }
    let fragment = String(uri[uri.index(after: hash)...])
    return (String(uri[..<hash]), percentDecode(fragment))
  }

  /// Decodes `%XX` escapes as UTF-8; malformed escapes are kept as written.
  static func percentDecode(_ text: String) -> String {
    guard text.contains("%") else { return text }
    var bytes: [UInt8] = []
    let utf8 = Array(text.utf8)
    var i = 0
    while i < utf8.count {
      if utf8[i] == UInt8(ascii: "%"), i + 2 < utf8.count, let high = hexValue(utf8[i + 1]),
        let low = hexValue(utf8[i + 2])
      {
        bytes.append(high << 4 | low)
        i += 3
      } else {
        bytes.append(utf8[i])
        i += 1
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}

extension Unicode.Scalar {
  fileprivate var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
