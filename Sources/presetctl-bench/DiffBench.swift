import Foundation

/// `presetctl-bench diff [--mb N] [--edits K] [--runs R]`: the prompt diff (`TextDiff`) on two prompts of about
/// N MiB (default 4, the compiler's prompt file limit): wall time of the diff and peak RSS of a process that
/// does nothing else.
///
/// Each case runs in a child (`diff-case`, under `exec-child` so the peak is the child's own); a second child
/// per case only builds the prompts, so "RSS of the diff" is the difference of the two peaks.
struct DiffBench {
  /// Size of each prompt in MiB.
  var megabytes = 4
  /// Line edits in the `similar` case.
  var edits = 1_000
  /// Timed diffs per case (in the same child).
  var runs = 3

  static let usage = "usage: presetctl-bench diff [--mb N] [--edits K] [--runs R]"

  /// Reads the subcommand's options.
  init(arguments: [String]) throws(BenchError) {
    var options = OptionReader(arguments: arguments, usage: Self.usage)
    while let option = options.next() {
      switch option {
      case "--mb": megabytes = try options.positiveInt(for: option)
      case "--edits": edits = try options.positiveInt(for: option)
      case "--runs": runs = try options.positiveInt(for: option)
      default: throw BenchError.usage("unknown option \(option)\n\(Self.usage)")
      }
    }
  }

  func run() throws(BenchError) {
    let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
    let common = ["--mb", "\(megabytes)", "--edits", "\(edits)", "--runs", "\(runs)"]
    print("diff: prompts of about \(megabytes) MiB, \(edits) edits in `similar`, \(runs) timed runs per case")
    print(
      "| case | lines old/new | result | diff median s | min s | max s | peak RSS MiB | inputs only MiB | diff MiB |")
    print("|---|---:|---|---:|---:|---:|---:|---:|---:|")
    for kind in DiffCase.kinds {
      let floor = try ChildProcess(path: me, arguments: ["diff-case", kind, "--inputs-only"] + common).measured()
      let full = try ChildProcess(path: me, arguments: ["diff-case", kind] + common).measured()
      guard full.status == 0, floor.status == 0 else {
        throw BenchError.failed("diff-case \(kind) failed: \(full.stderr.prefix(2000))")
      }
      let report = ChildProcess.reportFields(full.stderr)
      let times = (report["diff_s"] ?? "").split(separator: ",").compactMap { Double($0) }
      guard times.count == 3 else { throw BenchError.failed("diff-case \(kind) gave no timing: \(full.stderr)") }
      func mib(_ kib: Int) -> String { format(Double(kib) / 1024) }
      print(
        "| \(kind) | \(report["lines"] ?? "?") | \(report["result"] ?? "?") | \(formatSeconds(times[0])) | "
          + "\(formatSeconds(times[1])) | \(formatSeconds(times[2])) | \(mib(full.maxRSSKiB)) | \(mib(floor.maxRSSKiB)) | "
          + "\(mib(full.maxRSSKiB - floor.maxRSSKiB)) |")
    }
  }
}
