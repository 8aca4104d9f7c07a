import Foundation
import OpenRouterFake
import Testing

@testable import PresetCore
@testable import PresetKit
@testable import PresetModel
@testable import PresetReconcile

#if canImport(Glibc)
  import Glibc
#endif

extension Hardening {
  /// Output paths as a class: every file presetctl writes (`build --output`, `plan --out`, `import --into`) is
  /// created or replaces a regular file; symlinks are written through; folders, FIFOs, sockets and devices are
  /// refused with a stable code; sources are never overwritten; import entries stay inside their folder.
  /// Only temporary nodes are written; `/dev/null` is only ever resolved (lstat), never opened.
  @Suite struct OutputPathTests {
    static let preset = "slug: alpha\nskin: chat\nrequest:\n  model: openai/gpt-5.4\n  temperature: 0.5\n"

    /// A repository with one preset and one node of every refused kind below `nodes/`.
    static func repoWithNodes() throws -> TempRepo {
      let repo = try TempRepo(["presets/a.yaml": preset])
      try FileManager.default.createDirectory(atPath: repo.path("nodes/dir"), withIntermediateDirectories: true)
      #expect(mkfifo(repo.path("nodes/fifo"), 0o644) == 0)
      try makeSocket(repo.path("nodes/sock"))
      #expect(symlink("fifo", repo.path("nodes/link-to-fifo")) == 0)
      #expect(symlink("dir", repo.path("nodes/link-to-dir")) == 0)
      return repo
    }

    /// The refused kinds below `nodes/` with the phrase the error must contain.
    static let refused: [(name: String, phrase: String, kind: mode_t)] = [
      ("dir", "is a folder", S_IFDIR), ("fifo", "is a FIFO", S_IFIFO), ("sock", "is a socket", S_IFSOCK),
      ("link-to-fifo", "which is a FIFO", S_IFLNK), ("link-to-dir", "which is a folder", S_IFLNK),
    ]

    static func makeSocket(_ path: String) throws {
      let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
      #expect(fd >= 0)
      defer { close(fd) }
      var address = sockaddr_un()
      address.sun_family = sa_family_t(AF_UNIX)
      let bytes = Array(path.utf8)
      try #require(bytes.count < MemoryLayout.size(ofValue: address.sun_path))
      withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
      let bound = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
      }
      #expect(bound == 0, "bind failed: \(String(cString: strerror(errno)))")
    }

    static func kind(_ path: String) -> mode_t {
      var info = stat()
      return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }

