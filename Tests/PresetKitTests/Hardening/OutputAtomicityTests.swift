import Foundation
import Testing

@testable import PresetCore
@testable import PresetKit
@testable import PresetModel

#if canImport(Glibc)
  import Glibc
#endif

extension Hardening {
  /// The bundle is written atomically (temporary file, fsync, rename): a build killed at any moment leaves the
  /// previous bundle byte-identical. A kill during the write itself can leave `.presets.bundle.json.tmp-PID-N`
  /// beside it: hidden, not ending in `.json`, so no command ever takes it for a bundle (`plan`/`apply` read
  /// `.json` paths; preset discovery takes `*.yaml`/`*.yml` outside hidden names).
  @Suite struct OutputAtomicityTests {
    static let presetCount = 500

    static func writePresets(_ repo: TempRepo, temperature: Double) throws {
      for i in 0..<presetCount {
        try repo.write(
          "presets/p\(i).yaml",
          "slug: p\(i)\nskin: chat\nrequest:\n  model: openai/gpt-5.4\n  temperature: \(temperature)\n"
            + "  messages:\n    - {role: system, content: \"Prompt number \(i)\"}\n")
      }
    }

    @Test func killedBuildLeavesTheOldBundleIntact() async throws {
      let repo = try TempRepo()
      defer { repo.remove() }
      try Self.writePresets(repo, temperature: 0.1)
      let first = try await MeasuredProcess.run(["build", "presets"], in: repo.root, timeout: 60)
      #expect(first.exitStatus == 0, "\(first.output.prefix(300))")
      let bundlePath = repo.path("build/presets.bundle.json")
      let old = try Data(contentsOf: URL(fileURLWithPath: bundlePath))
      try Self.writePresets(repo, temperature: 0.2)

      var kills = 0
      for fraction in [0.3, 0.7, 0.95] {
        let child = try MeasuredProcess(["build", "presets"], in: repo.root)
        try await Task.sleep(nanoseconds: UInt64(first.seconds * fraction * 1e9))
        child.kill(SIGKILL)
        let result = await child.wait(timeout: 60)
        let now = try Data(contentsOf: URL(fileURLWithPath: bundlePath))
        if now != old {
          // Killed (or finished) after the rename: then the bundle is the complete new one, never a mixture.
          let bundle = try PresetBundle(bytes: Array(now))
          #expect(bundle.presets.count == Self.presetCount)
          #expect(bundle.presets.allSatisfy { $0.model.config["temperature"] == .number(0.2) })
          break
        }
        if result.signal == SIGKILL { kills += 1 }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: repo.path("build"))
          .filter { $0 != "presets.bundle.json" }
        for name in leftovers {
          #expect(name.hasPrefix(".presets.bundle.json.tmp-") && !name.hasSuffix(".json"), "unexpected file \(name)")
        }
      }
      #expect(kills >= 1, "no build was killed before it replaced the bundle")

      // Whatever was left behind, the next build succeeds and writes the complete new bundle.
      let rebuilt = try await MeasuredProcess.run(["build", "presets"], in: repo.root, timeout: 60)
      #expect(rebuilt.exitStatus == 0)
      let bundle = try PresetBundle(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: bundlePath))))
      #expect(bundle.presets.count == Self.presetCount)
      #expect(bundle.presets.first?.model.config["temperature"] == .number(0.2))
    }

    /// A successful write leaves no temporary file, and replaces the target in one step.
    @Test func atomicWriteLeavesNoTemporaryFile() async throws {
      let repo = try TempRepo()
      defer { repo.remove() }
      let path = repo.path("out/plan.json")
      try AtomicFile.write(Array("first".utf8), to: path)
      try AtomicFile.write(Array("second".utf8), to: path)
      #expect(try repo.read("out/plan.json") == "second")
      #expect(try FileManager.default.contentsOfDirectory(atPath: repo.path("out")) == ["plan.json"])
    }
  }
}
