import PresetCore
import PresetReconcile
import PresetRender

/// The `presetctl` command line: parses the command name and hands over to one command.
///
/// Exit codes follow `terraform plan -detailed-exitcode`: 0 success or no changes, 1 error, 2 changes or drift.
public enum CommandLineTool {
  /// Success, no changes.
  package static let exitOK: Int32 = 0
  /// Any error.
  package static let exitError: Int32 = 1
  /// Changes or drift present (with the commands that report them).
  package static let exitChanges: Int32 = 2

  /// Everything a command needs from the outside world.
  package struct Context: Sendable {
    /// Process environment.
    var environment: [String: String]
    /// Output streams.
    var console: Console
    /// The format errors are reported in: the command's `--format` once read (text until then).
    var format: OutputFormat = .text
    /// Who answers `apply`'s question; nobody unless given (the executable passes the terminal's).
    var confirmation: Confirmation

    /// Creates a context.
    package init(
      environment: [String: String], console: Console, confirmation: Confirmation = .unavailable
    ) {
      self.environment = environment
      self.console = console
      self.confirmation = confirmation
    }

    /// Reports diagnostics (an error that does not end the command, say) in the run's format.
    package func report(_ diagnostics: [Diagnostic]) { console.report(diagnostics, format: format) }
  }

  /// One subcommand: it parses nothing itself, and throws its operational errors for `run` to report.
  struct Command: Sendable {
    var parser: ArgumentParser
    var run: @Sendable (ArgumentParser.Parsed, Context) throws(CommandFailure) -> Int32
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
      ("capture", CaptureCommand.command),
      ("try", TryCommand.command),
      ("refs", RefsCommand.command),
      ("rollback", RollbackCommand.command),
      ("promote", PromoteCommand.command),
      ("diff", DiffCommand.command),
      ("catalogue", CatalogueCommand.command),
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
    out += """

      Errors come out in the command's --format: text as error[code]: message and a hint on stderr; json as
      one {"diagnostics": [...]} document on stdout; github as ::error title=code:: annotations.
      Exit status: 0 success or no changes, 1 error, 2 changes or drift (where a command reports them).

      """
    return out
  }

  /// Runs presetctl as the `presetctl` executable does: `arguments` without the program name, the process
  /// environment, standard output and error, and the terminal for `apply`'s question. Returns the exit status (0 ok, 1 error, 2 changes or drift).
  ///
  /// The library's only public symbol: everything else crosses modules with `package` access, because the
  /// library is this tool's internals, not a stable API.
  public static func main(arguments: [String], environment: [String: String]) -> Int32 {
    let context = Context(
      environment: environment, console: .standard(environment: environment), confirmation: .standard)
    return run(arguments, context: context)
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
    // Until the command's options are parsed, the format asked for is read from the raw arguments, so even a bad
    // flag comes out as JSON (or an annotation) when `--format json` (or `github`) was given.
    context.format = requestedFormat(arguments) ?? .text
    guard let command = commands.first(where: { $0.name == first })?.command else {
      let hint = DidYouMean.suggestion(for: first, among: commands.map(\.name)).map { "did you mean '\($0)'? " } ?? ""
      context.report([
        .error(
          "cli.unknown-command", "unknown command '\(first)'",
          hint: hint + "run 'presetctl --help' for the list of commands")
      ])
      return exitError
    }
    let parsed: ArgumentParser.Parsed
    do {
      parsed = try command.parser.parse(Array(arguments.dropFirst()))
    } catch {
      context.report([
        .error(error.code, error.message, hint: (error.hint.map { $0 + "; " } ?? "") + command.parser.usage)
      ])
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
    do {
      return try command.run(parsed, context)
    } catch {
      // `plan --out -` and `build --output -` give stdout to the plan or bundle: errors then go to stderr.
      let stdoutTaken = ["out", "output"].contains { parsed.value($0).map(OutputTarget.meansStandardOutput) ?? false }
      context.console.report(error, format: context.format, toStandardError: stdoutTaken)
      return exitError
    }
  }

  /// The value of the last `--format` among raw arguments (before `--`), when it names a format.
  static func requestedFormat(_ arguments: [String]) -> OutputFormat? {
    var found: OutputFormat?
    var i = 0
    while i < arguments.count, arguments[i] != "--" {
      if arguments[i] == "--format", i + 1 < arguments.count {
        found = OutputFormat(rawValue: arguments[i + 1]) ?? found
        i += 1
      } else if arguments[i].hasPrefix("--format=") {
        found = OutputFormat(rawValue: String(arguments[i].dropFirst("--format=".count))) ?? found
      }
      i += 1
    }
    return found
  }

  /// Reads `--format`, accepting only the given formats; throws `cli.format` naming them.
  static func format(_ parsed: ArgumentParser.Parsed, allowed: [OutputFormat]) throws(CommandFailure) -> OutputFormat {
    guard let text = parsed.value("format") else { return .text }
    guard let format = OutputFormat(rawValue: text), allowed.contains(format) else {
      let names = allowed.map(\.rawValue).joined(separator: ", ")
      throw CommandFailure(
        "cli.format", "unknown format '\(text)' for this command", hint: "pass --format with one of: \(names)")
    }
    return format
  }
}
