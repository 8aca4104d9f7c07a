import Foundation
import PresetCore
import PresetSchema

extension GitRevision {
  /// One file of a revision's tree.
  struct TreeEntry: Sendable, Equatable {
    /// What the entry is on disk.
    enum Kind: Sendable, Equatable {
      case file
      case symlink
    }

    var kind: Kind
    /// The blob hash.
    var object: String
    /// The blob size in bytes.
    var size: Int
    /// The path inside the repository, `/`-separated.
    var path: String
  }

  /// Every blob and symlink of the commit's tree (submodules are skipped: their content is not in this repository).
  func treeEntries() throws(Failure) -> [TreeEntry] {
    let output = try Self.git(["ls-tree", "-r", "-z", "-l", "--full-tree", commit], in: repositoryRoot)
    return Self.parseTree(output)
  }

  /// Parses `git ls-tree -r -z -l` output: `<mode> <type> <object> <size>\t<path>\0`. Entries with unsafe paths
  /// (`..`, `.git`, absolute) are dropped: git refuses to check them out, so neither does this.
  static func parseTree(_ output: [UInt8]) -> [TreeEntry] {
    var entries: [TreeEntry] = []
    for record in output.split(separator: 0) {
      guard let tab = record.firstIndex(of: 0x09) else { continue }
      let fields = record[record.startIndex..<tab].split(separator: 0x20)
      let path = String(decoding: record[(tab + 1)...], as: UTF8.self)
      guard fields.count == 4, isSafe(path) else { continue }
      let mode = String(decoding: fields[0], as: UTF8.self)
      let type = String(decoding: fields[1], as: UTF8.self)
      let object = String(decoding: fields[2], as: UTF8.self)
      guard type == "blob", object.utf8.allSatisfy(isHexDigit),
        let size = Int(String(decoding: fields[3], as: UTF8.self))
      else { continue }
      entries.append(TreeEntry(kind: mode == "120000" ? .symlink : .file, object: object, size: size, path: path))
    }
    return entries
  }

  /// True for a relative path with no empty, `.`, `..` or `.git` component.
  static func isSafe(_ path: String) -> Bool {
    guard !path.isEmpty, !path.hasCodeUnitPrefix("/") else { return false }
    // Components by the byte `/` and compared by bytes, as the kernel will read the path when it is extracted.
    return path.slashComponents(omittingEmpty: false).allSatisfy { part in
      !part.isEmpty && !part.utf8.elementsEqual(".".utf8) && !part.utf8.elementsEqual("..".utf8)
        && part.lowercased() != ".git"
    }
  }

  /// The contents of blobs by hash, read in one `git cat-file --batch` run.
  func blobs(_ objects: [String]) throws(Failure) -> [String: [UInt8]] {
    guard !objects.isEmpty else { return [:] }
    let unique = Array(Set(objects)).sorted()
    let input = Array((unique.joined(separator: "\n") + "\n").utf8)
    let output = try Self.git(["cat-file", "--batch"], in: repositoryRoot, input: input)
    return try Self.parseBatch(output)
  }

  /// Parses `git cat-file --batch` output: `<object> <type> <size>\n<bytes>\n` per object.
  static func parseBatch(_ output: [UInt8]) throws(Failure) -> [String: [UInt8]] {
    var result: [String: [UInt8]] = [:]
    var index = 0
    while index < output.count {
      guard let newline = output[index...].firstIndex(of: 0x0A) else {
        throw Failure("unexpected end of `git cat-file --batch` output")
      }
      let header = output[index..<newline].split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
      index = newline + 1
      guard header.count == 3, let size = Int(header[2]), size >= 0, index + size <= output.count else {
        throw Failure("git could not read object \(header.first ?? "?") (\(header.dropFirst().joined(separator: " ")))")
      }
      result[header[0]] = Array(output[index..<(index + size)])
      index += size + 1
    }
    return result
  }
}
