import Foundation
import PresetCompiler
import PresetCore
import PresetKit
import PresetModel

#if canImport(Glibc)
  import Glibc
#endif

/// `presetctl-bench build [--n N] [--corpus DIR] [--seed S] [--runs R] [--presetctl PATH]`: every phase of
/// `presetctl build` on one corpus, each as median/min/max of R runs and as a multiple of libyaml's bare parse.
///
/// In-process phases run on one thread over inputs already in memory (except where reading is the point), so
/// each row isolates one cost; the end-to-end rows run the real `presetctl` binary as a child process with its
/// default parallelism, reading from a warm page cache.
struct BuildBench {
  /// Presets in the corpus.
  var count = 10_000
  /// Corpus root to reuse or generate into (default: a cached folder in the temporary directory).
  var corpus: String?
  /// Corpus seed.
  var seed: UInt64 = 1
  /// Timed runs per phase.
  var runs = 5
  /// Untimed runs before them.
  var warmup = 1
  /// The `presetctl` binary (default: beside this executable).
  var presetctl: String?
  /// Run the Python pipeline rows (when python3 has the modules).
  var python = true

  static let usage =
    "usage: presetctl-bench build [--n N] [--corpus DIR] [--seed S] [--runs R] [--warmup W] [--presetctl PATH] [--no-python]"

  /// Reads the subcommand's options.
  init(arguments: [String]) throws(BenchError) {
    var options = OptionReader(arguments: arguments, usage: Self.usage)
    while let option = options.next() {
      switch option {
      case "--n": count = try options.positiveInt(for: option)
      case "--corpus": corpus = try options.value(for: option)
      case "--seed": seed = UInt64(try options.positiveInt(for: option))
      case "--runs": runs = try options.positiveInt(for: option)
      case "--warmup": warmup = try options.nonNegativeInt(for: option)
      case "--presetctl": presetctl = try options.value(for: option)
      case "--no-python": python = false
      default: throw BenchError.usage("unknown option \(option)\n\(Self.usage)")
      }
    }
  }

