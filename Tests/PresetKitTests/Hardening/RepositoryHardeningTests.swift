import Foundation
import Testing

@testable import PresetKit

#if canImport(Glibc)
  import Glibc
#endif

extension Hardening {
  /// Hostile repository layouts through the built binary: symlinks out of the repository, special files,
  /// unreadable files, very many files, slugs that differ only by case.
  @Suite struct RepositoryHardeningTests {
    static func preset(_ slug: String, extra: String = "") -> String {
      "slug: \(slug)\nskin: chat\n\(extra)request:\n  model: openai/gpt-5.4\n"
    }

    /// A folder outside every test repository, with a preset and a marker the output must never show.
    static func outsideFolder(marker: String) throws -> URL {
      let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outside-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try Data("slug: \(marker)\nskin: chat\nrequest: {model: m/x}\n".utf8).write(
        to: folder.appendingPathComponent("outer.yaml"))
      try Data("\(marker) secret prompt\n".utf8).write(to: folder.appendingPathComponent("secret.md"))
      return folder
    }

    @Test func promptFileSymlinkedToEtcHostname() async throws {
      let repo = try TempRepo(["presets/a.yaml": Self.preset("a", extra: "system_prompt_file: prompts/p.md\n")])
      defer { repo.remove() }
      try FileManager.default.createDirectory(
        atPath: repo.path("presets/prompts"), withIntermediateDirectories: true)
      try FileManager.default.createSymbolicLink(
        atPath: repo.path("presets/prompts/p.md"), withDestinationPath: "/etc/hostname")
      let result = try await MeasuredProcess.run(["build", "presets"], in: repo.root)
      Budget.expectCleanFailure(result, mentioning: "presets/a.yaml:3:21: error[compile.prompt-file-outside]")
      if let hostname = try? String(contentsOfFile: "/etc/hostname", encoding: .utf8),
        !hostname.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
      {
        #expect(!result.output.contains(hostname.trimmingCharacters(in: .whitespacesAndNewlines)))
      }
      #expect(!FileManager.default.fileExists(atPath: repo.path("build/presets.bundle.json")))
    }

    /// The root `café` (precomposed) and a sibling `cafe\u{301}` (decomposed) are two folders on Linux, but
    /// Swift's `hasPrefix` calls them equal: a symlink into the twin must still count as outside.
    @Test func symlinkIntoTheRootsNormalisationTwinIsOutside() async throws {
      let marker = "twin-\(UInt32.random(in: 0...UInt32.max))"
      let base = try TempRepo(git: false)
      defer { base.remove() }
      let rootName = "caf\u{e9}"
      let twinName = "cafe\u{301}"
      try base.write("\(rootName)/.git/HEAD", "ref: refs/heads/main\n")
      try base.write(
        "\(rootName)/presets/a.yaml", Self.preset("a", extra: "system_prompt_file: prompts/p.md\n"))
      try base.write("\(rootName)/presets/b.yaml", Self.preset("b"))
      try base.write("\(twinName)/secret.md", "\(marker) secret prompt\n")
      try base.write("\(twinName)/outer.yaml", "slug: \(marker)\nskin: chat\nrequest: {model: m/x}\n")
      #expect(try FileManager.default.contentsOfDirectory(atPath: base.path()).count == 2, "one folder, not two")
      let root = base.root.appendingPathComponent(rootName)
      try FileManager.default.createDirectory(
        at: root.appendingPathComponent("presets/prompts"), withIntermediateDirectories: true)
      try FileManager.default.createSymbolicLink(
        atPath: root.appendingPathComponent("presets/prompts/p.md").path,
        withDestinationPath: base.path("\(twinName)/secret.md"))
      try FileManager.default.createSymbolicLink(
        atPath: root.appendingPathComponent("presets/link.yaml").path,
        withDestinationPath: base.path("\(twinName)/outer.yaml"))
      let result = try await MeasuredProcess.run(["build", "presets"], in: root)
      Budget.expectCleanFailure(result, mentioning: "presets/a.yaml:3:21: error[compile.prompt-file-outside]")
      #expect(result.output.contains("presets/link.yaml:1:1: error[compile.file-outside]"), "\(result.output)")
      #expect(!result.output.contains(marker), "content from outside the repository was shown")
      #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("build/presets.bundle.json").path))
    }

