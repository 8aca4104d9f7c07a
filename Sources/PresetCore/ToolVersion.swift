/// presetctl's version, in the lowest layer because the HTTP user agent and the header of imported files carry it
/// as well as `presetctl --version`.
package enum ToolVersion {
  /// The release this source tree builds.
  package static let current = "0.1.0"
}
