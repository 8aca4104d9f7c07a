import Foundation
import OpenRouterFake
import PresetCompiler
import PresetKit
import PresetModel
import PresetReconcile

/// `presetctl-bench remote [--n N] [--changed K] [--latency-ms L] [--parallelism P,P...] [--runs R]`: plan and
/// apply against the fake OpenRouter with a fixed latency per request.
///
/// The fake is seeded so that K presets differ from the repository (updates) and the rest match (unchanged).
/// Each row reports the requests the fake recorded and the wall time as a multiple of the ideal
/// `requests × latency ÷ parallelism`: 1.0 means the client adds nothing to the latency, and the plan's list
/// pages (sequential by nature) push it slightly above.
struct RemoteBench {
  /// Desired presets (the corpus size).
  var count = 1_000
  /// Presets that differ live; default all.
  var changed: Int?
  /// Latency the fake adds to every request, in milliseconds.
  var latencyMs = 50.0
  /// Parallelism values to compare (plan and apply use the same).
  var parallelism = [1, 8]
  /// Timed runs per parallelism (each on a freshly seeded fake).
  var runs = 1
  /// Corpus root to reuse or generate into.
  var corpus: String?
  /// Corpus seed.
  var seed: UInt64 = 1

  static let usage = """
    usage: presetctl-bench remote [--n N] [--changed K] [--latency-ms L] [--parallelism P[,P...]] [--runs R]
                                  [--corpus DIR] [--seed S]
    """

  /// Reads the subcommand's options.
  init(arguments: [String]) throws(BenchError) {
    var options = OptionReader(arguments: arguments, usage: Self.usage)
    while let option = options.next() {
      switch option {
      case "--n": count = try options.positiveInt(for: option)
      case "--changed": changed = try options.nonNegativeInt(for: option)
      case "--latency-ms": latencyMs = try options.nonNegativeDouble(for: option)
      case "--parallelism": parallelism = try options.positiveIntList(for: option)
      case "--runs": runs = try options.positiveInt(for: option)
      case "--corpus": corpus = try options.value(for: option)
      case "--seed": seed = UInt64(try options.positiveInt(for: option))
      default: throw BenchError.usage("unknown option \(option)\n\(Self.usage)")
      }
    }
  }

  /// The measurements of one plan + apply round.
  struct Round {
    var planWall: Duration
    var applyWall: Duration
    /// CPU seconds (user + system) of this whole process, client and fake together, during each phase.
    var planCPU: Double
    var applyCPU: Double
    var planSingleGets: Int
    var planListGets: Int
    var planOther: Int
    var applyPosts: Int
    var applyOther: Int
    var clientRequests: Int
    var updates: Int
    var unchanged: Int
    var applied: Int
  }

  func run() throws(BenchError) {
    let root = try CorpusCache.prepare(count: count, seed: seed, dir: corpus)
    let result = Compiler().compile(path: root.appendingPathComponent("presets").path)
    guard !result.hasErrors, result.presets.count == count else {
      throw BenchError.failed("the corpus does not compile cleanly (\(result.presets.count) presets)")
    }
    let changedCount = min(changed ?? count, count)
    print(MachineInfo.current.markdown)
    print(
      "- \(count) desired presets, \(changedCount) changed live (updates), latency \(format(latencyMs)) ms per "
        + "request, \(runs) run(s) per parallelism, page size 100\n")
    var lines = [
      "| parallelism | phase | requests recorded by the fake | wall median s (min–max) | ideal s = req × lat ÷ p "
        + "| × ideal | CPU ms/request |",
      "|---:|---|---|---:|---:|---:|---:|",
    ]
    for width in parallelism {
      var rounds: [Round] = []
      for run in 1...runs {
        log("parallelism \(width), run \(run)/\(runs)")
        rounds.append(try round(presets: result.presets, changedCount: changedCount, parallelism: width))
      }
      guard let first = rounds.first else { continue }
      for round in rounds {
        guard round.updates == changedCount, round.unchanged == count - changedCount, round.applied == changedCount
        else {
          throw BenchError.failed(
            "plan/apply mismatch: \(round.updates) updates, \(round.unchanged) unchanged, \(round.applied) applied")
        }
      }
      let planRequests = first.planSingleGets + first.planListGets + first.planOther
      let applyRequests = first.applyPosts + first.applyOther
      lines.append(
        row(
          width, "plan",
          "\(first.planSingleGets) GET /presets/{slug} + \(first.planListGets) GET /presets"
            + (first.planOther > 0 ? " + \(first.planOther) other" : ""),
          rounds.map(\.planWall), requests: planRequests, cpu: rounds.map(\.planCPU)))
      lines.append(
        row(
          width, "apply", "\(first.applyPosts) POST" + (first.applyOther > 0 ? " + \(first.applyOther) other" : ""),
          rounds.map(\.applyWall), requests: applyRequests, cpu: rounds.map(\.applyCPU)))
      let expectedPlan = count + max(1, (count + 99) / 100)
      if planRequests != expectedPlan || first.applyPosts != changedCount || first.applyOther != 0 {
        lines.append(
          "|  | **unexpected request counts** (plan expected \(expectedPlan), apply \(changedCount) POST) | | | | | |")
      }
    }
    print(lines.joined(separator: "\n"))
  }

