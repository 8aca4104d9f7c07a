import Foundation
import PresetKit
import PresetReconcile

/// `presetctl-bench refs [--files N] [--runs R]`: `ReferenceScan.scan` over a generated monorepo of N source
/// files (default 100,000) in 1,000 folders, one in 50 with a reference, with a `.gitignore` excluding one
/// folder in ten and one binary file in 100.
struct RefsBench {
  var files = 100_000
  var runs = 3
  var parallelism = ProcessInfo.processInfo.activeProcessorCount

  static let usage = "usage: presetctl-bench refs [--files N] [--runs R] [--parallelism P]"

  init(arguments: [String]) throws(BenchError) {
    var options = OptionReader(arguments: arguments, usage: Self.usage)
    while let option = options.next() {
      switch option {
      case "--files": files = try options.positiveInt(for: option)
      case "--runs": runs = try options.positiveInt(for: option)
      case "--parallelism": parallelism = try options.positiveInt(for: option)
      default: throw BenchError.usage("unknown option \(option)\n\(Self.usage)")
      }
    }
  }

  func run() throws(BenchError) {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("presetctl-refs-bench-\(UUID())").path
    defer { try? FileManager.default.removeItem(atPath: root) }
    var bytes = 0
    do {
      try FileManager.default.createDirectory(atPath: root + "/.git", withIntermediateDirectories: true)
      try Data("vendor-*/\n*.min.js\n".utf8).write(to: URL(fileURLWithPath: root + "/.gitignore"))
      for i in 0..<files {
        let folder = root + (i % 1000 % 10 == 0 ? "/vendor-\(i % 1000)" : "/pkg-\(i % 1000)") + "/src"
        if i < 1000 { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        var text = "import { client } from './client';\n// file \(i)\n"
        for line in 0..<40 { text += "export const value\(line) = compute(\(line), 'some text of a line');\n" }
        if i % 50 == 3 { text += "const r = await client.chat({ model: \"@preset/preset-\(i % 200)\" });\n" }
        var data = Array(text.utf8)
        if i % 100 == 1 { data[10] = 0 }
        bytes += data.count
        try Data(data).write(to: URL(fileURLWithPath: folder + "/file\(i).ts"))
      }
    } catch {
      throw BenchError.failed("cannot write the tree: \(error)")
    }
    var report = ReferenceScan.Report()
    let result = Benchmark(name: "refs", runs: runs).measure {
      report = ReferenceScan.scan(sources: [root], parallelism: parallelism)
    }
    print(
      "refs: \(files) files (\(bytes / 1_048_576) MiB), parallelism \(parallelism): median "
        + "\(formatSeconds(result.median.seconds)), min \(formatSeconds(result.min.seconds)), max "
        + "\(formatSeconds(result.max.seconds))")
    print(
      "  scanned \(report.filesScanned), binary \(report.binarySkipped), ignored \(report.ignoredSkipped), "
        + "references \(report.references.count)")
  }
}
