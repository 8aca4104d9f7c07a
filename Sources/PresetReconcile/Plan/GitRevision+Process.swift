import Foundation
import PresetCore

extension GitRevision {
  /// Runs `git ARGS` in `directory` and returns its stdout; throws with git's stderr on a non-zero exit.
  ///
  /// stdin and stderr go through temporary files so no pipe can fill up and block either side; stdout is read
  /// to its end while git runs.
  static func git(_ arguments: [String], in directory: URL, input: [UInt8] = []) throws(Failure) -> [UInt8] {
    let fm = FileManager.default
    let scratch = fm.temporaryDirectory.appendingPathComponent("presetctl-git-\(UUID().uuidString)")
    let inputURL = scratch.appendingPathComponent("stdin")
    let errorURL = scratch.appendingPathComponent("stderr")
    do {
      try fm.createDirectory(at: scratch, withIntermediateDirectories: true)
      try Data(input).write(to: inputURL)
      try Data().write(to: errorURL)
    } catch {
      throw Failure("cannot create a temporary file for git: \(error.localizedDescription)")
    }
    defer { try? fm.removeItem(at: scratch) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    // `-c core.quotePath=false` keeps non-ASCII paths verbatim; ls-tree -z does not quote anyway.
    process.arguments = ["git", "-c", "core.quotePath=false"] + arguments
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    environment["GIT_TERMINAL_PROMPT"] = "0"
    environment["LC_ALL"] = "C"
    process.environment = environment
    let stdout = Pipe()
    process.standardOutput = stdout
    guard let stdin = FileHandle(forReadingAtPath: inputURL.path),
      let stderr = FileHandle(forWritingAtPath: errorURL.path)
    else { throw Failure("cannot open temporary files for git") }
    defer {
      try? stdin.close()
      try? stderr.close()
    }
    process.standardInput = stdin
    process.standardError = stderr
    do {
      try process.run()
    } catch {
      throw Failure("cannot run git (is it installed and on PATH?): \(error.localizedDescription)")
    }
    let data = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationReason == .exit, process.terminationStatus == 0 else {
      let message = (try? String(contentsOf: errorURL, encoding: .utf8))?.trimmingCharacters(
        in: .whitespacesAndNewlines)
      let detail = message.flatMap { $0.isEmpty ? nil : $0 } ?? "exit status \(process.terminationStatus)"
      throw Failure("git \(arguments.first ?? "") failed: \(detail)")
    }
    return Array(data)
  }
}