  private func row(
    _ width: Int, _ phase: String, _ requests: String, _ walls: [Duration], requests count: Int, cpu: [Double]
  ) -> String {
    let result = Benchmark.Result(durations: walls)
    let ideal = Double(count) * latencyMs / 1000 / Double(width)
    let ratio = ideal > 0 ? format(result.median.seconds / ideal) : "n/a"
    return "| \(width) | \(phase) | \(requests) | \(format(result.median.seconds)) "
      + "(\(format(result.min.seconds))–\(format(result.max.seconds))) | \(format(ideal)) | \(ratio) | "
      + "\(format(cpu.sorted()[cpu.count / 2] * 1000 / Double(max(count, 1)))) |"
  }

  /// Seeds a fresh fake, plans, applies, and counts what the fake saw in each phase.
  private func round(presets: [Preset], changedCount: Int, parallelism: Int) throws(BenchError) -> Round {
    let fake = FakeOpenRouter()
    do {
      try fake.start()
    } catch {
      throw BenchError.failed("cannot start the fake OpenRouter: \(error)")
    }
    defer { fake.stop() }
    for (i, preset) in presets.enumerated() {
      let prompt = i < changedCount ? "an older prompt" : preset.model.systemPrompt
      fake.seed(slug: preset.slug, systemPrompt: prompt, config: .object(preset.model.config))
    }
    fake.latency = latencyMs / 1000
    let client: OpenRouterClient
    do {
      client = try OpenRouterClient(.init(apiKey: APIKey(fake.apiKey), baseURL: fake.baseURL))
    } catch {
      throw BenchError.failed("cannot create the client: \(error)")
    }
    let clock = ContinuousClock()
    let planCPUStart = ProcessCPU.seconds
    let planStart = clock.now
    let planned = AsyncBridge.run { () -> Result<PresetPlan, RemoteError> in
      do throws(RemoteError) {
        return .success(try await Planner(client: client, parallelism: parallelism).plan(for: presets))
      } catch {
        return .failure(error)
      }
    }
    let planWall = clock.now - planStart
    let planCPU = ProcessCPU.seconds - planCPUStart
    let plan: PresetPlan
    switch planned {
    case .success(let value): plan = value
    case .failure(let error): throw BenchError.failed("plan failed: \(error)")
    }
    let planRecorded = fake.requests
    let applyCPUStart = ProcessCPU.seconds
    let applyStart = clock.now
    let outcomes = AsyncBridge.run { await Applier(client: client, parallelism: parallelism).apply(plan) }
    let applyWall = clock.now - applyStart
    let applyCPU = ProcessCPU.seconds - applyCPUStart
    let applyRecorded = fake.requests.dropFirst(planRecorded.count)
    let singleGets = planRecorded.filter { $0.method == "GET" && $0.path.hasPrefix("/presets/") }.count
    let listGets = planRecorded.filter { $0.method == "GET" && $0.path == "/presets" }.count
    let posts = applyRecorded.filter { $0.method == "POST" }.count
    return Round(
      planWall: planWall, applyWall: applyWall, planCPU: planCPU, applyCPU: applyCPU, planSingleGets: singleGets,
      planListGets: listGets,
      planOther: planRecorded.count - singleGets - listGets, applyPosts: posts, applyOther: applyRecorded.count - posts,
      clientRequests: client.requestCount, updates: plan.count(.update), unchanged: plan.count(.unchanged),
      applied: outcomes.filter { $0.status == .applied }.count)
  }
}
