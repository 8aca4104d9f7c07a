import Foundation

/// `presetctl-bench <subcommand> [options]`: performance measurements for presetctl, run in release mode
/// (`swift run -c release presetctl-bench sha256`). Each subcommand lives in its own file.
let usage = """
  usage: presetctl-bench <subcommand> [options]
  subcommands:
    sha256 [--mb N] [--runs N] [--write PATH]   SHA-256 throughput (default 256 MB, 5 runs)
    corpus --n N --out DIR [--seed S]            write the deterministic preset corpus (DIR/presets, DIR/.git)
    build [--n N] [--corpus DIR] [--runs R] [--warmup W] [--presetctl PATH]
                                                 compile phases vs libyaml's bare parse, presetctl build/validate
    environments [--n N] [--corpus DIR] [--runs R] [--warmup W] [--presetctl PATH]
                                                 validate with 1 vs 3 environments in presetctl.yaml
    catalogue [--n N] [--corpus DIR] [--runs R] [--warmup W] [--presetctl PATH]
                                                 validate without and with a 1,000-model catalogue snapshot
    remote [--n N] [--changed K] [--latency-ms L] [--parallelism P,P] [--runs R]
                                                 plan and apply against the fake OpenRouter with latency
    diff [--mb N] [--edits K] [--runs R]         prompt diff of two N MiB prompts: wall time and peak RSS
    refs [--files N] [--runs R] [--parallelism P] presetctl refs' scan over N generated source files (100,000)
    exec-child PROGRAM [ARGS...]                 (internal) run PROGRAM once, print its wall time and peak RSS
    diff-case KIND [...]                         (internal) one diff case, for `diff`
  """

func runBench(_ arguments: [String]) throws(BenchError) {
  guard let subcommand = arguments.first else { throw BenchError.usage(usage) }
  let rest = Array(arguments.dropFirst())
  switch subcommand {
  case "sha256": try SHA256Bench(arguments: rest).run()
  case "corpus": try CorpusCommand(arguments: rest).run()
  case "build": try BuildBench(arguments: rest).run()
  case "environments": try EnvironmentsBench(arguments: rest).run()
  case "catalogue": try CatalogueBench(arguments: rest).run()
  case "remote": try RemoteBench(arguments: rest).run()
  case "diff": try DiffBench(arguments: rest).run()
  case "refs": try RefsBench(arguments: rest).run()
  case "exec-child": try ExecChild(arguments: rest).run()
  case "diff-case": try DiffCase(arguments: rest).run()
  case "-h", "--help", "help": print(usage)
  default: throw BenchError.usage("unknown subcommand \(subcommand)\n\(usage)")
  }
}

#if DEBUG
  FileHandle.standardError.write(Data("note: debug build; use `swift run -c release presetctl-bench`\n".utf8))
#endif

do {
  try runBench(Array(CommandLine.arguments.dropFirst()))
} catch {
  switch error {
  case .usage(let message):
    FileHandle.standardError.write(Data("\(message)\n".utf8))
    exit(2)
  case .failed(let message):
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    exit(1)
  }
}
