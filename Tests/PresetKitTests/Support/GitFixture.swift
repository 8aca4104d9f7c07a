import Foundation
import Testing

@testable import PresetCore
@testable import PresetKit
@testable import PresetReconcile

/// A throw-away git repository: write files, commit, run `presetctl` inside it.
///
/// Identity and signing are set with `-c` flags so commits work on a clean CI machine without a git config.
struct GitFixture {
  let repo: TempRepo

  init(_ files: [String: String] = [:]) throws {
    repo = try TempRepo(files, git: false)
    try git("init", "-q")
  }

  var root: URL { repo.root }

  @discardableResult
  func git(_ arguments: String...) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments =
      [
        "git", "-c", "user.name=presetctl tests", "-c", "user.email=tests@example.invalid", "-c",
        "commit.gpgsign=false", "-c", "init.defaultBranch=main", "-c", "core.autocrlf=false",
      ] + arguments
    process.currentDirectoryURL = root
    var environment = ProcessInfo.processInfo.environment
    for key in environment.keys where key.hasPrefix("GIT_") { environment.removeValue(forKey: key) }
    environment["GIT_CONFIG_NOSYSTEM"] = "1"
    environment["HOME"] = root.path
    process.environment = environment
    let out = Pipe()
    process.standardOutput = out
    process.standardError = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    guard process.terminationStatus == 0 else {
      throw GitFailure(message: "git \(arguments.joined(separator: " ")) failed: \(text)")
    }
    return text
  }

  struct GitFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
  }

  func write(_ files: [String: String]) throws {
    for (path, text) in files { try repo.write(path, text) }
  }

  func remove(_ path: String) throws { try FileManager.default.removeItem(at: root.appendingPathComponent(path)) }

  func commit(_ message: String) throws {
    try git("add", "-A")
    try git("commit", "-q", "-m", message)
  }

  func presetctl(_ arguments: [String]) throws -> Binary.Output {
    try Binary.run(arguments, in: root, environment: ["NO_COLOR": "1"])
  }

  func cleanUp() { repo.remove() }
}

/// Compares output with a golden file under Tests/Fixtures/review; `PRESETCTL_UPDATE_GOLDENS=1` rewrites it.
