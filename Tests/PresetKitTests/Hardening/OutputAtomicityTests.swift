import Foundation
import Testing

@testable import PresetKit

#if canImport(Glibc)
  import Glibc
#endif

/// The bundle is written atomically (temporary file, fsync, rename): a build killed at any moment leaves the
/// previous bundle byte-identical. A kill during the write itself can leave `.presets.bundle.json.tmp-PID-N`
/// beside it: hidden, not ending in `.json`, so no command ever takes it for a bundle (`plan`/`apply` read
/// `.json` paths; preset discovery takes `*.yaml`/`*.yml` outside hidden names).
@Suite struct OutputAtomicityTests {
  static let presetCount = 800

  static func writePresets(_ repo: TempRepo, temperature: Double) throws {
    for i in 0..<presetCount {
      try repo.write(
        "presets/p\(i).yaml",
        "slug: p\(i)\nskin: chat\nrequest:\n  model: openai/gpt-5.4\n  temperature: \(temperature)\n"
          + "  messages:\n    - {role: system, content: \"Prompt number \(i)\"}\n")
    }
  }

  @Test func killedBuildLeavesTheOldBundleIntact() throws {
    let repo = try TempRepo()
    defer { repo.remove() }
    try Self.writePresets(repo, temperature: 0.1)
    let first = try MeasuredProcess.run(["build", "presets"], in: repo.root, timeout: 60)
    #expect(first.exitStatus == 0, "\(first.output.prefix(300))")
    let bundlePath = repo.path("build/presets.bundle.json")
    let old = try Data(contentsOf: URL(fileURLWithPath: bundlePath))
    try Self.writePresets(repo, temperature: 0.2)

    var kills = 0
    for fraction in [0.2, 0.5, 0.8, 0.95] {
      let child = try MeasuredProcess(["build", "presets"], in: repo.root)
      usleep(useconds_t(first.seconds * fraction * 1_000_000))
      child.kill(SIGKILL)
      let result = child.wait(timeout: 60)
      let now = try Data(contentsOf: URL(fileURLWithPath: bundlePath))
      if result.signal == SIGKILL {
        kills += 1
        #expect(now == old, "a build killed at \(Int(fraction * 100))% changed the bundle")
      } else {
        // It finished before the kill: then the bundle is the complete new one (and the test moves on).
        #expect(result.exitStatus == 0)
        #expect(try PresetBundle(bytes: Array(now)).presets.count == Self.presetCount)
        break
      }
      let leftovers = try FileManager.default.contentsOfDirectory(atPath: repo.path("build"))
        .filter { $0 != "presets.bundle.json" }
      for name in leftovers {
        #expect(name.hasPrefix(".presets.bundle.json.tmp-") && !name.hasSuffix(".json"), "unexpected file \(name)")
      }
    }
    #expect(kills >= 1, "no build was killed while running")

    // Whatever was left behind, the next build succeeds and `plan` reads only the real bundle.
    let rebuilt = try MeasuredProcess.run(["build", "presets"], in: repo.root, timeout: 60)
    #expect(rebuilt.exitStatus == 0)
    let bundle = try PresetBundle(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: bundlePath))))
    #expect(bundle.presets.count == Self.presetCount)
    #expect(bundle.presets.first?.model.config["temperature"] == .number(0.2))
  }

  /// A successful write leaves no temporary file, and replaces the target in one step.
  @Test func atomicWriteLeavesNoTemporaryFile() throws {
    let repo = try TempRepo()
    defer { repo.remove() }
    let path = repo.path("out/plan.json")
    try AtomicFile.write(Array("first".utf8), to: path)
    try AtomicFile.write(Array("second".utf8), to: path)
    #expect(try repo.read("out/plan.json") == "second")
    #expect(try FileManager.default.contentsOfDirectory(atPath: repo.path("out")) == ["plan.json"])
  }
}
