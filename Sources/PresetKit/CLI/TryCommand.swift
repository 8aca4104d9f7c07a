import Foundation
import PresetCore
import PresetModel
import PresetReconcile
import PresetRender

#if canImport(Glibc)
  import Glibc
#endif

/// `presetctl try SLUG [PATH] (--message TEXT | --input FILE)`: run the local, unpushed preset once.
enum TryCommand {
  static let command = CommandLineTool.Command(
    parser: ArgumentParser(
      commandName: "presetctl try", abstract: "Send the local preset with a user message to the inference API.",
      positionalUsage: "SLUG [PATH]", maxPositionals: 2,
      options: [
        .value("env", "NAME", "Compile for an environment declared in presetctl.yaml (its slugs and overrides)."),
        .value("message", "TEXT", "The user message."),
        .value("input", "FILE", "Read the user message from FILE ('-' for stdin)."),
        .value("format", "FORMAT", "Output format: text, json or markdown (default text)."),
        .flag("stream", "Stream the reply even when stdout is not a terminal (text only)."),
        .flag("no-stream", "Do not stream, even on a terminal."),
      ] + RemoteOptions.options,
      discussion: """
        PATH defaults to 'presets'. The body is what the preset would store once pushed (its normalised config \
        and system prompt) plus the message as a user turn, POSTed to /chat/completions, /messages or \
        /responses by the preset's skin; nothing is pushed. Prints the reply, the model and provider that \
        served it, token usage and cost when the API returns them. The reply streams when stdout is a terminal. \
        An inference POST is not repeated after it may have reached the server (only refused connections and \
        429 are retried).
        """),
    run: run)

  /// The largest `--input` file, in bytes.
  static let maxInputBytes = 1024 * 1024

  static func run(_ parsed: ArgumentParser.Parsed, _ context: CommandLineTool.Context) throws(CommandFailure) -> Int32 {
    let format = try CommandLineTool.format(parsed, allowed: [.text, .json, .markdown])
    guard let slug = parsed.positionals.first else {
      throw CommandFailure(
        "cli.usage", "no preset named", hint: "name the preset to try: presetctl try SLUG [PATH] --message TEXT")
    }
    let options = try RemoteOptions(parsed, context)
    let message = try message(parsed)
    let path = parsed.positionals.dropFirst().first ?? "presets"
    try CompiledInput.refuse([path])
    let preset = try PresetLookup.preset(slug, path: path, retainRequest: false, parsed)
    let client = try options.makeClient()
    let body = InferenceBody.make(model: preset.model, skin: preset.skin, message: message)
    let stream =
      format == .text && !parsed.flag("no-stream") && (parsed.flag("stream") || isatty(1) == 1)
    context.console.error(
      SafeText.terminal(
        "trying \(preset.slug) (\(preset.skin.rawValue), local version \(preset.version.short), not pushed) → POST /"
          + preset.skin.endpointPath) + "\n")
    let console = context.console
    let write: @Sendable (String) -> Void = { piece in console.write(TryRenderer.streamedText(piece)) }
    let onText = stream ? write : nil
    let outcome = AsyncBridge.run { () -> Result<InferenceReply, RemoteError> in
      do throws(RemoteError) {
        return .success(try await client.infer(skin: preset.skin, body: body, onText: onText))
      } catch {
        return .failure(error)
      }
    }
    let reply: InferenceReply
    switch outcome {
    case .success(let value): reply = value
    case .failure(let error):
      if stream { context.console.write("\n") }
      throw CommandFailure(error)
    }
    let renderer = TryRenderer(slug: preset.slug, skin: preset.skin, version: preset.version, reply: reply)
    switch format {
    case .json: context.console.write(renderer.json())
    case .markdown: context.console.write(renderer.markdown())
    default: context.console.write(renderer.text(replyAlreadyShown: stream))
    }
    return CommandLineTool.exitOK
  }

  /// The user message from `--message` or `--input` (exactly one).
  private static func message(_ parsed: ArgumentParser.Parsed) throws(CommandFailure) -> String {
    switch (parsed.value("message"), parsed.value("input")) {
    case (let text?, nil):
      return text
    case (nil, let file?):
      let bytes: [UInt8]
      if file == "-" {
        var data: [UInt8] = []
        while let chunk = try? FileHandle.standardInput.read(upToCount: 65_536), !chunk.isEmpty {
          data += chunk
          if data.count > maxInputBytes { break }
        }
        bytes = data
      } else {
        do {
          bytes = try FileReader.read(file, limit: maxInputBytes)
        } catch {
          throw CommandFailure(error.code, error.message(for: file), hint: "give a readable text file to --input")
        }
      }
      guard bytes.count <= maxInputBytes, UTF8Validation.firstInvalidOffset(bytes) == nil else {
        throw CommandFailure(
          "input.message", "the message must be UTF-8 text of at most \(maxInputBytes) bytes",
          hint: "shorten the --input file or convert it to UTF-8")
      }
      return String(decoding: bytes, as: UTF8.self)
    default:
      throw CommandFailure(
        "cli.usage", "no user message, or two of them",
        hint: "give the user message with --message TEXT or --input FILE (one of them)")
    }
  }
}
