import Foundation
import PresetCompiler
import PresetCore
import PresetKit
import PresetModel
import PresetPolicy
import PresetReconcile

/// `presetctl-bench catalogue [--n N] [--corpus DIR] [--seed S] [--runs R] [--warmup W] [--presetctl PATH]`:
/// what the model-catalogue checks cost `validate` (issue 15: at most 5% with a 1,000-model snapshot on 10,000
/// presets). The same corpus is compiled without a snapshot (checks skipped, one note) and with one, in
/// process on one thread and as the `presetctl validate` child.
///
/// The snapshot is written to `presets/presetctl.catalogue.json` of the corpus (it has no presetctl.yaml) for
/// the run and removed after. It lists every corpus model and provider among 1,000 models.
struct CatalogueBench {
  /// Corpus, runs and binary: the `build` subcommand's options (default `--n 10000`).
  var options: BuildBench
  /// Models in the snapshot.
  static let modelCount = 1_000

  static let usage =
    "usage: presetctl-bench catalogue [--n N] [--corpus DIR] [--seed S] [--runs R] [--warmup W] [--presetctl PATH]"

  init(arguments: [String]) throws(BenchError) {
    options = try BuildBench(arguments: arguments)
  }

  /// 1,000 models: the corpus's own (accepting every parameter the corpus sets) and synthetic ones.
  static func catalogue() -> Catalogue {
    let parameters = [
      "frequency_penalty", "max_tokens", "presence_penalty", "reasoning", "response_format", "seed", "stop",
      "temperature", "tool_choice", "tools", "top_k", "top_p", "max_output_tokens", "stop_sequences",
      "parallel_tool_calls", "text", "structured_outputs", "include_reasoning", "verbosity", "min_p",
      "repetition_penalty", "logit_bias", "logprobs", "top_logprobs",
    ]
    var models = CorpusText.models.map { id in
      Catalogue.Model(
        id: id, name: id, contextLength: 200_000, supportedParameters: parameters, maxCompletionTokens: 64_000,
        pricing: [.init(key: "prompt", value: "0.000001"), .init(key: "completion", value: "0.000002")])
    }
    var index = 0
    while models.count < modelCount {
      models.append(
        Catalogue.Model(
          id: "vendor-\(index % 60)/model-\(index)", canonicalSlug: "vendor-\(index % 60)/model-\(index)-2026",
          name: "Model \(index)", contextLength: 32_768 * (1 + index % 8), supportedParameters: parameters,
          maxCompletionTokens: 8_192, pricing: [.init(key: "prompt", value: "0.0000005")]))
      index += 1
    }
    let providers =
      CorpusText.providers.map { Catalogue.Provider(slug: $0, name: $0.capitalized) }
      + (0..<60).map { Catalogue.Provider(slug: "provider-\($0)", name: "Provider \($0)") }
    return Catalogue(models: models, providers: providers)
  }

