import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Runs the built `presetctl` as a child of its own (posix_spawn + wait4) and measures its peak RSS and time.
///
/// Why /proc and not rusage: `getrusage(RUSAGE_CHILDREN)` mixes in every other test's children, and even
/// wait4's per-child `ru_maxrss` is useless here because posix_spawn's vfork child counts the parent's (this
/// test process's) resident set when it execs. `VmHWM` in /proc/PID/status belongs to the exec'd image alone;
/// it is sampled every 2 ms while the child runs, so growth in its last 2 ms could be missed, which is fine for
/// catching explosions.
struct MeasuredProcess: Sendable {
  /// What one run produced.
  struct Result {
    /// The exit status, or nil when a signal ended it.
    var exitStatus: Int32?
    /// The signal that ended it, if any.
    var signal: Int32?
    var stdout: String
    var stderr: String
    /// Peak resident set size in bytes.
    var peakRSS: Int
    var seconds: Double
    /// True when the run hit `timeout` and was killed.
    var timedOut: Bool
    /// CPU time (user + system) the child used: unlike wall time, not inflated by a loaded machine.
    var cpuSeconds: Double

    var peakRSSMegabytes: Int { peakRSS / (1024 * 1024) }
    /// Both streams (`validate` reports on stdout, the other commands on stderr).
    var output: String { stdout + stderr }
  }

  /// A started child.
  let pid: pid_t
  let started: Date
  private let outPath: String
  private let errPath: String

  /// Starts `presetctl arguments` in `directory` with NO_COLOR and without any inherited API key.
  init(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws {
    let executable = Binary.productsFolder.appendingPathComponent("presetctl").path
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("measured-\(UUID().uuidString)")
    outPath = scratch.path + ".out"
    errPath = scratch.path + ".err"
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    env.removeValue(forKey: "OPENROUTER_API_KEY")
    for (k, v) in environment { env[k] = v }
    // sh changes directory, then execs presetctl in place: the pid (and its rusage) is presetctl's.
    let argv = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", directory.path, executable] + arguments
    let envp = env.map { "\($0.key)=\($0.value)" }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    var child: pid_t = 0
    let status = Self.withCStrings(argv) { cArgv in
      Self.withCStrings(envp) { cEnvp in posix_spawn(&child, "/bin/sh", &actions, nil, cArgv, cEnvp) }
    }
    guard status == 0 else { throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EINVAL) }
    pid = child
    started = Date()
  }

  /// Sends a signal to the child.
  func kill(_ signal: Int32) { _ = Glibc.kill(pid, signal) }

  /// Waits for the child (killing it after `timeout` seconds) and collects its output and usage.
  func wait(timeout: Double = 30) async -> Result {
    // A thread of its own: polling on the shared pool would be delayed by other tests and inflate `seconds`,
    // and blocking the pool would starve the async tests.
    await withCheckedContinuation { continuation in
      Thread { continuation.resume(returning: blockingWait(timeout: timeout)) }.start()
    }
  }

  private func blockingWait(timeout: Double) -> Result {
    var status: Int32 = 0
    var usage = rusage()
    var timedOut = false
    var peak = 0
    while true {
      peak = max(peak, Self.highWaterMark(pid))
      let reaped = wait4(pid, &status, WNOHANG, &usage)
      if reaped == pid { break }
      if reaped < 0 && errno != EINTR { break }
      if !timedOut && Date().timeIntervalSince(started) > timeout {
        timedOut = true
        kill(SIGKILL)
      }
      usleep(2_000)
    }
    let seconds = Date().timeIntervalSince(started)
    let stdout = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
    unlink(outPath)
    unlink(errPath)
    let signaled = (status & 0x7F) != 0 && (status & 0x7F) != 0x7F
    return Result(
      exitStatus: signaled ? nil : (status >> 8) & 0xFF, signal: signaled ? status & 0x7F : nil, stdout: stdout,
      stderr: stderr, peakRSS: peak, seconds: seconds, timedOut: timedOut,
      cpuSeconds: Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6)
  }

  /// Runs to completion.
  static func run(
    _ arguments: [String], in directory: URL, environment: [String: String] = [:], timeout: Double = 30
  ) async throws -> Result {
    try await MeasuredProcess(arguments, in: directory, environment: environment).wait(timeout: timeout)
  }

  /// The child's peak resident set so far (VmHWM), in bytes; 0 when unavailable.
  static func highWaterMark(_ pid: pid_t) -> Int {
    let fd = open("/proc/\(pid)/status", O_RDONLY)
    guard fd >= 0 else { return 0 }
    defer { close(fd) }
    var buffer = [UInt8](repeating: 0, count: 4096)
    let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, 4096) }
    guard count > 0 else { return 0 }
    let text = String(decoding: buffer[0..<count], as: UTF8.self)
    guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
    let kilobytes = Int(line.dropFirst(6).filter(\.isNumber)) ?? 0
    return kilobytes * 1024
  }

  private static func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R)
    -> R
  {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    pointers.append(nil)
    defer { for p in pointers { free(p) } }
    return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
  }
}

/// The hardening suites, one test at a time: they start many child processes, and running them all at once on a
/// 2-core machine would starve the timing-sensitive client tests that run beside them.
@Suite(.serialized) enum Hardening {}

/// The budget every hostile input must stay within: generous, it catches explosions, not slowness.
enum Budget {
  static let peakRSSMegabytes = 200
  /// CPU seconds (user + system) of the child.
  static let seconds = 5.0
  /// Wall-clock seconds: catches hangs; loose because the machine is shared.
  static let wallSeconds = 20.0

  /// Asserts a run failed cleanly (exit 1, a diagnostic on stderr) within the budget.
  static func expectCleanFailure(
    _ result: MeasuredProcess.Result, mentioning needle: String? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(
      result.exitStatus == 1,
      "exit \(String(describing: result.exitStatus)), signal \(String(describing: result.signal)); stderr: \(result.stderr.prefix(500))",
      sourceLocation: sourceLocation)
    #expect(!result.timedOut, sourceLocation: sourceLocation)
    #expect(
      result.peakRSSMegabytes < peakRSSMegabytes, "peak RSS \(result.peakRSSMegabytes) MB",
      sourceLocation: sourceLocation)
    #expect(result.cpuSeconds < seconds, "used \(result.cpuSeconds) s of CPU", sourceLocation: sourceLocation)
    #expect(result.seconds < wallSeconds, "took \(result.seconds) s", sourceLocation: sourceLocation)
    #expect(
      result.output.contains("error"), "no diagnostic: \(result.output.prefix(300))", sourceLocation: sourceLocation)
    if let needle {
      #expect(
        result.output.contains(needle), "stderr lacks `\(needle)`: \(result.output.prefix(600))",
        sourceLocation: sourceLocation)
    }
  }
}
