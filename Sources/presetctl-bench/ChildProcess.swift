import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a program to completion and reports its wall time, exit status and peak resident memory.
///
/// `posix_spawn` + `wait4` rather than `Process`: `wait4` returns the child's own `rusage`, whose `ru_maxrss`
/// is the figure `getrusage(RUSAGE_CHILDREN)` reports for a single waited child; `Process` reaps the child
/// itself and hides it.
struct ChildProcess {
  /// What one run produced.
  struct Run {
    /// Wall time from spawn to reaping.
    var wall: Duration
    /// Exit status (128 + signal when killed).
    var status: Int32
    /// Peak resident set size in KiB (`ru_maxrss` on Linux).
    var maxRSSKiB: Int
    /// User + system CPU time.
    var cpu: Double
    /// The child's standard error (standard output is discarded).
    var stderr: String
  }

  /// The program path.
  var path: String
  /// Arguments after the program name.
  var arguments: [String]

  /// Spawns the program, waits for it, and returns the measurements.
  func run() throws(BenchError) -> Run {
    let errPath = NSTemporaryDirectory() + "/presetctl-bench-stderr-\(getpid()).txt"
    defer { unlink(errPath) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    let clock = ContinuousClock()
    let start = clock.now
    let spawned = argv.withUnsafeBufferPointer { buffer -> Int32 in
      guard let base = buffer.baseAddress else { return EINVAL }
      return posix_spawn(&pid, path, &actions, nil, base, environ)
    }
    guard spawned == 0 else {
      throw BenchError.failed("cannot start \(path): \(String(cString: strerror(spawned)))")
    }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 {
      guard errno == EINTR else { throw BenchError.failed("wait4 failed: \(String(cString: strerror(errno)))") }
    }
    let wall = clock.now - start
    let signal = status & 0x7F
    let exitStatus = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    let cpu =
      Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec)
      + Double(usage.ru_stime.tv_usec) / 1e6
    let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
    return Run(wall: wall, status: exitStatus, maxRSSKiB: Int(usage.ru_maxrss), cpu: cpu, stderr: stderr)
  }

  /// Peak RSS of the largest child reaped so far, from `getrusage(RUSAGE_CHILDREN)`, in KiB.
  static var childrenMaxRSSKiB: Int {
    var usage = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    return Int(usage.ru_maxrss)
  }
}
