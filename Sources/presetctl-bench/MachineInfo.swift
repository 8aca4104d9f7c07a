import Foundation
import PresetCore
import PresetKit

/// The machine a result was measured on: CPU count and model, from `/proc/cpuinfo`.
struct MachineInfo {
  /// Online processors (`nproc`).
  var processors: Int
  /// The first `model name` in `/proc/cpuinfo`.
  var cpuModel: String

  /// The current machine.
  static var current: MachineInfo {
    let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
    let model =
      cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
      .flatMap { $0.split(separator: ":", maxSplits: 1).last }
      .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown"
    return MachineInfo(processors: ProcessInfo.processInfo.activeProcessorCount, cpuModel: model)
  }

  /// One Markdown line.
  var markdown: String {
    "- machine: \(processors) processors (nproc), CPU \(cpuModel), SHA-256 \(SHA256.Implementation.best); "
      + "load average \(Self.loadAverage)"
  }

  /// The 1, 5 and 15 minute load averages (`/proc/loadavg`): other jobs on a shared machine inflate wall times.
  static var loadAverage: String {
    let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
    return text.split(separator: " ").prefix(3).joined(separator: ", ")
  }
}
