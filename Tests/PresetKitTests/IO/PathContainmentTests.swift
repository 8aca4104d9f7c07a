import Foundation
import Testing

@testable import PresetCore
@testable import PresetModel

/// `PathContainment` and `FileReader.read(_:limit:acceptingResolved:)`: containment decided on bytes, and the
/// canonical path of the file actually opened.
@Suite struct PathContainmentTests {
  @Test func insideOutsideAndTheFolderItself() {
    #expect(PathContainment.isInside("/srv/repo", folder: "/srv/repo"))
    #expect(PathContainment.isInside("/srv/repo/a/b.md", folder: "/srv/repo"))
    #expect(PathContainment.isInside("/srv/repo/a/b.md", folder: "/srv/repo/"))
    #expect(!PathContainment.isInside("/srv/repository/b.md", folder: "/srv/repo"))
    #expect(!PathContainment.isInside("/srv/rep", folder: "/srv/repo"))
    #expect(!PathContainment.isInside("/etc/hostname", folder: "/srv/repo"))
    #expect(PathContainment.isInside("/etc/hostname", folder: "/"))
    #expect(PathContainment.relative("/srv/repo/a/b.md", to: "/srv/repo") == "a/b.md")
    #expect(PathContainment.relative("/srv/repo", to: "/srv/repo/") == "")
    #expect(PathContainment.relative("/srv/repository", to: "/srv/repo") == nil)
  }

  /// `hasPrefix` and `==` say yes to these; the file system has two different folders.
  @Test func normalisationTwinsAreDifferentFolders() {
    let precomposed = "/srv/caf\u{e9}"
    let decomposed = "/srv/cafe\u{301}"
    #expect((decomposed + "/secret.md").hasPrefix(precomposed + "/"), "the premise: Swift calls them equal")
    #expect(!PathContainment.isInside(decomposed + "/secret.md", folder: precomposed))
    #expect(!PathContainment.isInside(decomposed, folder: precomposed))
    #expect(PathContainment.relative(decomposed + "/x", to: precomposed) == nil)
    #expect(!"/srv/cafe\u{301}".hasCodeUnitPrefix("/srv/caf\u{e9}"))
    #expect("/srv/caf\u{e9}/x".removingCodeUnitPrefix("/srv/caf\u{e9}/") == "x")
  }

  @Test func confinedReadJudgesTheFileActuallyOpened() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("confined-\(UUID().uuidString)")
    let inside = folder.appendingPathComponent("inside")
    let outside = folder.appendingPathComponent("outside")
    try FileManager.default.createDirectory(at: inside, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let root = try #require(RealPath.resolve(inside.path))
    try Data("inner".utf8).write(to: inside.appendingPathComponent("a.md"))
    try Data("outer".utf8).write(to: outside.appendingPathComponent("b.md"))
    try FileManager.default.createSymbolicLink(
      atPath: inside.appendingPathComponent("in.md").path, withDestinationPath: "a.md")
    try FileManager.default.createSymbolicLink(
      atPath: inside.appendingPathComponent("out.md").path, withDestinationPath: "../outside/b.md")
    var seen: [String] = []
    func read(_ name: String) throws -> [UInt8]? {
      try FileReader.read(inside.appendingPathComponent(name).path, limit: 100) { resolved in
        seen.append(resolved)
        return PathContainment.isInside(resolved, folder: root)
      }
    }
    #expect(try read("a.md") == Array("inner".utf8))
    #expect(try read("in.md") == Array("inner".utf8))
    #expect(try read("out.md") == nil)
    #expect(seen.last == RealPath.resolve(outside.appendingPathComponent("b.md").path), "the link's target, resolved")
    #expect(throws: FileReader.Failure.self) { try read("missing.md") }
  }

  /// A name is hidden when its first byte is `.`, whatever follows; `hasPrefix(".")` said no when a combining
  /// mark made `.` and the mark one character.
  @Test func hiddenFoldersAreJudgedByTheirFirstByte() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hidden-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    for name in [".\u{301}hidden/a.yaml", "shown/b.yaml"] {
      let file = folder.appendingPathComponent(name)
      try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data("x: 1\n".utf8).write(to: file)
    }
    let found = DirectoryWalker.files(under: folder.path, include: { _ in true }, descend: { _ in true })
    #expect(found.map(\.relativePath) == ["shown/b.yaml"])
    #expect(JSONPointer("/\u{301}a") != nil, "a pointer starts with the byte /")
  }

  /// Lexical normalisation splits on the byte `/`: a combining mark after a slash does not hide it.
  @Test func normalisationSplitsOnTheSlashByte() {
    #expect(RepositoryLayout.normalise("a/./b/../c") == "a/c")
    #expect(RepositoryLayout.normalise("a//b/") == "a/b")
    #expect(RepositoryLayout.normalise("") == "")
    #expect(RepositoryLayout.normalise("..") == nil)
    #expect(RepositoryLayout.normalise("a/../..") == nil)
    #expect(RepositoryLayout.normalise("../\u{301}x") == nil, "`..` then a name starting with a combining mark")
    #expect(RepositoryLayout.normalise("p/../\u{301}x") == "\u{301}x")
    #expect(RepositoryLayout.normalise("..\u{301}/x") == "..\u{301}/x", "a name that only starts with two dots")
    #expect(RepositoryLayout.folder(of: "a/\u{301}b") == "a")
    #expect(RepositoryLayout.folder(of: "b.yaml") == "")
  }
}
