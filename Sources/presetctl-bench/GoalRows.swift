/// The issue 17 goal rows of `build`: wall time against libyaml's bare parse, CPU seconds, speed against the
/// Python pipeline, and peak RSS, each beside its target.
struct GoalRows {
  var presets: Int
  /// The libyaml floor's median wall seconds.
  var floor: Double
  /// `presetctl build` median wall and CPU seconds.
  var build: (wall: Double, cpu: Double)
  /// `presetctl validate` median wall and CPU seconds.
  var validate: (wall: Double, cpu: Double)
  var buildRSSKiB: Int
  var validateRSSKiB: Int
  /// The Python pipeline's wall seconds, when it ran.
  var python: (validate: Double, build: Double)?
  /// Why the Python rows are missing.
  var pythonSkip: String?

  var markdown: String {
    func ratio(_ x: Double, _ y: Double) -> String { format(x / max(y, 1e-9)) + "×" }
    func mark(_ ok: Bool) -> String { ok ? "yes" : "**no**" }
    let rssTarget = presets <= 10_000 ? 64.0 : 96.0
    let buildRSS = Double(buildRSSKiB) / 1024
    let validateRSS = Double(validateRSSKiB) / 1024
    var lines = [
      "| goal (issue 17, \(presets) presets) | measured | target | met |",
      "|---|---:|---:|---|",
      "| `build` wall ÷ libyaml floor | \(ratio(build.wall, floor)) (\(formatSeconds(build.wall)) s; "
        + "\(format(build.cpu)) CPU-s) | ≤ 3.0× | \(mark(build.wall / floor <= 3.0)) |",
      "| `validate` wall ÷ libyaml floor | \(ratio(validate.wall, floor)) (\(formatSeconds(validate.wall)) s; "
        + "\(format(validate.cpu)) CPU-s) | ≤ 2.0× | \(mark(validate.wall / floor <= 2.0)) |",
    ]
    if let python {
      lines.append(
        "| Python pipeline ÷ `build` (wall) | \(ratio(python.build, build.wall)) (\(formatSeconds(python.build)) s) "
          + "| ≥ 10× | \(mark(python.build / build.wall >= 10)) |")
      lines.append(
        "| Python pipeline ÷ `validate` (wall) | \(ratio(python.validate, validate.wall)) "
          + "(\(formatSeconds(python.validate)) s) | ≥ 10× | \(mark(python.validate / validate.wall >= 10)) |")
    } else {
      lines.append("| Python pipeline | skipped: \(pythonSkip ?? "not run") | ≥ 10× | — |")
    }
    lines.append(
      "| `build` peak RSS | \(format(buildRSS)) MiB | ≤ \(Int(rssTarget)) MiB | \(mark(buildRSS <= rssTarget)) |")
    lines.append(
      "| `validate` peak RSS | \(format(validateRSS)) MiB | ≤ \(Int(rssTarget)) MiB | "
        + "\(mark(validateRSS <= rssTarget)) |")
    return lines.joined(separator: "\n") + "\n"
  }
}
