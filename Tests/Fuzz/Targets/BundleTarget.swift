/// Reading bundle and plan files, which a deploy job may get from anywhere: never crashes; a bundle that reads
/// back writes the same canonical presets again.
enum BundleTarget {
  static func run(_ bytes: [UInt8]) {
    guard let value = try? JSONParser.parse(bytes) else { return }
    if let bundle = try? PresetBundle(json: value) {
      guard let again = try? PresetBundle(bytes: bundle.fileBytes) else { fuzzFail("a read bundle does not re-read") }
      if again.json != bundle.json { fuzzFail("bundle changed on a second read") }
    }
    _ = try? PlanFile(json: value)
  }
}