    /// A preset file that is a symlink out of the repository is refused, and its content is not quoted.
    @Test func presetFileSymlinkedOutside() async throws {
      let marker = "outside-\(UInt32.random(in: 0...UInt32.max))"
      let outside = try Self.outsideFolder(marker: marker)
      defer { try? FileManager.default.removeItem(at: outside) }
      let repo = try TempRepo(["presets/a.yaml": Self.preset("a")])
      defer { repo.remove() }
      try FileManager.default.createSymbolicLink(
        atPath: repo.path("presets/link.yaml"), withDestinationPath: outside.appendingPathComponent("outer.yaml").path)
      let result = try await MeasuredProcess.run(["validate", "presets"], in: repo.root)
      Budget.expectCleanFailure(result, mentioning: "presets/link.yaml:1:1: error[compile.file-outside]")
      #expect(!result.output.contains(marker), "content from outside the repository was shown")
    }

    /// A preset folder symlinked out of the repository is not followed: its presets are not compiled.
    @Test func presetFolderSymlinkedOutsideIsNotFollowed() async throws {
      let marker = "outside-\(UInt32.random(in: 0...UInt32.max))"
      let outside = try Self.outsideFolder(marker: marker)
      defer { try? FileManager.default.removeItem(at: outside) }
      let repo = try TempRepo(["presets/a.yaml": Self.preset("a")])
      defer { repo.remove() }
      try FileManager.default.createSymbolicLink(atPath: repo.path("presets/team"), withDestinationPath: outside.path)
      let result = try await MeasuredProcess.run(["build", "presets"], in: repo.root)
      #expect(result.exitStatus == 0, "\(result.output)")
      let bundle = try repo.read("build/presets.bundle.json")
      #expect(!bundle.contains(marker))
      #expect(!result.output.contains(marker))
    }

    /// Symlinks that stay inside the repository are fine.
    @Test func symlinkInsideTheRepositoryIsAccepted() async throws {
      let repo = try TempRepo([
        "presets/a.yaml": Self.preset("a", extra: "system_prompt_file: prompts/p.md\n"),
        "shared/prompt.md": "Be brief.\n",
      ])
      defer { repo.remove() }
      try FileManager.default.createDirectory(atPath: repo.path("presets/prompts"), withIntermediateDirectories: true)
      try FileManager.default.createSymbolicLink(
        atPath: repo.path("presets/prompts/p.md"), withDestinationPath: "../../shared/prompt.md")
      let result = try await MeasuredProcess.run(["build", "presets"], in: repo.root)
      #expect(result.exitStatus == 0, "\(result.output)")
      #expect(try repo.read("build/presets.bundle.json").contains("Be brief."))
    }

    @Test func promptFileThatIsAFolder() async throws {
      let repo = try TempRepo(["presets/a.yaml": Self.preset("a", extra: "system_prompt_file: prompts\n")])
      defer { repo.remove() }
      try FileManager.default.createDirectory(atPath: repo.path("presets/prompts"), withIntermediateDirectories: true)
      let result = try await MeasuredProcess.run(["validate", "presets"], in: repo.root)
      Budget.expectCleanFailure(
        result, mentioning: "error[compile.prompt-file]: cannot read presets/prompts: it is a folder")
    }

