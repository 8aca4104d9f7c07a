import Foundation
import PresetKit
import PresetReconcile

/// `presetctl-bench diff-case KIND [--mb N] [--edits K] [--runs R] [--inputs-only]` (internal): builds one pair
/// of prompts and diffs them, in a process of its own so its peak RSS is the diff's (plus the inputs).
///
/// KIND is `similar` (the old prompt with K evenly spread line edits), `different` (two independently generated
/// prompts: same sentence pool, so many equal lines, none in order) or `disjoint` (no line in common). The
/// prompts are `CorpusText` prompts of about N MiB (the compiler's prompt limit is 4 MiB). Prints
/// `lines=A/B result=… diff_s=median,min,max` on standard error, which `DiffBench` reads back.
struct DiffCase {
  /// Which pair of prompts.
  var kind: String
  /// Size of each prompt in MiB.
  var megabytes = 4
  /// Line edits in the `similar` case.
  var edits = 1_000
  /// Timed diffs.
  var runs = 3
  /// Build the prompts and stop: the memory floor the diff adds to.
  var inputsOnly = false

  static let kinds = ["similar", "different", "disjoint"]
  static let usage =
    "usage: presetctl-bench diff-case similar|different|disjoint [--mb N] [--edits K] [--runs R] [--inputs-only]"

  /// Reads the subcommand's options.
  init(arguments: [String]) throws(BenchError) {
    guard let kind = arguments.first, Self.kinds.contains(kind) else { throw BenchError.usage(Self.usage) }
    self.kind = kind
    var options = OptionReader(arguments: Array(arguments.dropFirst()), usage: Self.usage)
    while let option = options.next() {
      switch option {
      case "--mb": megabytes = try options.positiveInt(for: option)
      case "--edits": edits = try options.positiveInt(for: option)
      case "--runs": runs = try options.positiveInt(for: option)
      case "--inputs-only": inputsOnly = true
      default: throw BenchError.usage("unknown option \(option)\n\(Self.usage)")
      }
    }
  }

  /// The two prompts.
  func prompts() -> (old: String, new: String) {
    let bytes = megabytes * 1_048_576
    var random = CorpusRandom(seed: 7, stream: 1)
    let old = CorpusText.prompt(targetBytes: bytes, team: "bench", random: &random)
    switch kind {
    case "similar":
      var lines = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      let step = max(1, lines.count / edits)
      for (n, at) in stride(from: step / 2, to: lines.count, by: step).prefix(edits).enumerated() {
        lines[at] = "Edited line \(n): " + lines[at]
      }
      return (old, lines.joined(separator: "\n"))
    case "different":
      var other = CorpusRandom(seed: 8, stream: 2)
      return (old, CorpusText.prompt(targetBytes: bytes, team: "bench", random: &other))
    default:
      var other = CorpusRandom(seed: 8, stream: 2)
      let new = CorpusText.prompt(targetBytes: bytes, team: "bench", random: &other)
      let lines = new.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { "\($0) \($1)" }
      return (old, lines.joined(separator: "\n"))
    }
  }

  func run() throws(BenchError) {
    let (old, new) = prompts()
    let oldLines = old.utf8.count(where: { $0 == UInt8(ascii: "\n") }) + 1
    let newLines = new.utf8.count(where: { $0 == UInt8(ascii: "\n") }) + 1
    var report = "lines=\(oldLines)/\(newLines)"
    if !inputsOnly {
      var output: TextDiff.Output?
      let result = Benchmark(name: "diff \(kind)", runs: runs, warmupRuns: 0).measure {
        output = TextDiff.output(old: old, new: new)
      }
      let text = output?.text ?? ""
      let shown =
        output?.replaced.map { _ in "replaced" }
        ?? "hunks:\(text.split(separator: "\n").filter { $0.hasPrefix("@@ ") }.count)"
      report +=
        " result=\(shown) diff_s=\(result.median.seconds),\(result.min.seconds),\(result.max.seconds)"
    }
    FileHandle.standardError.write(Data((report + "\n").utf8))
  }
}
