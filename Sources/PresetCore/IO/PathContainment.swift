/// Whether one absolute path is a folder or lies below it, decided on UTF-8 code units.
///
/// Linux names are bytes: `café` written precomposed and decomposed are two different folders, while Swift's
/// `==` and `hasPrefix` treat them as equal. A containment check by those would let a symlink into a sibling
/// folder whose name differs only in normalisation pass as "inside the repository".
package enum PathContainment {
  /// True when `path` is `folder` or lies below it; a trailing `/` on `folder` is allowed.
  package static func isInside(_ path: String, folder: String) -> Bool {
    var base = folder
    while base.utf8.count > 1, base.utf8.last == UInt8(ascii: "/") { base.removeLast() }
    if path.hasSameCodeUnits(as: base) { return true }
    return path.hasCodeUnitPrefix(base.utf8.last == UInt8(ascii: "/") ? base : base + "/")
  }

  /// `path` relative to `folder` (`""` for the folder itself), or nil when it is not inside.
  package static func relative(_ path: String, to folder: String) -> String? {
    var base = folder
    while base.utf8.count > 1, base.utf8.last == UInt8(ascii: "/") { base.removeLast() }
    if path.hasSameCodeUnits(as: base) { return "" }
    return path.removingCodeUnitPrefix(base.utf8.last == UInt8(ascii: "/") ? base : base + "/")
  }
}
