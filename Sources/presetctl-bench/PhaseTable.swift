/// The results table printed by `build`: one row per phase, times as median/min/max, per-preset cost, and the
/// ratio of the median to the floor (libyaml's bare parse of the same files).
struct PhaseTable {
  /// One measured phase.
  struct Row {
    /// What was measured.
    var name: String
    /// The timings.
    var result: Benchmark.Result
    /// Peak RSS in KiB, median over runs (child processes only).
    var maxRSSKiB: (median: Int, min: Int, max: Int)? = nil
    /// Median CPU seconds (user + system) per run (child processes only).
    var cpu: Double? = nil
  }

  /// Presets in the corpus (for the per-preset column).
  var presets: Int
  /// The floor's median, the denominator of the ratio column.
  var floor: Duration
  /// The rows in print order.
  var rows: [Row] = []
  /// What the ratio column divides by.
  var ratioHeader = "× libyaml parse"

  /// A Markdown table.
  var markdown: String {
    var lines = [
      "| phase | median s | min s | max s | µs/preset | \(ratioHeader) | peak RSS MiB (min–max) | CPU s |",
      "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows {
      let r = row.result
      let perPreset = r.median.seconds * 1e6 / Double(max(presets, 1))
      let ratio = floor > .zero ? r.median.seconds / floor.seconds : 0
      let rss =
        row.maxRSSKiB.map {
          "\(format(Double($0.median) / 1024)) (\(format(Double($0.min) / 1024))–\(format(Double($0.max) / 1024)))"
        }
        ?? ""
      lines.append(
        "| \(row.name) | \(seconds(r.median)) | \(seconds(r.min)) | \(seconds(r.max)) | \(format(perPreset)) | "
          + "\(format(ratio)) | \(rss) | \(row.cpu.map(format) ?? "") |")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Seconds with three decimals (milliseconds resolution is enough for phases of 10+ ms).
  private func seconds(_ d: Duration) -> String { formatSeconds(d.seconds) }
}

extension Array where Element == Int {
  /// Median, minimum and maximum of a non-empty list.
  var medianMinMax: (median: Int, min: Int, max: Int) {
    let sorted = self.sorted()
    guard let first = sorted.first, let last = sorted.last else { return (0, 0, 0) }
    return (sorted[sorted.count / 2], first, last)
  }
}

extension Array where Element == Double {
  /// The middle value (upper middle for an even count); 0 when empty.
  var median: Double {
    let sorted = self.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
  }
}
