import Foundation

/// `presetctl-bench corpus --n N --out DIR [--seed S]`: writes the deterministic benchmark corpus.
struct CorpusCommand {
  /// Presets to generate.
  var count = 1_000
  /// Corpus root (created; must be empty or an earlier corpus).
  var out: String?
  /// Generator seed.
  var seed: UInt64 = 1

  static let usage = "usage: presetctl-bench corpus --n N --out DIR [--seed S]"

  /// Reads the subcommand's options.
  init(arguments: [String]) throws(BenchError) {
    var options = OptionReader(arguments: arguments, usage: Self.usage)
    while let option = options.next() {
      switch option {
      case "--n": count = try options.positiveInt(for: option)
      case "--out": out = try options.value(for: option)
      case "--seed": seed = UInt64(try options.positiveInt(for: option))
      default: throw BenchError.usage("unknown option \(option)\n\(Self.usage)")
      }
    }
    guard out != nil else { throw BenchError.usage("--out is required\n\(Self.usage)") }
  }

  func run() throws(BenchError) {
    let root = URL(fileURLWithPath: out ?? ".").standardizedFileURL
    let clock = ContinuousClock()
    var summary = CorpusGenerator.Summary()
    let elapsed = try clock.measureThrowing { () throws(BenchError) in
      summary = try CorpusGenerator(count: count, seed: seed).write(to: root)
    }
    print(summary.describe(count: count, seed: seed), terminator: "")
    print("  written to \(root.path) in \(format(elapsed.seconds)) s")
  }
}

/// Finds or makes the corpus a measurement runs on.
enum CorpusCache {
  /// `dir` when it already holds the corpus for (count, seed); otherwise generates it there. Without `dir`, a
  /// folder in the temporary directory named after (count, seed) is used and reused by later runs.
  static func prepare(count: Int, seed: UInt64, dir: String?) throws(BenchError) -> URL {
    let root = URL(
      fileURLWithPath: dir ?? NSTemporaryDirectory() + "/presetctl-bench-corpus-\(count)-s\(seed)"
    ).standardizedFileURL
    let generator = CorpusGenerator(count: count, seed: seed)
    let marker = root.appendingPathComponent(CorpusGenerator.markerName)
    if let text = try? String(contentsOf: marker, encoding: .utf8), text.hasPrefix(generator.markerPrefix) {
      log("reusing corpus at \(root.path)")
      return root
    }
    log("generating \(count) presets into \(root.path) ...")
    let summary = try generator.write(to: root)
    log(summary.describe(count: count, seed: seed))
    return root
  }
}

/// A progress line on stderr (stdout carries the results).
func log(_ text: String) {
  FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}

extension ContinuousClock {
  /// `measure` for throwing work.
  func measureThrowing(_ work: () throws(BenchError) -> Void) throws(BenchError) -> Duration {
    let start = now
    try work()
    return now - start
  }
}
