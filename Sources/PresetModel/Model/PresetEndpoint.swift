import PresetCore
import PresetSchema

/// The API paths of one preset, built in one place so that the path a bundle records and the path a request
/// is sent to are the same string. The slug is always percent-encoded as one path segment (`PathEncoding`):
/// a valid slug encodes to itself, and any other (a hostile one from the server, `..`, `a/b`) cannot escape
/// its segment.
package enum PresetEndpoint {
  /// `/presets/<slug>`.
  package static func preset(_ slug: String) -> String { "/presets/" + PathEncoding.segment(slug) }

  /// `/presets/<slug>/<endpoint>`: where a body of `skin` is POSTed to make a new version.
  package static func create(_ slug: String, skin: Skin) -> String { preset(slug) + "/" + skin.endpointPath }
}
