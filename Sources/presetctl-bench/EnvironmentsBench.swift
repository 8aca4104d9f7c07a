import Foundation
import PresetCompiler
import PresetCore
import PresetKit
import PresetModel
import PresetRender

/// `presetctl-bench environments [--n N] [--corpus DIR] [--seed S] [--runs R] [--warmup W] [--presetctl PATH]`:
/// what plain `validate` costs when it checks every environment of `presetctl.yaml` (issue 13): one environment
/// against three, in process on one thread and as the `presetctl validate` child, next to three separate
/// `--env` compilations (what checking three environments would cost without the shared parse).
///
/// The corpus is the `build` corpus; `presetctl.yaml` is written at its root for the run and removed after.
struct EnvironmentsBench {
  /// Corpus, runs and binary: the `build` subcommand's options (default `--n 1000` here).
  var options: BuildBench

  static let usage =
    "usage: presetctl-bench environments [--n N] [--corpus DIR] [--seed S] [--runs R] [--warmup W] [--presetctl PATH]"

  /// One environment: production owns the plain slugs.
  static let oneEnvironment = "environments:\n  production: {default: true}\n"
  /// Three environments, two of them with overrides every skin accepts.
  static let threeEnvironments = """
    environments:
      production: {default: true}
      staging:
        slug: "{slug}-stg"
        request: {provider: {sort: price}}
      dev:
        slug: "{slug}-dev"
        request: {temperature: 0.2}

    """

  init(arguments: [String]) throws(BenchError) {
    options = try BuildBench(arguments: (arguments.contains("--n") ? [] : ["--n", "1000"]) + arguments)
  }

  func run() throws(BenchError) {
    let (count, seed, runs, warmup) = (options.count, options.seed, options.runs, options.warmup)
    let tool = options.presetctl ?? BuildBench.siblingPresetctl()
    guard FileManager.default.isExecutableFile(atPath: tool) else {
      throw BenchError.failed("no presetctl binary at \(tool); build it (--product presetctl) or pass --presetctl")
    }
    let root = try CorpusCache.prepare(count: count, seed: seed, dir: options.corpus)
    let config = root.appendingPathComponent(RepositoryConfig.fileName)
    guard !FileManager.default.fileExists(atPath: config.path) else {
      throw BenchError.failed("\(config.path) exists; this benchmark writes its own and will not replace it")
    }
    defer { try? FileManager.default.removeItem(at: config) }
    let presets = root.appendingPathComponent("presets").path
    let layout = RepositoryLayout(root: root)
    print(MachineInfo.current.markdown)
    print("- corpus: \(count) presets (seed \(seed)); runs per row: \(runs) after \(warmup) warm-up run(s)\n")
    var compilerOptions = Compiler.Options()
    compilerOptions.parallelism = 1
    let bench = { (name: String) in Benchmark(name: name, runs: runs, warmupRuns: warmup) }

    func write(_ text: String) throws(BenchError) {
      do { try Data(text.utf8).write(to: config) } catch { throw BenchError.failed("cannot write \(config.path)") }
    }
    func checkedAll(_ label: String, environments: Int) throws(BenchError) -> Benchmark.Result {
      let compiler = Compiler(options: compilerOptions)
      let first = compiler.compileAllEnvironments(paths: [presets], layout: layout) { _ in () }
      guard !first.result.hasErrors, first.environments.count == environments,
        first.environments.allSatisfy({ $0.values.count == count })
      else { throw BenchError.failed("\(label): the corpus does not compile in every environment") }
      log(label)
      return bench(label).measure {
        _ = compiler.compileAllEnvironments(paths: [presets], layout: layout) { _ in () }
      }
    }
    func validateRuns(_ arguments: [String]) throws(BenchError) -> [ChildProcess.Run] {
      try options.childRuns(ChildProcess(path: tool, arguments: arguments))
    }
    func childRow(_ name: String, _ runs: [ChildProcess.Run]) -> PhaseTable.Row {
      .init(
        name: name, result: Benchmark.Result(durations: runs.map(\.wall)),
        maxRSSKiB: runs.map(\.maxRSSKiB).medianMinMax, cpu: runs.map(\.cpu).median)
    }

    try write(Self.oneEnvironment)
    let one = try checkedAll("compileAllEnvironments, 1 environment, 1 thread", environments: 1)
    let oneChild = try validateRuns(["validate", presets])
    try write(Self.threeEnvironments)
    let three = try checkedAll("compileAllEnvironments, 3 environments, 1 thread", environments: 3)
    log("3 separate compile(--env) calls, 1 thread")
    let separate = bench("separate").measure {
      for name in ["production", "staging", "dev"] {
        var perEnvironment = compilerOptions
        perEnvironment.environment = name
        _ = Compiler(options: perEnvironment).compile(paths: [presets], layout: layout) { _ in () }
      }
    }
    let threeChild = try validateRuns(["validate", presets])

    var table = PhaseTable(presets: count, floor: one.median)
    table.ratioHeader = "× 1 environment"
    table.rows = [
      .init(name: "in process: 1 environment", result: one),
      .init(name: "in process: 3 environments, one parse per file", result: three),
      .init(name: "in process: 3 separate `--env` compilations", result: separate),
      childRow("`presetctl validate`, 1 environment (child)", oneChild),
      childRow("`presetctl validate`, 3 environments (child)", threeChild),
    ]
    print(table.markdown)
    let ratio = three.median.seconds / max(one.median.seconds, 1e-9)
    let naive = separate.median.seconds / max(one.median.seconds, 1e-9)
    let cpuRatio = threeChild.map(\.cpu).median / max(oneChild.map(\.cpu).median, 1e-9)
    print(
      """
      - 3 environments cost \(format(ratio))× one in process (3 separate compilations: \(format(naive))×); \
      `presetctl validate` CPU \(format(cpuRatio))×
      """)
  }
}
