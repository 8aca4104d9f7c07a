import Foundation

/// `presetctl-bench exec-child PROGRAM [ARGS...]`: runs PROGRAM once and prints
/// `status=N wall_ns=N maxrss_kib=N cpu_s=X` on standard output (PROGRAM's standard error passes through).
///
/// Used by `ChildProcess.measured()`: this small, freshly started process is the parent whose address space the
/// measured child starts in, so the child's `ru_maxrss` is its own peak and not the benchmark's.
struct ExecChild {
  /// The program and its arguments.
  var command: [String]

  static let usage = "usage: presetctl-bench exec-child PROGRAM [ARGS...]"

  /// Takes the command line as is.
  init(arguments: [String]) throws(BenchError) {
    guard !arguments.isEmpty else { throw BenchError.usage(Self.usage) }
    command = arguments
  }

  func run() throws(BenchError) {
    let result = try ChildProcess(path: command[0], arguments: Array(command.dropFirst())).run()
    FileHandle.standardError.write(Data(result.stderr.utf8))
    let wall = result.wall.components
    let nanoseconds = wall.seconds * 1_000_000_000 + wall.attoseconds / 1_000_000_000
    print(
      "status=\(result.status) wall_ns=\(nanoseconds) maxrss_kib=\(ChildProcess.childrenMaxRSSKiB) "
        + "cpu_s=\(result.cpu)")
  }
}
