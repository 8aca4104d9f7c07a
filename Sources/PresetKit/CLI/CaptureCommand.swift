import Foundation
import PresetCore
import PresetModel
import PresetReconcile
import PresetRender
import PresetSchema

/// `presetctl capture BODY.json|- --slug SLUG`: turn the body used for inference into a preset file.
enum CaptureCommand {
  static let command = CommandLineTool.Command(
    parser: ArgumentParser(
      commandName: "presetctl capture", abstract: "Write a preset file from an inference request body.",
      positionalUsage: "BODY.json|-", maxPositionals: 1,
      options: [
        .value("slug", "SLUG", "The preset's slug (required; also the file name)."),
        .value("skin", "SKIN", "chat, messages or responses (default: inferred from the body's shape)."),
        .value("into", "DIR", "Folder to write <slug>.yaml into (default presets)."),
        .flag("prompt-file", "Write the system prompt to <slug>.md beside the YAML file."),
        .flag("force", "Overwrite existing files."),
      ],
      discussion: """
        BODY is the JSON body you sent to /chat/completions, /messages or /responses ('-' reads stdin). The file
        compiles to exactly the version POSTing BODY to the preset endpoint would store: user/assistant turns,
        input, prompt and stream are dropped (one note says how many turns), the system prompt becomes a block
        scalar or, with --prompt-file, a Markdown file. A body that fits several skins needs --skin.
        """),
    run: run)

  /// The largest body read, in bytes.
  static let maxBodyBytes = 16 * 1024 * 1024

  static func run(_ parsed: ArgumentParser.Parsed, _ context: CommandLineTool.Context) throws(CommandFailure) -> Int32 {
    func fail(_ diagnostic: Diagnostic) -> CommandFailure { CommandFailure([diagnostic]) }
    guard let source = parsed.positionals.first else {
      throw fail(.error("capture.usage", "name the body file (or - for stdin)"))
    }
    guard let slug = parsed.value("slug") else { throw fail(.error("capture.usage", "--slug SLUG is required")) }
    guard SlugRule.isValid(slug) else {
      throw fail(
        .error(
          "capture.slug", "`\(SafeText.terminal(slug))` is not a valid slug",
          hint: "\(SlugRule.wording), at most \(SlugRule.maxLength) characters"))
    }
    var skin: Skin?
    if let text = parsed.value("skin") {
      guard let value = Skin(rawValue: text) else {
        throw fail(.error("capture.usage", "unknown skin `\(SafeText.terminal(text))` (chat, messages or responses)"))
      }
      skin = value
    }
    let body: JSONObject
    switch readBody(source) {
    case .success(let object): body = object
    case .failure(let error): throw fail(error.diagnostics[0])
    }
    let captured: Capture.Result
    switch Capture.capture(body, skin: skin, validators: SkinValidators.embedded) {
    case .success(let result): captured = result
    case .failure(let error): throw fail(error.diagnostics[0])
    }
    let output = CaptureFileText.output(for: captured, slug: slug, promptFile: parsed.flag("prompt-file"))
    if let secret = try? APIKey.fromEnvironmentOrFile(path: nil, environment: context.environment).secret,
      let scrubber = Console.Scrubber(secret: secret),
      scrubber.scrub(output.yaml) != output.yaml
        || output.promptFile.map({ scrubber.scrub($0.text) != $0.text }) == true
    {
      throw fail(
        .error(
          "capture.contains-key", "the body contains the API key (or a long piece of it); nothing was written",
          hint: "remove it from the body, and rotate the key"))
    }
    if let problems = CaptureCheck.verify(output, slug: slug, expected: captured.model.version) {
      throw CommandFailure(problems)
    }
    return try write(output, slug: slug, captured: captured, parsed, context)
  }

  private static func write(
    _ output: CaptureFileText.Output, slug: String, captured: Capture.Result,
    _ parsed: ArgumentParser.Parsed, _ context: CommandLineTool.Context
  ) throws(CommandFailure) -> Int32 {
    let into = parsed.value("into") ?? "presets"
    do throws(AtomicFile.WriteError) {
      let yaml = try OutputTarget.entry(named: slug + ".yaml", in: into)
      let prompt = try output.promptFile.map { file throws(AtomicFile.WriteError) in
        (try OutputTarget.entry(named: file.name, in: into), file.text)
      }
      for target in [yaml] + (prompt.map { [$0.0] } ?? []) where target.exists && !parsed.flag("force") {
        throw AtomicFile.WriteError(
          path: target.requested, reason: "it exists (use --force to overwrite)", code: "output.exists")
      }
      if let (target, text) = prompt { try AtomicFile.write(text, to: target) }
      try AtomicFile.write(output.yaml, to: yaml)
      let renderer = DiagnosticRenderer(style: context.console.errStyle)
      for note in captured.notes { context.console.error(renderer.text(note)) }
      context.console.write(
        SafeText.terminal(
          "captured \(slug) → \(yaml.requested)" + (prompt.map { " + \($0.0.requested)" } ?? "")
            + " (\(captured.skin.rawValue), \(captured.model.version.short))") + "\n")
      return CommandLineTool.exitOK
    } catch {
      throw CommandFailure(error)
    }
  }

  /// The body as a JSON object, from a file or stdin, within `maxBodyBytes`.
  static func readBody(_ source: String) -> Result<JSONObject, DiagnosticError> {
    let bytes: [UInt8]
    if source == "-" {
      var data: [UInt8] = []
      while let chunk = try? FileHandle.standardInput.read(upToCount: 65_536), !chunk.isEmpty {
        data += chunk
        guard data.count <= maxBodyBytes else {
          return .failure(DiagnosticError(.error("input.too-large", "stdin holds more than \(maxBodyBytes) bytes")))
        }
      }
      bytes = data
    } else {
      do {
        bytes = try FileReader.read(source, limit: maxBodyBytes)
      } catch {
        return .failure(DiagnosticError(.error(error.code, SafeText.terminal(error.message(for: source)))))
      }
    }
    let shown = source == "-" ? "stdin" : SafeText.terminal(source)
    do {
      guard case .object(let object) = try JSONParser.parse(bytes) else {
        return .failure(DiagnosticError(.error("capture.body", "\(shown) does not hold a JSON object")))
      }
      return .success(object)
    } catch {
      return .failure(
        DiagnosticError(.error("capture.body", "\(shown) is not valid JSON (\(SafeText.terminal(error.description)))")))
    }
  }
}
