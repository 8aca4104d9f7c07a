import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a program to completion and reports its wall time, exit status and peak resident memory.
///
/// `posix_spawn` + `wait4` rather than `Process`: `wait4` returns the child's own `rusage`, whose `ru_maxrss`
/// is the figure `getrusage(RUSAGE_CHILDREN)` reports for a single waited child; `Process` reaps the child
/// itself and hides it.
///
/// Peak memory needs a small parent: Linux folds the peak RSS of the address space a process had before
/// `execve` into its `ru_maxrss`, and `posix_spawn` starts the child in the parent's address space (vfork), so
/// a child of the benchmark (hundreds of MiB of corpus in memory) would report the benchmark's peak. `measured()`
/// therefore runs the child under a fresh copy of this executable (`presetctl-bench exec-child`), whose own
/// footprint is a few MiB, and reads its report.
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

  /// Runs the program under `presetctl-bench exec-child` (see the type's note) and returns its measurements.
  func measured() throws(BenchError) -> Run {
    let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
    let outPath = NSTemporaryDirectory() + "/presetctl-bench-child-\(getpid()).txt"
    defer { unlink(outPath) }
    let runner = try ChildProcess(path: me, arguments: ["exec-child", path] + arguments).run(stdout: outPath)
    let report = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    let fields = Self.reportFields(report)
    guard let status = fields["status"].flatMap({ Int32($0) }), let wall = fields["wall_ns"].flatMap({ Int64($0) }),
      let rss = fields["maxrss_kib"].flatMap({ Int($0) }), let cpu = fields["cpu_s"].flatMap({ Double($0) })
    else {
      throw BenchError.failed("exec-child gave no report (status \(runner.status)): \(runner.stderr.prefix(2000))")
    }
    return Run(wall: .nanoseconds(wall), status: status, maxRSSKiB: rss, cpu: cpu, stderr: runner.stderr)
  }

  /// The `key=value` fields of a child's one-line report.
  static func reportFields(_ text: String) -> [String: String] {
    var fields: [String: String] = [:]
    for pair in text.split(whereSeparator: \.isWhitespace) {
      let parts = pair.split(separator: "=", maxSplits: 1)
      if parts.count == 2 { fields[String(parts[0])] = String(parts[1]) }
    }
    return fields
  }

  /// Spawns the program directly, waits for it, and returns the measurements; its standard output goes to
  /// `stdout` (a file path) or is discarded.
  func run(stdout: String = "/dev/null") throws(BenchError) -> Run {
    let errPath = NSTemporaryDirectory() + "/presetctl-bench-stderr-\(getpid()).txt"
    defer { unlink(errPath) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
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

/// CPU time used by this process so far.
enum ProcessCPU {
  /// User + system seconds, all threads (`getrusage(RUSAGE_SELF)`).
  static var seconds: Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec)
      + Double(usage.ru_stime.tv_usec) / 1e6
  }
}