    static func names(_ folder: String) -> [String] {
      ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    static func resolveError(_ path: String) -> AtomicFile.WriteError? {
      do throws(AtomicFile.WriteError) {
        _ = try OutputTarget.resolve(path)
        return nil
      } catch {
        return error
      }
    }

    @Test func resolveRefusesEveryNodeThatIsNotAFile() throws {
      let repo = try Self.repoWithNodes()
      defer { repo.remove() }
      for node in Self.refused {
        let error = try #require(Self.resolveError(repo.path("nodes/" + node.name)), "\(node.name) accepted")
        #expect(error.code == "output.not-regular" && error.reason.contains(node.phrase), "\(error)")
      }
      // Devices are refused by lstat alone: resolving never opens the target, so /dev/null is only looked at.
      #expect(Self.resolveError("/dev/null")?.reason.contains("is a device") == true)
      #expect(symlink("/dev/null", repo.path("nodes/null")) == 0)
      #expect(Self.resolveError(repo.path("nodes/null"))?.reason.contains("/dev/null, which is a device") == true)
      #expect(Self.kind("/dev/null") == S_IFCHR)
      #expect(symlink("loop", repo.path("nodes/loop")) == 0)
      #expect(Self.resolveError(repo.path("nodes/loop"))?.code == "output.symlink-loop")
      #expect(Self.resolveError("-")?.code == "output.stdout-unsupported")
      #expect(Self.resolveError(repo.path("nodes") + "/new/")?.code == "output.not-regular")
      // Missing and regular targets resolve to themselves; a dangling link to its target.
      #expect(try OutputTarget.resolve(repo.path("nodes/new.json")).filePath == repo.path("nodes/new.json"))
      #expect(symlink("made/by-link.json", repo.path("nodes/dangling")) == 0)
      #expect(try OutputTarget.resolve(repo.path("nodes/dangling")).filePath == repo.path("nodes/made/by-link.json"))
    }

    @Test func buildRefusesNodesThatAreNotFilesAndLeavesThemAlone() throws {
      let repo = try Self.repoWithNodes()
      defer { repo.remove() }
      let before = Self.names(repo.path("nodes"))
      for node in Self.refused {
        let out = try Binary.run(["build", "presets", "--output", "nodes/" + node.name], in: repo.root)
        #expect(out.status == 1)
        #expect(out.stderr.contains("error[output.not-regular]: cannot write nodes/\(node.name)"), "\(out.stderr)")
        #expect(out.stderr.contains(node.phrase) && out.stdout.isEmpty)
        #expect(Self.kind(repo.path("nodes/" + node.name)) == node.kind)
      }
      #expect(Self.names(repo.path("nodes")) == before)
      #expect(Self.names(repo.path("nodes/dir")).isEmpty)
    }

    @Test func buildWritesThroughSymlinksAndTheLinkStaysALink() throws {
      let repo = try TempRepo(["presets/a.yaml": Self.preset, "real/old.json": "old"])
      defer { repo.remove() }
      try FileManager.default.createDirectory(atPath: repo.path("out"), withIntermediateDirectories: true)
      #expect(symlink("../real/old.json", repo.path("out/existing.json")) == 0)
      #expect(symlink("../real/sub/new.json", repo.path("out/dangling.json")) == 0)
      for (link, target) in [("out/existing.json", "real/old.json"), ("out/dangling.json", "real/sub/new.json")] {
        let out = try Binary.run(["build", "presets", "--output", link], in: repo.root)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(Self.kind(repo.path(link)) == S_IFLNK)
        let bundle = try PresetBundle(bytes: Array(try repo.read(link).utf8))
        #expect(bundle.presets.map(\.slug) == ["alpha"])
        #expect(try repo.read(target) == repo.read(link))
      }
      // The temporary went to the target's folder and was renamed: nothing is left beside the link or the file.
      #expect(Self.names(repo.path("out")) == ["dangling.json", "existing.json"])
      #expect(Self.names(repo.path("real")) == ["old.json", "sub"])
    }

    @Test func buildToStandardOutputPrintsTheBundleAloneAndTheSummaryOnStderr() throws {
      let repo = try TempRepo(["presets/a.yaml": Self.preset])
      defer { repo.remove() }
      for spelling in ["-", "/dev/stdout"] {
        for format in ["text", "json"] {
          let out = try Binary.run(["build", "presets", "--output", spelling, "--format", format], in: repo.root)
          #expect(out.status == 0, "\(out.stderr)")
          let bundle = try PresetBundle(bytes: Array(out.stdout.utf8))
          #expect(bundle.presets.map(\.slug) == ["alpha"])
          #expect(out.stderr.contains("alpha") && out.stderr.contains("stdout"), "\(out.stderr)")
        }
      }
      #expect(!FileManager.default.fileExists(atPath: repo.path("build")))
      #expect(!FileManager.default.fileExists(atPath: repo.path("-")))
    }

    @Test func buildNeverOverwritesAPresetSource() throws {
      let repo = try TempRepo([
        "presets/a.yaml": Self.preset + "system_prompt_file: ../prompts/p.md\n",
        "presets/sub/_defaults.yaml": "request: {}\n", "presetctl.yaml": "{}\n", "prompts/p.md": "Be brief.\n",
      ])
      defer { repo.remove() }
      #expect(symlink("presets/a.yaml", repo.path("link.json")) == 0)
      let originals = try ["presets/a.yaml", "presets/sub/_defaults.yaml", "presetctl.yaml", "prompts/p.md"].map {
        ($0, try repo.read($0))
      }
      for output in [
        "presets/a.yaml", "presets/new.yaml", "presets/sub/_defaults.yaml", "presetctl.yaml", "presets/X.YML",
        "prompts/p.md", "link.json", "./presets/../prompts/p.md",
      ] {
        let out = try Binary.run(["build", "presets", "--output", output], in: repo.root)
        #expect(out.status == 1, "\(output) was written")
        #expect(out.stderr.contains("error[output.source]"), "\(output): \(out.stderr)")
      }
      for (path, text) in originals { #expect(try repo.read(path) == text) }
      #expect(!FileManager.default.fileExists(atPath: repo.path("presets/new.yaml")))
      #expect(Self.names(repo.path("presets")) == ["a.yaml", "sub"])
      #expect(try Binary.run(["build", "presets", "--output", "build/ok.json"], in: repo.root).status == 0)
    }

    @Test func planOutIsCheckedBeforeAnyRequestAndCanGoToStdout() throws {
      let f = try ReconcileFixture(["presets/a.yaml": ReconcileFixture.preset("alpha")])
      defer { f.stop() }
      try FileManager.default.createDirectory(atPath: f.repo.path("nodes/dir"), withIntermediateDirectories: true)
      #expect(mkfifo(f.repo.path("nodes/fifo"), 0o644) == 0)
      try Self.makeSocket(f.repo.path("nodes/sock"))
      #expect(symlink("fifo", f.repo.path("nodes/link-to-fifo")) == 0)
      for (name, phrase) in [("dir", "is a folder"), ("fifo", "is a FIFO"), ("sock", "is a socket")]
        + [("link-to-fifo", "which is a FIFO")]
      {
        let out = try f.run(["plan", "--out", "nodes/" + name])
        #expect(out.status == 1 && out.stderr.contains("error[output.not-regular]") && out.stderr.contains(phrase))
      }
      let source = try f.run(["plan", "--out", "presets/a.yaml"])
      #expect(source.status == 1 && source.stderr.contains("error[output.source]"))
      #expect(try f.repo.read("presets/a.yaml") == ReconcileFixture.preset("alpha"))
      #expect(f.fake.requests.isEmpty, "a refused --out must be refused before any request")

      let piped = try f.run(["plan", "--out", "-"])
      #expect(piped.status == 0, "\(piped.stderr)")
      let json = try JSONParser.parse(piped.stdout)
      #expect(json["format"]?.stringValue == PlanFile.format)
      #expect(piped.stderr.contains("plan: 1 to create"))

      #expect(symlink("../saved/plan.json", f.repo.path("nodes/plan.json")) == 0)
      #expect(try f.run(["plan", "--out", "nodes/plan.json"]).status == 0)
      #expect(Self.kind(f.repo.path("nodes/plan.json")) == S_IFLNK)
      #expect(try PlanFile(json: JSONParser.parse(try f.repo.read("saved/plan.json"))).bundle.presets.count == 1)

      // A bundle given as input is a source too.
      #expect(try Binary.run(["build", "presets", "--output", "b.json"], in: f.repo.root).status == 0)
      let bundle = try f.repo.read("b.json")
      let over = try f.run(["plan", "b.json", "--out", "b.json"])
      #expect(over.status == 1 && over.stderr.contains("error[output.source]"))
      #expect(try f.repo.read("b.json") == bundle)
    }

    @Test func importWritesOnlyRegularFilesInsideItsFolder() throws {
      let f = try ReconcileFixture([:])
      defer { f.stop() }
      f.fake.seed(slug: "alpha", systemPrompt: "Be helpful.", config: ["model": "openai/gpt-5.4"] as JSONValue)
      let fm = FileManager.default
      try fm.createDirectory(atPath: f.repo.path("into"), withIntermediateDirectories: true)
      try f.repo.write("outside.yaml", "keep\n")

      #expect(mkfifo(f.repo.path("into/alpha.yaml"), 0o644) == 0)
      let fifo = try f.run(["import", "alpha", "--into", "into", "--force"])
      #expect(fifo.status == 1 && fifo.stderr.contains("error[output.not-regular]") && fifo.stderr.contains("FIFO"))
      #expect(Self.kind(f.repo.path("into/alpha.yaml")) == S_IFIFO)
      try fm.removeItem(atPath: f.repo.path("into/alpha.yaml"))

      #expect(symlink("../outside.yaml", f.repo.path("into/alpha.yaml")) == 0)
      let escape = try f.run(["import", "alpha", "--into", "into", "--force"])
      #expect(escape.status == 1 && escape.stderr.contains("error[output.outside-folder]"), "\(escape.stderr)")
      #expect(try f.repo.read("outside.yaml") == "keep\n")
      try fm.removeItem(atPath: f.repo.path("into/alpha.yaml"))

      // A link that stays inside the folder is written through (with --force: a node is there).
      #expect(symlink("kept/alpha-file.yaml", f.repo.path("into/alpha.yaml")) == 0)
      #expect(try f.run(["import", "alpha", "--into", "into"]).status == 1)
      let inside = try f.run(["import", "alpha", "--into", "into", "--force"])
      #expect(inside.status == 0, "\(inside.stderr)")
      #expect(Self.kind(f.repo.path("into/alpha.yaml")) == S_IFLNK)
      let written = try f.repo.read("into/kept/alpha-file.yaml")
      #expect(written.contains("slug: \"alpha\""), "\(written)")
      #expect(Self.names(f.repo.path("into")) == ["alpha.yaml", "kept"])

      // The folder itself may be a symlink; `-` is no folder.
      #expect(symlink("into", f.repo.path("via-link")) == 0)
      #expect(try f.run(["import", "alpha", "--into", "via-link", "--force"]).status == 0)
      let dash = try f.run(["import", "alpha", "--into", "-"])
      #expect(dash.status == 1 && dash.stderr.contains("error[output.stdout-unsupported]"))
      #expect(!fm.fileExists(atPath: f.repo.path("-")))
    }

    @Test func entryNamesCannotLeaveTheFolder() throws {
      let repo = try TempRepo()
      defer { repo.remove() }
      let folder = repo.path("into")
      let bad =
        ["../x.yaml", "a/b.yaml", "/etc/x.yaml", ".hidden.yaml", "..", ".", "", "x\u{0}y.yaml"]
        + [String(repeating: "a", count: 300) + ".yaml"]
      for name in bad {
        do throws(AtomicFile.WriteError) {
          _ = try OutputTarget.entry(named: name, in: folder)
          Issue.record("`\(name)` was accepted")
        } catch {
          #expect(error.code == "output.bad-name", "\(name): \(error)")
        }
      }
      #expect(Self.names(repo.path()) == [".git"])
      let good = try OutputTarget.entry(named: "alpha.yaml", in: folder)
      #expect(good.filePath == folder + "/alpha.yaml" && !good.exists)
      try AtomicFile.write("slug: alpha\n", to: good)
      #expect(try repo.read("into/alpha.yaml") == "slug: alpha\n")
    }

    @Test func aFailedOrRefusedWriteLeavesTheOldFileWhole() throws {
      let repo = try TempRepo(["out/bundle.json": "old"])
      defer { repo.remove() }
      let path = repo.path("out/bundle.json")
      #expect(throws: AtomicFile.WriteError.self) {
        try AtomicFile.write(to: path) { sink in
          sink.write(Array("half of a new bundle".utf8))
          sink.fail("disk full")
        }
      }
      #expect(try repo.read("out/bundle.json") == "old")
      #expect(Self.names(repo.path("out")) == ["bundle.json"])
      // The node is checked again just before the rename: a FIFO swapped in meanwhile is not replaced.
      let target = try OutputTarget.resolve(path)
      try FileManager.default.removeItem(atPath: path)
      #expect(mkfifo(path, 0o644) == 0)
      #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write("new", to: target) }
      #expect(Self.kind(path) == S_IFIFO)
      #expect(Self.names(repo.path("out")) == ["bundle.json"])
    }
  }
}
