/// Times a piece of work several times and summarises the runs.
///
/// The median is the figure to quote: on a shared 2-core machine single runs swing with other load, and the
/// median ignores one slow outlier where the mean would not.
struct Benchmark {
  /// The summary of a measurement.
  struct Result {
    /// Each run's wall time, in run order.
    var durations: [Duration]

    /// The middle run (the mean of the two middle runs for an even count).
    var median: Duration {
      let sorted = durations.sorted()
      guard !sorted.isEmpty else { return .zero }
      let mid = sorted.count / 2
      return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }

    /// The fastest run.
    var min: Duration { durations.min() ?? .zero }

    /// The slowest run.
    var max: Duration { durations.max() ?? .zero }
  }

  /// What is measured, printed with the results.
  var name: String
  /// How many timed runs.
  var runs: Int
  /// Untimed runs done first, to fault in memory and warm caches.
  var warmupRuns = 1

  /// Runs `work` `warmupRuns + runs` times and returns the timings of the last `runs`.
  func measure(_ work: () -> Void) -> Result {
    let clock = ContinuousClock()
    for _ in 0..<warmupRuns { work() }
    var durations: [Duration] = []
    for _ in 0..<runs {
      durations.append(clock.measure(work))
    }
    return Result(durations: durations)
  }
}

extension Duration {
  /// The duration in seconds as a Double.
  var seconds: Double {
    let (whole, attoseconds) = components
    return Double(whole) + Double(attoseconds) / 1e18
  }
}

extension Benchmark.Result {
  /// Throughput lines for `byteCount` bytes processed per run: median, min and max in MB/s (1 MB = 2^20 bytes).
  ///
  /// The fastest run gives the highest rate, so `max` MB/s comes from `min` time and vice versa.
  func throughputReport(name: String, byteCount: Int) -> String {
    let megabytes = Double(byteCount) / 1_048_576
    func rate(_ d: Duration) -> String { format(megabytes / Swift.max(d.seconds, 1e-9)) }
    return """
      \(name): \(durations.count) runs of \(format(megabytes)) MB
        median \(rate(median)) MB/s (\(format(median.seconds)) s)
        min    \(rate(max)) MB/s (\(format(max.seconds)) s)
        max    \(rate(min)) MB/s (\(format(min.seconds)) s)
      """
  }
}

/// A number with two decimals, without Foundation's locale-dependent formatting.
func format(_ value: Double) -> String {
  let scaled = (value * 100).rounded()
  guard scaled.isFinite, abs(scaled) < 1e15 else { return "\(value)" }
  let hundredths = Int(scaled)
  let sign = hundredths < 0 ? "-" : ""
  let magnitude = abs(hundredths)
  let fraction = magnitude % 100
  return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
}

/// Seconds with three decimals.
func formatSeconds(_ seconds: Double) -> String {
  let ms = (seconds * 1000).rounded()
  let whole = Int(ms) / 1000
  let fraction = Int(ms) % 1000
  return "\(whole)." + String(repeating: "0", count: fraction < 10 ? 2 : fraction < 100 ? 1 : 0) + "\(fraction)"
}