  func run() throws(BenchError) {
    let (count, seed, runs, warmup) = (options.count, options.seed, options.runs, options.warmup)
    let tool = options.presetctl ?? BuildBench.siblingPresetctl()
    guard FileManager.default.isExecutableFile(atPath: tool) else {
      throw BenchError.failed("no presetctl binary at \(tool); build it (--product presetctl) or pass --presetctl")
    }
    let root = try CorpusCache.prepare(count: count, seed: seed, dir: options.corpus)
    let presets = root.appendingPathComponent("presets").path
    let snapshot = root.appendingPathComponent("presets").appendingPathComponent(CatalogueSnapshot.fileName)
    guard !FileManager.default.fileExists(atPath: snapshot.path) else {
      throw BenchError.failed("\(snapshot.path) exists; this benchmark writes its own and will not replace it")
    }
    defer { try? FileManager.default.removeItem(at: snapshot) }
    let layout = RepositoryLayout(root: root)
    print(MachineInfo.current.markdown)
    print(
      "- corpus: \(count) presets (seed \(seed)); snapshot: \(Self.modelCount) models; runs per row: \(runs) after \(warmup) warm-up run(s)\n"
    )
    var compilerOptions = Compiler.Options()
    compilerOptions.parallelism = 1
    let compiler = Compiler(options: compilerOptions)
    let bytes = CatalogueSnapshot.bytes(Self.catalogue())
    func place(_ present: Bool) throws(BenchError) {
      if present {
        do { try Data(bytes).write(to: snapshot) } catch { throw BenchError.failed("cannot write \(snapshot.path)") }
      } else {
        try? FileManager.default.removeItem(at: snapshot)
      }
    }
    func check(_ label: String, expectCatalogue: Bool) throws(BenchError) {
      let first = compiler.compileAllEnvironments(paths: [presets], layout: layout) { _ in () }.result
      let noted = first.catalogueNote != nil
      guard !first.hasErrors, noted != expectCatalogue else {
        let codes = Set(first.diagnostics.filter { $0.severity == .error }.map(\.code)).sorted()
        throw BenchError.failed(
          "\(label): the corpus does not compile as expected (errors: \(codes), snapshot note: \(noted))")
      }
    }
    try place(false)
    try check("without a snapshot", expectCatalogue: false)
    try place(true)
    try check("with the snapshot", expectCatalogue: true)
    // The two configurations alternate run by run (the snapshot is written and removed in between): on a
    // shared machine whose speed drifts over a minute, back-to-back blocks of runs measured the drift, not
    // the checks (1.03x and 1.17x on the same binary).
    let clock = ContinuousClock()
    var inProcess: [Bool: [Duration]] = [false: [], true: []]
    var children: [Bool: [ChildProcess.Run]] = [false: [], true: []]
    let child = ChildProcess(path: tool, arguments: ["validate", presets])
    for round in 0..<(warmup + runs) {
      log("round \(round + 1) of \(warmup + runs)")
      for present in [false, true] {
        try place(present)
        let start = clock.now
        _ = compiler.compileAllEnvironments(paths: [presets], layout: layout) { _ in () }
        let elapsed = clock.now - start
        let run = try child.measured()
        guard run.status == 0 else {
          throw BenchError.failed("presetctl validate exited \(run.status):\n\(run.stderr.prefix(2000))")
        }
        if round >= warmup {
          inProcess[present, default: []].append(elapsed)
          children[present, default: []].append(run)
        }
      }
    }
    let without = Benchmark.Result(durations: inProcess[false] ?? [])
    let with = Benchmark.Result(durations: inProcess[true] ?? [])
    let withoutChild = children[false] ?? []
    let withChild = children[true] ?? []
    func childRow(_ name: String, _ runs: [ChildProcess.Run]) -> PhaseTable.Row {
      .init(
        name: name, result: Benchmark.Result(durations: runs.map(\.wall)),
        maxRSSKiB: runs.map(\.maxRSSKiB).medianMinMax, cpu: runs.map(\.cpu).median)
    }

    var table = PhaseTable(presets: count, floor: without.median)
    table.ratioHeader = "× no snapshot"
    table.rows = [
      .init(name: "in process: no snapshot (checks skipped)", result: without),
      .init(name: "in process: 1,000-model snapshot", result: with),
      childRow("`presetctl validate`, no snapshot (child)", withoutChild),
      childRow("`presetctl validate`, 1,000-model snapshot (child)", withChild),
    ]
    print(table.markdown)
    let ratio = with.median.seconds / max(without.median.seconds, 1e-9)
    let cpuRatio = withChild.map(\.cpu).median / max(withoutChild.map(\.cpu).median, 1e-9)
    let wallRatio = withChild.map(\.wall.seconds).median / max(withoutChild.map(\.wall.seconds).median, 1e-9)
    print(
      "- the catalogue checks cost \(format(ratio))× in process; `presetctl validate` wall \(format(wallRatio))×, CPU \(format(cpuRatio))× (issue 15 budget: 1.05×)"
    )
  }
}
