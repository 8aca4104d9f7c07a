import PresetCore

/// A small argument parser: long options (`--out FILE`, `--out=FILE`), flags, `-h`, positionals and `--`.
///
/// Own code rather than swift-argument-parser because the project takes no package dependencies; it keeps
/// that library's habits: `--help` on every command, unknown options rejected with a suggestion.
package struct ArgumentParser: Sendable {
  /// One option or flag.
  package struct Option: Sendable {
    /// Long name without dashes (`out`).
    var name: String
    /// Placeholder for the value (`FILE`); nil for a flag.
    var valueName: String?
    /// One line of help.
    var help: String
    /// May be given several times.
    var repeatable: Bool

    /// Creates an option that takes a value.
    package static func value(_ name: String, _ valueName: String, _ help: String, repeatable: Bool = false) -> Option {
      Option(name: name, valueName: valueName, help: help, repeatable: repeatable)
    }

    /// Creates a flag.
    package static func flag(_ name: String, _ help: String) -> Option {
      Option(name: name, valueName: nil, help: help, repeatable: false)
    }
  }

  /// A parse failure, shown with the command's usage line.
  package struct Failure: Error, Sendable, Equatable {
    /// What is wrong.
    var message: String
    /// A suggestion, if any.
    var hint: String?
    /// The stable code: `cli.unknown-option` or `cli.usage`.
    var code = "cli.usage"
  }

  /// What was parsed.
  package struct Parsed: Sendable {
    /// Option values by name, in order given.
    var values: [String: [String]] = [:]
    /// Flags given.
    var flags: Set<String> = []
    /// Positional arguments.
    var positionals: [String] = []

    /// The last value of an option.
    package func value(_ name: String) -> String? { values[name]?.last }

    /// True when a flag was given.
    package func flag(_ name: String) -> Bool { flags.contains(name) }
  }

  /// The command path shown in usage (`presetctl build`).
  package var commandName: String
  /// One-line description.
  package var abstract: String
  /// Positional arguments as shown in usage (`[PATH]`).
  package var positionalUsage: String
  /// The most positionals accepted (nil: unlimited).
  package var maxPositionals: Int?
  /// Accepted options; `help` is always added.
  package var options: [Option]
  /// Extra paragraphs for `--help`.
  package var discussion: String

  /// Creates a parser.
  package init(
    commandName: String, abstract: String, positionalUsage: String = "", maxPositionals: Int? = 0,
    options: [Option] = [], discussion: String = ""
  ) {
    self.commandName = commandName
    self.abstract = abstract
    self.positionalUsage = positionalUsage
    self.maxPositionals = maxPositionals
    self.options = options + [.flag("help", "Show this help.")]
    self.discussion = discussion
  }

  /// Parses arguments (without the program and command names).
  package func parse(_ arguments: [String]) throws(Failure) -> Parsed {
    var parsed = Parsed()
    var i = 0
    var onlyPositionals = false
    while i < arguments.count {
      let argument = arguments[i]
      i += 1
      if onlyPositionals || !argument.hasPrefix("-") || argument == "-" {
        parsed.positionals.append(argument)
        continue
      }
      if argument == "--" {
        onlyPositionals = true
        continue
      }
      if argument == "-h" {
        parsed.flags.insert("help")
        continue
      }
      guard argument.hasPrefix("--") else { throw shortOptionFailure(argument) }
      var name = String(argument.dropFirst(2))
      var inlineValue: String?
      if let equals = name.firstIndex(of: "=") {
        inlineValue = String(name[name.index(after: equals)...])
        name = String(name[..<equals])
      }
      guard let option = options.first(where: { $0.name == name }) else {
        let hint = DidYouMean.suggestion(for: name, among: options.map(\.name)).map { "did you mean '--\($0)'?" }
        throw Failure(
          message: "unknown option '--\(name)'", hint: hint ?? "see '\(commandName) --help'", code: "cli.unknown-option"
        )
      }
      if option.valueName == nil {
        guard inlineValue == nil else {
          throw Failure(message: "option '--\(name)' takes no value", hint: "write '--\(name)' alone")
        }
        parsed.flags.insert(name)
        continue
      }
      let value: String
      if let inlineValue {
        value = inlineValue
      } else {
        guard i < arguments.count else {
          let placeholder = option.valueName ?? "VALUE"
          throw Failure(
            message: "option '--\(name)' needs a value (\(placeholder))",
            hint: "write '--\(name) \(placeholder)' or '--\(name)=\(placeholder)'")
        }
        value = arguments[i]
        i += 1
      }
      if !option.repeatable, parsed.values[name] != nil {
        throw Failure(
          message: "option '--\(name)' given more than once", hint: "give it once; only repeatable options take several"
        )
      }
      parsed.values[name, default: []].append(value)
    }
    if parsed.flag("help") { return parsed }
    if let max = maxPositionals, parsed.positionals.count > max {
      let extra = parsed.positionals[max]
      throw Failure(
        message: max == 0 ? "unexpected argument '\(extra)'" : "too many arguments (unexpected '\(extra)')",
        hint: "see '\(commandName) --help'")
    }
    return parsed
  }

  /// `-o` and the like: presetctl has no one-letter options (but `-h`); the hint lists the long options that
  /// start with the letters given, else points at `--help`.
  func shortOptionFailure(_ argument: String) -> Failure {
    let letters = String(argument.drop { $0 == "-" }.prefix { $0 != "=" })
    let close = letters.isEmpty ? [] : options.map(\.name).filter { $0.hasPrefix(letters) }
    let hint =
      close.isEmpty
      ? "\(commandName) has no option like that; see '\(commandName) --help'"
      : "did you mean " + close.map { "'--\($0)'" }.joined(separator: " or ") + "? options are long names"
    return Failure(message: "unknown option '\(argument)'", hint: hint, code: "cli.unknown-option")
  }

  /// The usage line.
  package var usage: String {
    "usage: \(commandName)" + (options.count > 1 ? " [options]" : "")
      + (positionalUsage.isEmpty ? "" : " \(positionalUsage)")
  }

  /// The full `--help` text.
  package var help: String {
    var out = "\(abstract)\n\n\(usage)\n"
    if !discussion.isEmpty { out += "\n\(discussion)\n" }
    out += "\noptions:\n"
    let labels = options.map { "--\($0.name)" + ($0.valueName.map { " \($0)" } ?? "") }
    let width = (labels.map(\.count).max() ?? 0) + 2
    for (label, option) in zip(labels, options) {
      out += "  " + label + String(repeating: " ", count: width - label.count) + option.help + "\n"
    }
    return out
  }
}
