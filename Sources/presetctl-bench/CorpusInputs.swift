import Foundation
import PresetCore
import PresetKit
import PresetModel
import PresetReconcile

/// The corpus files loaded once for the in-memory phases: preset YAML with relative paths, and the paths of
/// every file under `presets/` (YAML and prompt files) for the read-and-hash floor.
struct CorpusInputs {
  /// One preset file in memory.
  struct File {
    var relativePath: String
    var bytes: [UInt8]
  }

  /// The preset files, in the compiler's order.
  var yaml: [File] = []
  /// Every regular file under `presets/`.
  var allPaths: [String] = []
  /// Bytes of prompt (non-YAML) files.
  var otherBytes = 0

  /// Reads the corpus under `root`.
  init(root: URL, layout: RepositoryLayout) throws(BenchError) {
    let presets = root.appendingPathComponent("presets").path
    let files: [RepositoryLayout.PresetFile]
    do {
      files = try layout.presetFiles(under: presets)
    } catch {
      throw BenchError.failed("cannot list \(presets): \(error)")
    }
    for file in files {
      do {
        yaml.append(File(relativePath: file.relativePath, bytes: try FileReader.read(file.url.path, limit: 1 << 30)))
      } catch {
        throw BenchError.failed("cannot read \(file.url.path): \(error.reason)")
      }
    }
    let yamlPaths = Set(files.map { $0.url.standardizedFileURL.path })
    guard let enumerator = FileManager.default.enumerator(atPath: presets) else {
      throw BenchError.failed("cannot list \(presets)")
    }
    for case let relative as String in enumerator {
      let path = presets + "/" + relative
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
        continue
      }
      allPaths.append(path)
      if !yamlPaths.contains(URL(fileURLWithPath: path).standardizedFileURL.path) {
        otherBytes += (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
      }
    }
    allPaths.sort()
  }

  /// YAML bytes.
  var yamlBytes: Int { yaml.reduce(0) { $0 + $1.bytes.count } }

  /// A few Markdown lines about the inputs.
  func describe() -> String {
    let total = yamlBytes + otherBytes
    return """
      - corpus: \(yaml.count) preset files, \(format(Double(yamlBytes) / 1_048_576)) MiB YAML; \
      \(allPaths.count - yaml.count) prompt files, \(format(Double(otherBytes) / 1_048_576)) MiB; \
      \(format(Double(total) / 1_048_576)) MiB in all

      """
  }
}
