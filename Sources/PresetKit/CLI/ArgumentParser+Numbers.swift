extension ArgumentParser.Parsed {
  /// An option's number within `range`; nil when not given.
  func number(
    _ name: String, range: ClosedRange<Double>, whole: Bool, bounds: String? = nil
  ) throws(CommandFailure) -> Double? {
    guard let text = value(name) else { return nil }
    let value = whole ? Int(text).map(Double.init) : Double(text)
    guard let value, range.contains(value), value.isFinite else {
      let kind = whole ? "a whole number" : "a number of seconds"
      let bounds = bounds ?? "from \(Int(range.lowerBound)) to \(Int(range.upperBound))"
      throw CommandFailure.usage(
        "--\(name) must be \(kind) \(bounds), got '\(text)'", hint: "pass a value of --\(name) \(bounds)")
    }
    return value
  }
}