    /// FIFOs would block a plain open/read forever; they are refused without waiting.
    @Test func promptFileAndPresetFileThatAreFIFOs() async throws {
      let repo = try TempRepo(["presets/a.yaml": Self.preset("a", extra: "system_prompt_file: p.fifo\n")])
      defer { repo.remove() }
      #expect(mkfifo(repo.path("presets/p.fifo"), 0o644) == 0)
      #expect(mkfifo(repo.path("presets/pipe.yaml"), 0o644) == 0)
      let result = try await MeasuredProcess.run(["validate", "presets"], in: repo.root, timeout: 10)
      Budget.expectCleanFailure(result, mentioning: "cannot read presets/p.fifo: it is a FIFO")
      #expect(result.output.contains("presets/pipe.yaml:1:1: error[input.not-a-file]"), "\(result.output)")
    }

    /// True when chmod 000 really denies reads (not as root, which ignores file modes).
    static let modesDenyReads: Bool = {
      let path = FileManager.default.temporaryDirectory.appendingPathComponent("mode-probe-\(UUID().uuidString)").path
      _ = FileManager.default.createFile(atPath: path, contents: Data("x".utf8))
      defer { unlink(path) }
      chmod(path, 0)
      let fd = open(path, O_RDONLY)
      if fd >= 0 { close(fd) }
      return fd < 0
    }()

    @Test(
      .enabled(
        if: modesDenyReads, "running as root (or with CAP_DAC_OVERRIDE): chmod 000 does not deny reads, nothing to test"
      ))
    func unreadableFiles() async throws {
      let repo = try TempRepo([
        "presets/a.yaml": Self.preset("a", extra: "system_prompt_file: p.md\n"), "presets/p.md": "hi\n",
        "presets/b.yaml": Self.preset("b"),
      ])
      defer { repo.remove() }
      chmod(repo.path("presets/p.md"), 0)
      chmod(repo.path("presets/b.yaml"), 0)
      let result = try await MeasuredProcess.run(["validate", "presets"], in: repo.root)
      Budget.expectCleanFailure(result, mentioning: "cannot read presets/p.md: Permission denied")
      #expect(result.output.contains("presets/b.yaml:1:1: error[input.unreadable]"), "\(result.output)")
    }

    /// 20,000 empty preset files in 20 folders. 100,000 took 26 s in a debug build on a shared 2-core machine
    /// (about linear: 3.6 s for 20,000), too long for the suite; 20,000 keeps the test near 5 s.
    @Test func twentyThousandEmptyFiles() async throws {
      let repo = try TempRepo(["presets/a.yaml": Self.preset("a")])
      defer { repo.remove() }
      for folder in 0..<20 {
        let path = repo.path("presets/f\(folder)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for file in 0..<1000 { _ = FileManager.default.createFile(atPath: "\(path)/e\(file).yaml", contents: nil) }
      }
      let result = try await MeasuredProcess.run(["validate", "presets"], in: repo.root, timeout: 60)
      #expect(result.exitStatus == 0, "\(result.output.prefix(500))")
      #expect(result.output.contains("1 preset(s) in 20001 file(s) are valid"), "\(result.output.prefix(500))")
      #expect(result.seconds < 30, "took \(result.seconds) s")
      #expect(result.peakRSSMegabytes < Budget.peakRSSMegabytes, "peak RSS \(result.peakRSSMegabytes) MB")
    }

    /// Slugs are lowercase only, so case-colliding slugs cannot both exist: `Foo` is invalid, and two files
    /// spelling `foo` collide as duplicates.
    @Test func caseCollidingSlugs() async throws {
      let repo = try TempRepo([
        "presets/Foo.yaml": Self.preset("Foo"), "presets/foo.yaml": Self.preset("foo"),
        "presets/FOO2.yaml": Self.preset("foo"),
      ])
      defer { repo.remove() }
      let result = try await MeasuredProcess.run(["validate", "presets"], in: repo.root)
      Budget.expectCleanFailure(
        result,
        mentioning:
          "presets/Foo.yaml:1:7: error[preset.slug]: slug `Foo` must be lowercase letters, digits and single dashes")
      #expect(
        result.output.contains("error[compile.duplicate-slug]: slug `foo` is already defined at presets/FOO2.yaml:1"),
        "\(result.output)")
    }
  }
}