  func run() throws(BenchError) {
    let tool = presetctl ?? Self.siblingPresetctl()
    guard FileManager.default.isExecutableFile(atPath: tool) else {
      throw BenchError.failed("no presetctl binary at \(tool); build it (--product presetctl) or pass --presetctl")
    }
    let root = try CorpusCache.prepare(count: count, seed: seed, dir: corpus)
    let presetsPath = root.appendingPathComponent("presets").path
    let layout = RepositoryLayout(root: root)
    let inputs = try CorpusInputs(root: root, layout: layout)
    print(MachineInfo.current.markdown)
    print(inputs.describe(), terminator: "")
    print("- runs per phase: \(runs) (after \(warmup) warm-up run(s)); presetctl: \(tool)\n")

    let bench = { (name: String) in Benchmark(name: name, runs: runs, warmupRuns: warmup) }
    log("floor: libyaml event loop")
    var events = 0
    let floor = bench("libyaml").measure {
      events = 0
      for file in inputs.yaml { events += LibYAMLFloor.eventCount(file.bytes) ?? 0 }
    }
    log("floor: read + SHA-256")
    var digestBytes = 0
    let readHash = bench("read+hash").measure {
      digestBytes = 0
      for path in inputs.allPaths {
        guard let bytes = try? FileReader.read(path, limit: 1 << 30) else { continue }
        digestBytes += bytes.count
        _ = SHA256.hexDigest(bytes)
      }
    }
    log("YAMLLoader.load")
    var documents = 0
    let load = bench("load").measure {
      documents = 0
      for file in inputs.yaml {
        documents += (try? YAMLLoader.load(file.bytes, file: file.relativePath))?.count ?? 0
      }
    }

    log("RepositoryLayout.presetFiles")
    var listed = 0
    let listing = bench("list").measure {
      listed = (try? layout.presetFiles(under: presetsPath))?.count ?? 0
    }
    guard listed == inputs.yaml.count else { throw BenchError.failed("listed \(listed) files") }

    var options = Compiler.Options()
    options.parallelism = 1
    let compiler = Compiler(options: options)
    log("Compiler.compile, 1 thread")
    var compiled = compiler.compile(paths: [presetsPath], layout: layout)
    guard !compiled.hasErrors, compiled.presets.count == count else {
      let first =
        compiled.diagnostics.first.map { "\($0.location.map { "\($0.file):\($0.line)" } ?? ""): \($0.message)" } ?? ""
      throw BenchError.failed("the corpus does not compile: \(compiled.presets.count) presets; \(first)")
    }
    let compile = bench("compile").measure { compiled = compiler.compile(paths: [presetsPath], layout: layout) }
    let presets = compiled.presets

    log("schema validation")
    let validators = compiler.validators
    var violations = 0
    let validation = bench("validate").measure {
      violations = 0
      for preset in presets {
        violations += validators.validator(for: preset.skin).validate(.object(preset.body)).count
      }
    }

    log("normalise + hash")
    var mismatches = 0
    let normalise = bench("normalise").measure {
      mismatches = 0
      for preset in presets {
        let model = NormalisationRules.model(config: preset.body, systemPrompt: preset.model.systemPrompt)
        if model.version != preset.version { mismatches += 1 }
      }
    }
    guard mismatches == 0 else { throw BenchError.failed("\(mismatches) presets re-normalised to another version") }

    log("bundle write")
    let scratch = NSTemporaryDirectory() + "/presetctl-bench-out-\(getpid())"
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    var bundleBytes = 0
    var writeFailure: String?
    let bundle = bench("bundle").measure {
      let bytes = PresetBundle(presets: presets).fileBytes
      bundleBytes = bytes.count
      do throws(AtomicFile.WriteError) {
        try AtomicFile.write(bytes, to: scratch + "/inprocess.bundle.json")
      } catch {
        writeFailure = error.description
      }
    }
    if let writeFailure { throw BenchError.failed(writeFailure) }

    log("bundle spooled write (the build path)")
    let encoded = bench("spooled").measure {
      do throws(PresetBundle.SpoolError) {
        _ = try PresetBundle.write(presets, to: scratch + "/spooled.bundle.json", parallelism: 1)
      } catch {
        writeFailure = error.description
      }
    }
    if let writeFailure { throw BenchError.failed(writeFailure) }

    log("bundle digest")
    var digest = ""
    let digestResult = bench("digest").measure { digest = PresetBundle(presets: presets).digest }

    log("presetctl --version (child process)")
    let startRuns = try childRuns(ChildProcess(path: tool, arguments: ["--version"]))
    log("presetctl validate (child process)")
    let validateRuns = try childRuns(ChildProcess(path: tool, arguments: ["validate", presetsPath]))
    log("presetctl build (child process)")
    let buildRuns = try childRuns(
      ChildProcess(path: tool, arguments: ["build", presetsPath, "--output", scratch + "/presets.bundle.json"]))

    var pythonRuns: (validate: ChildProcess.Run, build: ChildProcess.Run)?
    var pythonSkip = python ? PythonPipeline.unavailableReason() : "--no-python given"
    if pythonSkip == nil {
      log("Python pipeline (child process, 1 run each)")
      let schemas = root.appendingPathComponent("schemas").path
      let schemaFolder = FileManager.default.fileExists(atPath: schemas) ? schemas : Self.repositorySchemas()
      do {
        let validate = try PythonPipeline.command(
          mode: "validate", presets: presetsPath, schemas: schemaFolder, output: "-", folder: scratch
        ).measured()
        let build = try PythonPipeline.command(
          mode: "build", presets: presetsPath, schemas: schemaFolder, output: scratch + "/python.bundle.json",
          folder: scratch
        ).measured()
        if validate.status == 0 && build.status == 0 {
          pythonRuns = (validate, build)
        } else {
          pythonSkip = "the Python pipeline failed: \((validate.status == 0 ? build : validate).stderr.suffix(500))"
        }
      } catch {
        pythonSkip = "the Python pipeline could not run: \(error)"
      }
    }

    var table = PhaseTable(presets: count, floor: floor.median)
    table.rows = [
      .init(name: "floor: libyaml event loop (in memory)", result: floor),
      .init(name: "floor: read + SHA-256 all files", result: readHash),
      .init(name: "YAMLLoader.load (load + resolve)", result: load),
      .init(name: "schema validation (bodies)", result: validation),
      .init(name: "normalise + hash (model + version)", result: normalise),
      .init(name: "bundle: fileBytes + AtomicFile.write", result: bundle),
      .init(name: "bundle: spooled write, parallelism 1 (the build path)", result: encoded),
      .init(name: "bundle digest alone (canonical JSON + SHA-256)", result: digestResult),
      .init(name: "RepositoryLayout.presetFiles (list + sort)", result: listing),
      .init(name: "Compiler.compile in-process, 1 thread", result: compile),
      .init(
        name: "`presetctl --version` (child: start-up floor)",
        result: Benchmark.Result(durations: startRuns.map(\.wall)),
        maxRSSKiB: startRuns.map(\.maxRSSKiB).medianMinMax, cpu: startRuns.map(\.cpu).median),
      .init(
        name: "`presetctl validate` (child)", result: Benchmark.Result(durations: validateRuns.map(\.wall)),
        maxRSSKiB: validateRuns.map(\.maxRSSKiB).medianMinMax, cpu: validateRuns.map(\.cpu).median),
      .init(
        name: "`presetctl build` (child)", result: Benchmark.Result(durations: buildRuns.map(\.wall)),
        maxRSSKiB: buildRuns.map(\.maxRSSKiB).medianMinMax, cpu: buildRuns.map(\.cpu).median),
    ]
    if let pythonRuns {
      for (name, run) in [("validate", pythonRuns.validate), ("build", pythonRuns.build)] {
        table.rows.append(
          .init(
            name: "Python pipeline, \(name) (child, 1 run)", result: Benchmark.Result(durations: [run.wall]),
            maxRSSKiB: [run.maxRSSKiB].medianMinMax, cpu: run.cpu))
      }
    }
    print(table.markdown)
    print(
      """
      - libyaml events: \(events); documents loaded: \(documents); bytes read and hashed: \(digestBytes)
      - schema violations: \(violations) (expected 0); bundle: \(bundleBytes) bytes, digest \(digest.prefix(19))
      - load average (1, 5, 15 min) at the end: \(MachineInfo.loadAverage)

      """)
    let goals = GoalRows(
      presets: count, floor: floor.median.seconds,
      build: (Benchmark.Result(durations: buildRuns.map(\.wall)).median.seconds, buildRuns.map(\.cpu).median),
      validate: (Benchmark.Result(durations: validateRuns.map(\.wall)).median.seconds, validateRuns.map(\.cpu).median),
      buildRSSKiB: buildRuns.map(\.maxRSSKiB).medianMinMax.median,
      validateRSSKiB: validateRuns.map(\.maxRSSKiB).medianMinMax.median,
      python: pythonRuns.map { (validate: $0.validate.wall.seconds, build: $0.build.wall.seconds) },
      pythonSkip: pythonSkip)
    print(goals.markdown)
  }

  /// `schemas/` of the repository this benchmark was built from (the corpus has no schemas of its own).
  static func repositorySchemas() -> String {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    for _ in 0..<6 {
      let candidate = folder.appendingPathComponent("schemas/chat-completions.schema.json").path
      if FileManager.default.fileExists(atPath: candidate) { return folder.appendingPathComponent("schemas").path }
      folder.deleteLastPathComponent()
    }
    return FileManager.default.currentDirectoryPath + "/schemas"
  }

  /// One warm-up run, then `runs` timed runs; any non-zero exit fails the benchmark.
  func childRuns(_ child: ChildProcess) throws(BenchError) -> [ChildProcess.Run] {
    var results: [ChildProcess.Run] = []
    for i in 0..<(warmup + runs) {
      let run = try child.measured()
      guard run.status == 0 else {
        throw BenchError.failed(
          "\(child.path) \(child.arguments.joined(separator: " ")) exited \(run.status):\n\(run.stderr.prefix(2000))")
      }
      if i >= warmup { results.append(run) }
    }
    return results
  }

  /// `presetctl` in the folder of this executable (both are products of one `swift build`).
  static func siblingPresetctl() -> String {
    let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    return me.deletingLastPathComponent().appendingPathComponent("presetctl").path
  }
}
