import Foundation

@testable import PresetCompiler
@testable import PresetCore
@testable import PresetKit
@testable import PresetReconcile

/// A throw-away preset repository in a temporary folder, with a `.git` marker so it is its own root.
struct TempRepo {
  let root: URL

  init(_ files: [String: String] = [:], git: Bool = true) throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("presetctl-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    if git {
      try FileManager.default.createDirectory(
        at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
    }
    for (path, text) in files { try write(path, text) }
  }

  func write(_ path: String, _ text: String) throws {
    try write(path, bytes: Array(text.utf8))
  }

  func write(_ path: String, bytes: [UInt8]) throws {
    let url = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: url)
  }

  func path(_ relative: String = "") -> String {
    relative.isEmpty ? root.path : root.appendingPathComponent(relative).path
  }

  func read(_ relative: String) throws -> String {
    try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
  }

  func compile(_ relative: String = "presets") -> CompileResult {
    var options = Compiler.Options()
    options.retainRequest = true
    return Compiler(options: options).compile(path: path(relative))
  }

  func remove() { try? FileManager.default.removeItem(at: root) }
}

/// Runs the built `presetctl` binary.
enum Binary {
  struct Output {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// The product folder: next to the running test bundle, else `.build/debug`.
  static let productsFolder: URL = {
    let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
    if FileManager.default.fileExists(atPath: exe.appendingPathComponent("presetctl").path) { return exe }
    var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
    for _ in 0..<4 {
      if FileManager.default.fileExists(atPath: dir.appendingPathComponent("presetctl").path) { return dir }
      dir.deleteLastPathComponent()
    }
    return Shared.packageRoot.appendingPathComponent(".build/debug")
  }()

  static func run(
    _ arguments: [String], in directory: URL, environment: [String: String] = [:], executable: String = "presetctl"
  ) throws -> Output {
    let process = Process()
    process.executableURL = productsFolder.appendingPathComponent(executable)
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    env.removeValue(forKey: "OPENROUTER_API_KEY")
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    // Never the test runner's terminal: commands that ask (apply) see no TTY, as in CI.
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Read both pipes concurrently so a full stderr buffer cannot block the child.
    let errData = LockedData()
    let reader = Thread { errData.value = err.fileHandleForReading.readDataToEndOfFile() }
    reader.start()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !errData.done { usleep(1000) }
    return Output(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData.value, as: UTF8.self))
  }
}

final class LockedData: @unchecked Sendable {
  private let lock = NSLock()
  private var data = Data()
  private var finished = false
  var value: Data {
    get { lock.withLock { data } }
    set {
      lock.withLock {
        data = newValue
        finished = true
      }
    }
  }
  var done: Bool { lock.withLock { finished } }
}
