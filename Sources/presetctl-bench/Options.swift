/// A failure that ends the benchmark run.
enum BenchError: Error {
  /// Bad command line: printed with the usage, exit status 2.
  case usage(String)
  /// The benchmark could not run: exit status 1.
  case failed(String)
}

/// Walks `--option value` pairs of one subcommand.
struct OptionReader {
  private var arguments: ArraySlice<String>
  private let usage: String

  init(arguments: [String], usage: String) {
    self.arguments = arguments[...]
    self.usage = usage
  }

  /// The next option name, or nil at the end.
  mutating func next() -> String? { arguments.popFirst() }

  /// The value following `option`.
  mutating func value(for option: String) throws(BenchError) -> String {
    guard let value = arguments.popFirst() else { throw BenchError.usage("\(option) needs a value\n\(usage)") }
    return value
  }

  /// The positive integer following `option`.
  mutating func positiveInt(for option: String) throws(BenchError) -> Int {
    let text = try value(for: option)
    guard let number = Int(text), number > 0 else {
      throw BenchError.usage("\(option) needs a positive integer, got \(text)\n\(usage)")
    }
    return number
  }
}

extension OptionReader {
  /// The integer ≥ 0 following `option`.
  mutating func nonNegativeInt(for option: String) throws(BenchError) -> Int {
    let text = try value(for: option)
    guard let number = Int(text), number >= 0 else {
      throw BenchError.usage("\(option) needs an integer ≥ 0, got \(text)")
    }
    return number
  }

  /// The finite number ≥ 0 following `option`.
  mutating func nonNegativeDouble(for option: String) throws(BenchError) -> Double {
    let text = try value(for: option)
    guard let number = Double(text), number.isFinite, number >= 0 else {
      throw BenchError.usage("\(option) needs a number ≥ 0, got \(text)")
    }
    return number
  }

  /// A comma-separated list of positive integers following `option`.
  mutating func positiveIntList(for option: String) throws(BenchError) -> [Int] {
    let text = try value(for: option)
    let numbers = text.split(separator: ",").compactMap { Int($0) }.filter { $0 > 0 }
    guard !numbers.isEmpty, numbers.count == text.split(separator: ",").count else {
      throw BenchError.usage("\(option) needs positive integers separated by commas, got \(text)")
    }
    return numbers
  }
}
