import Foundation
import PresetCore
import PresetSchema

/// One preset serialised for the bundle on the thread that compiled it, so a build keeps bytes, not trees.
///
/// A build of 10,000 presets would otherwise hold every request, body and model as `JSONValue`s until the
/// bundle is written; an entry is its canonical JSON (about half the size of the pretty form, whose deep
/// indentation dominates) plus what the summary table shows.
package struct BundleEntry: Sendable {
  /// The slug (the bundle's sort key).
  package var slug: String
  /// The skin.
  package var skin: Skin
  /// The model column of the summary.
  package var modelName: String
  /// The content version.
  package var version: PresetVersion
  /// The entry as RFC 8785 canonical JSON: the compact form held in memory until the bundle is written.
  package var canonical: [UInt8]

  /// Serialises a compiled preset.
  package init(_ preset: Preset) {
    slug = preset.slug
    skin = preset.skin
    modelName = preset.model.modelSummary
    version = preset.version
    let bytes = JSONWriter.canonicalBytes(PresetBundle.json(for: preset))
    // Growth by doubling leaves up to half of a buffer unused; entries live until the bundle is written.
    canonical = [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, count in
      count = buffer.initialize(from: bytes).1
    }
  }

  /// Writes the entry in the bundle's pretty layout (nested `level` deep).
  func writePretty(level: Int, into sink: inout AtomicFile.Sink) {
    sink.write(JSONWriter.prettyFromCanonical(canonical, level: level))
  }
}

/// A bundle entry whose JSON waits in a spool file: what a build keeps per preset while compiling.
package struct SpooledEntry: Sendable {
  /// The summary fields.
  package var slug: String
  package var skin: Skin
  package var modelName: String
  package var version: PresetVersion
  /// Where the canonical JSON lies in the spool; nil when the spool could not take it.
  var extent: SpoolFile.Extent?
}

extension PresetBundle {
  /// Why a spooled bundle could not be written.
  package struct SpoolError: Error, Sendable, CustomStringConvertible {
    /// What failed.
    package var message: String
    /// The stable diagnostic code (`output.not-regular`, … from the writer).
    package var code: String = "output.write-failed"
    /// The text shown to people.
    package var description: String { message }
  }

  /// Writes a bundle from spooled entries sorted by slug, streaming to a temporary file that replaces `path`
  /// atomically. Returns the digest. Byte-identical to `PresetBundle(presets:).fileBytes` for the same presets.
  ///
  /// One pass over the spool: the digest (which the file names first) is written as a placeholder and patched
  /// before the rename; per chunk of entries one thread hashes the canonical bytes while another re-indents
  /// them, so SHA-256 and layout overlap on two cores.
  package static func write(_ entries: [SpooledEntry], spool: SpoolFile, to path: String) throws(SpoolError) -> String {
    let target: OutputTarget
    do {
      target = try OutputTarget.resolve(path)
    } catch {
      throw SpoolError(message: error.description, code: error.code)
    }
    return try write(entries, spool: spool, to: target)
  }

  /// Writes a bundle from spooled entries to a resolved target (a file, or standard output).
  package static func write(_ entries: [SpooledEntry], spool: SpoolFile, to target: OutputTarget) throws(SpoolError)
    -> String
  {
    let hasher = HashBox()
    hasher.update([UInt8(ascii: "[")])
    var failure: SpoolError?
    do throws(AtomicFile.WriteError) {
      try AtomicFile.write(to: target) { sink in
        sink.write("{\n  \"digest\": \"".utf8)
        let digestOffset = sink.offset
        sink.write(("sha256:" + String(repeating: "0", count: 64)).utf8)
        sink.write("\",\n  \"format\": \"\(format)\",\n  \"presets\": ".utf8)
        sink.write((entries.isEmpty ? "[]" : "[").utf8)
        let chunkSize = 256
        for chunkStart in stride(from: 0, to: entries.count, by: chunkSize) {
          let chunk = entries[chunkStart..<min(chunkStart + chunkSize, entries.count)]
          var canonical: [[UInt8]] = []
          canonical.reserveCapacity(chunk.count)
          for entry in chunk {
            guard let extent = entry.extent, let bytes = spool.read(extent) else {
              failure = SpoolError(message: "cannot read back the scratch copy of `\(entry.slug)`")
              sink.fail(failure?.message ?? "")
              return
            }
            canonical.append(bytes)
          }
          let pretty = PrettyBox(count: canonical.count)
          let parts = canonical
          DispatchQueue.concurrentPerform(iterations: 2) { job in
            if job == 0 {
              for (i, bytes) in parts.enumerated() {
                if chunkStart + i > 0 { hasher.update([UInt8(ascii: ",")]) }
                hasher.update(bytes)
              }
            } else {
              for (i, bytes) in parts.enumerated() { pretty.set(i, JSONWriter.prettyFromCanonical(bytes, level: 2)) }
            }
          }
          for (i, bytes) in pretty.values.enumerated() {
            sink.write((chunkStart + i > 0 ? ",\n    " : "\n    ").utf8)
            sink.write(bytes)
          }
        }
        if !entries.isEmpty { sink.write("\n  ]".utf8) }
        sink.write("\n}\n".utf8)
        hasher.update([UInt8(ascii: "]")])
        sink.patch(at: digestOffset, with: Array(hasher.digest.utf8))
      }
    } catch {
      throw failure ?? SpoolError(message: error.description, code: error.code)
    }
    return hasher.digest
  }
}

/// A SHA-256 hasher shared with the hashing job of a chunk (one writer at a time).
private final class HashBox: @unchecked Sendable {
  private var hasher = SHA256()
  private var result: String?

  func update(_ bytes: [UInt8]) { hasher.update(bytes) }

  /// `sha256:` + hex; finalises on first use.
  var digest: String {
    if let result { return result }
    let value = "sha256:" + SHA256.hexString(hasher.finalize())
    result = value
    return value
  }
}

/// Re-indented entries of one chunk, filled by the layout job.
private final class PrettyBox: @unchecked Sendable {
  private(set) var values: [[UInt8]]

  init(count: Int) { values = Array(repeating: [], count: count) }

  func set(_ index: Int, _ bytes: [UInt8]) { values[index] = bytes }
}

extension PresetBundle {
  /// Writes the bundle of `presets` to `path` the way `presetctl build` does (entries serialised in parallel,
  /// spooled, then streamed in slug order) and returns the digest. For library users and benchmarks.
  package static func write(_ presets: [Preset], to path: String, parallelism: Int) throws(SpoolError) -> String {
    let folder = (path as NSString).deletingLastPathComponent
    let spool: SpoolFile
    do {
      spool = try SpoolFile(directory: folder.isEmpty ? "." : folder)
    } catch {
      throw SpoolError(message: error.description)
    }
    let entries = ParallelMap.map(presets, parallelism: parallelism) { preset in
      SpooledEntry(preset, spool: spool)
    }.sorted { $0.slug.utf8.lexicographicallyPrecedes($1.slug.utf8) }
    return try write(entries, spool: spool, to: path)
  }
}

extension SpooledEntry {
  /// Serialises a preset and parks its canonical JSON in the spool.
  package init(_ preset: Preset, spool: SpoolFile) {
    let entry = BundleEntry(preset)
    self.init(
      slug: entry.slug, skin: entry.skin, modelName: entry.modelName, version: entry.version,
      extent: spool.append(entry.canonical))
  }
}
