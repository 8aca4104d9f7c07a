import Foundation
import PresetCore
import PresetSchema

/// One preset serialised for the bundle on the thread that compiled it, so a build keeps bytes, not trees.
///
/// The worker does all per-entry work: the canonical JSON (with the model's canonical bytes, already made for
/// the version, spliced in rather than serialised again), its SHA-256 for the bundle digest, and the pretty
/// layout the file gets. The writing thread only copies bytes.
package struct BundleEntry: Sendable {
  /// The slug (the bundle's sort key).
  package var slug: String
  /// The skin.
  package var skin: Skin
  /// The model column of the summary.
  package var modelName: String
  /// The content version.
  package var version: PresetVersion
  /// The entry as RFC 8785 canonical JSON.
  package var canonical: [UInt8]
  /// The SHA-256 of `canonical`: this entry's line of the bundle digest.
  package var hash: BundleDigest.EntryHash

  /// Serialises a compiled preset.
  package init(_ preset: Preset) {
    slug = preset.slug
    skin = preset.skin
    modelName = preset.model.modelSummary
    version = preset.version
    canonical = Self.canonicalBytes(for: preset)
    hash = BundleDigest.EntryHash(canonical: canonical)
  }

  /// The entry in the bundle's pretty layout, nested as an element of `presets` (level 2).
  package var pretty: [UInt8] {
    let bytes = JSONWriter.prettyFromCanonical(canonical, level: 2)
    // Growth by doubling leaves up to half of a buffer unused; trimmed before it is parked.
    return [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, count in
      count = buffer.initialize(from: bytes).1
    }
  }

  /// The canonical JSON of `PresetBundle.json(for:)`, written member by member so the model's canonical bytes
  /// (`preset.canonicalModel`) are copied instead of serialised again. Members go in RFC 8785 order; every
  /// key is ASCII, so byte order is UTF-16 order: description, model, request, skin, slug, source, version.
  package static func canonicalBytes(for preset: Preset) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(preset.canonicalModel.count * 2 + 256)
    func key(_ name: String, first: Bool = false) {
      out.append(contentsOf: (first ? "{\"" : ",\"").utf8)
      out.append(contentsOf: name.utf8)
      out.append(contentsOf: "\":".utf8)
    }
    func value(_ json: JSONValue) { JSONWriter.append(json, to: &out, options: .canonical, level: 0) }
    if let description = preset.description {
      key("description", first: true)
      value(.string(description))
      key("model")
    } else {
      key("model", first: true)
    }
    out.append(contentsOf: preset.canonicalModel)
    key("request")
    value(
      .object(
        JSONObject([
          .init(key: "body", value: .object(preset.body)),
          .init(key: "method", value: "POST"),
          .init(key: "path", value: .string(preset.requestPath)),
        ])))
    key("skin")
    value(.string(preset.skin.rawValue))
    key("slug")
    value(.string(preset.slug))
    key("source")
    value(
      .object(
        JSONObject([
          .init(key: "file", value: .string(preset.source.file)),
          .init(key: "line", value: .number(Double(preset.source.line))),
        ])))
    key("version")
    value(.string(preset.version.rawValue))
    out.append(UInt8(ascii: "}"))
    return out
  }
}

/// A bundle entry whose pretty JSON waits in a spool file: what a build keeps per preset while compiling.
package struct SpooledEntry: Sendable {
  /// The summary fields.
  package var slug: String
  package var skin: Skin
  package var modelName: String
  package var version: PresetVersion
  /// The entry's line of the bundle digest.
  package var hash: BundleDigest.EntryHash
  /// Where the pretty JSON lies in the spool; nil when the spool could not take it.
  var extent: SpoolFile.Extent?
  /// The root-relative prompt file the preset read, if any: the build must not write its bundle over it.
  package var promptFile: String?
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
  package static func write(_ entries: [SpooledEntry], spool: SpoolFile, to path: String) throws(SpoolError) -> String {
    let target: OutputTarget
    do {
      target = try OutputTarget.resolve(path)
    } catch {
      throw SpoolError(message: error.description, code: error.code)
    }
    return try write(entries, spool: spool, to: target)
  }

  /// Writes a bundle from spooled entries to a resolved target (a file, or standard output). The digest comes
  /// from the entries' hashes, so it is known before the first byte and the file is one sequential copy.
  package static func write(_ entries: [SpooledEntry], spool: SpoolFile, to target: OutputTarget) throws(SpoolError)
    -> String
  {
    let digest = BundleDigest.of(entries.lazy.map(\.hash))
    var failure: SpoolError?
    do throws(AtomicFile.WriteError) {
      try AtomicFile.write(to: target) { sink in
        sink.write("{\n  \"digest\": \"\(digest)\",\n  \"format\": \"\(format)\",\n  \"presets\": ".utf8)
        sink.write((entries.isEmpty ? "[]" : "[").utf8)
        for (i, entry) in entries.enumerated() {
          guard let extent = entry.extent, let bytes = spool.read(extent) else {
            failure = SpoolError(message: "cannot read back the scratch copy of `\(entry.slug)`")
            sink.fail(failure?.message ?? "")
            return
          }
          sink.write((i > 0 ? ",\n    " : "\n    ").utf8)
          sink.write(bytes)
        }
        if !entries.isEmpty { sink.write("\n  ]".utf8) }
        sink.write("\n}\n".utf8)
      }
    } catch {
      throw failure ?? SpoolError(message: error.description, code: error.code)
    }
    return digest
  }
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
    }.sorted { $0.slug.precedesInCodeUnits($1.slug) }
    return try write(entries, spool: spool, to: path)
  }
}

extension SpooledEntry {
  /// Serialises a preset and parks its pretty JSON in the spool.
  package init(_ preset: Preset, spool: SpoolFile) {
    let entry = BundleEntry(preset)
    self.init(
      slug: entry.slug, skin: entry.skin, modelName: entry.modelName, version: entry.version, hash: entry.hash,
      // Straight into the spool: `pretty`'s trimmed copy only pays off for bytes that stay in memory.
      extent: spool.append(JSONWriter.prettyFromCanonical(entry.canonical, level: 2)),
      promptFile: preset.promptSource?.file)
  }
}
