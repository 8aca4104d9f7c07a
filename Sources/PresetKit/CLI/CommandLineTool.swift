/// The `presetctl` command line: parses the command name and hands over to one command.
///
/// Exit codes follow `terraform plan -detailed-exitcode`: 0 success or no changes, 1 error, 2 changes or drift.
package enum CommandLineTool {
  /// Success, no changes.
  package static let exitOK: Int32 = 0
  /// Any error.
  package static let exitError: Int32 = 1
  /// Changes or drift present (with the commands that report them).
  package static let exitChanges: Int32 = 2

  /// Everything a command needs from the outside world.
  package struct Context: Sendable {
    /// Process environment.
    package var environment: [String: String]
    /// Output streams.
    package var console: Console
    /// Who answers `apply`'s question; nobody unless given (the executable passes the terminal's).
    package var confirmation: Confirmation

    /// Creates a context.
    package init(
      environment: [String: String], console: Console, confirmation: Confirmation = .unavailable
    ) {
      self.environment = environment
      self.console = console
      self.confirmation = confirmation
    }
  }

  /// One subcommand.
  struct Command: Sendable {
    var parser: ArgumentParser
    var run: @Sendable (ArgumentParser.Parsed, Context) -> Int32
  }

  static var commands: [(name: String, command: Command)] {
    [
      ("init", InitCommand.command),
      ("validate", ValidateCommand.command),
      ("build", BuildCommand.command),
      ("plan", PlanCommand.command),
      ("apply", ApplyCommand.command),
      ("drift", DriftCommand.command),
      ("ls", LsCommand.command),
      ("show", ShowCommand.command),
      ("explain", ExplainCommand.command),
      ("import", ImportCommand.command),
      ("rollback", RollbackCommand.command),
      ("promote", PromoteCommand.command),
      ("diff", DiffCommand.command),
      ("version", versionCommand),
    ]
  }

  static let versionCommand = Command(
    parser: ArgumentParser(commandName: "presetctl version", abstract: "Print the version."),
    run: { _, context in
      context.console.write("presetctl \(PresetKit.version)\n")
      return exitOK
    })

  /// The top-level help text.
  static var help: String {
    var out = """
      presetctl \(PresetKit.version): a declarative GitOps compiler for OpenRouter presets.

      usage: presetctl <command> [options] [arguments]

      commands:

      """
    let width = (commands.map(\.name.count).max() ?? 0) + 2
    for (name, command) in commands {
      out += "  \(name)" + String(repeating: " ", count: width - name.count) + command.parser.abstract + "\n"
    }
    out += "\nRun 'presetctl <command> --help' for a command's options. 'presetctl --version' prints the version.\n"
    return out
  }

  /// Runs the tool with arguments (without the program name) and returns the exit code.
  package static func run(_ arguments: [String], context original: Context) -> Int32 {
    // Every write is scrubbed of the API key (from the environment now, from --api-key-file once parsed).
    var context = original
    context.console = original.console.scrubbing(
      try? APIKey.fromEnvironmentOrFile(path: nil, environment: original.environment))
    guard let first = arguments.first else {
      context.console.error(help)
      return exitError
    }
    switch first {
    case "--version", "-V":
      context.console.write("presetctl \(PresetKit.version)\n")
      return exitOK
    case "--help", "-h", "help":
      context.console.write(help)
      return exitOK
    default: break
    }
    guard let command = commands.first(where: { $0.name == first })?.command else {
      let hint = DidYouMean.suggestion(for: first, among: commands.map(\.name)).map { " (did you mean '\($0)'?)" } ?? ""
      context.console.error(
        "error: unknown command '\(first)'\(hint)\nRun 'presetctl --help' for the list of commands.\n")
      return exitError
    }
    let parsed: ArgumentParser.Parsed
    do {
      parsed = try command.parser.parse(Array(arguments.dropFirst()))
    } catch {
      var message = "error: \(error.message)\n"
      if let hint = error.hint { message += "hint: \(hint)\n" }
      context.console.error(message + command.parser.usage + "\n")
      return exitError
    }
    if let file = parsed.value("api-key-file") {
      context.console = context.console.scrubbing(
        try? APIKey.fromEnvironmentOrFile(path: file, environment: original.environment))
    }
    if parsed.flag("help") {
      context.console.write(command.parser.help)
      return exitOK
    }
    return command.run(parsed, context)
  }

  /// Reads `--format`, accepting only the given formats; nil (after reporting) when invalid.
  static func format(
    _ parsed: ArgumentParser.Parsed, allowed: [OutputFormat], context: Context
  ) -> OutputFormat? {
    guard let text = parsed.value("format") else { return .text }
    guard let format = OutputFormat(rawValue: text), allowed.contains(format) else {
      context.console.error(
        "error: unknown format '\(text)' (expected one of: \(allowed.map(\.rawValue).joined(separator: ", ")))\n")
      return nil
    }
    return format
  }
}
