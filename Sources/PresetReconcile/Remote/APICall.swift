/// One API call: method, path below the base URL (already percent-encoded), query and body.
struct Call: Sendable {
  var method: String
  var path: String
  var query: [(String, String)] = []
  var body: [UInt8]?
  package var slug: String?

  init(method: String, path: String, query: [(String, String)] = [], body: [UInt8]? = nil, slug: String?) {
    self.method = method
    self.path = path
    self.query = query
    self.body = body
    self.slug = slug
  }

  /// `GET /presets/x`, used in error messages.
  var label: String { "\(method) \(path)" }
}
