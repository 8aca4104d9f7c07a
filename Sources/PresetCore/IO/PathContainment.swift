/// Whether one absolute path is a folder or lies below it, decided on UTF-8 code units.
///
/// Linux names are bytes: `café` written precomposed and decomposed are two different folders, while Swift's
/// `==` and `hasPrefix` treat them as equal. A containment check by those would let a symlink into a sibling
/// folder whose name differs only in normalisation pass as "inside the repository".
package enum PathContainment {
  /// True when `path` is `folder` or lies below it; a trailing `/` on `folder` is allowed.
  package static func isInside(_ path: String, folder: String) -> Bool {
    let (base, prefix) = bounds(of: folder)
    return path.hasSameCodeUnits(as: base) || path.hasCodeUnitPrefix(prefix)
  }

  /// `path` relative to `folder` (`""` for the folder itself), or nil when it is not inside.
  package static func relative(_ path: String, to folder: String) -> String? {
    let (base, prefix) = bounds(of: folder)
    if path.hasSameCodeUnits(as: base) { return "" }
    return path.removingCodeUnitPrefix(prefix)
  }

  /// The folder without trailing slashes, and the prefix every path below it starts with (`/` stays `/`).
  private static func bounds(of folder: String) -> (base: String, prefix: String) {
    var base = folder
    while base.utf8.count > 1, base.utf8.last == UInt8(ascii: "/") { base.removeLast() }
    return (base, base.utf8.last == UInt8(ascii: "/") ? base : base + "/")
  }
}
