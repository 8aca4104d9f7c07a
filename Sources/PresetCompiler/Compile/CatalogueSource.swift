import PresetPolicy

/// Which model catalogue a compilation checks against (`Compiler.Options.catalogue`).
package enum CatalogueSource: Sendable {
  /// The repository's committed snapshot, found by the location rule (`CatalogueSnapshot.place`).
  case snapshot
  /// This catalogue (nil: none, the checks are skipped without a note).
  case given(Catalogue?)
}
