import Foundation

/// The flags every command that talks to OpenRouter shares, and how they become a client.
enum RemoteOptions {
  static let options: [ArgumentParser.Option] = [
    .value("api-url", "URL", "API base URL (default $OPENROUTER_API_URL or https://openrouter.ai/api/v1)."),
    .value("api-key-file", "FILE", "Read the API key from FILE instead of $OPENROUTER_API_KEY."),
    .value("retries", "N", "Retries per request for transient failures (default 5)."),
    .value("timeout", "SECONDS", "Timeout per request, the whole answer included (default 30)."),
    .value("deadline", "SECONDS", "Time limit for all requests of the command together (default 600)."),
    .value("parallelism", "N", "Requests in flight at once (default 8)."),
  ]

  /// Builds the client; on failure reports on stderr and returns nil.
  static func client(_ parsed: ArgumentParser.Parsed, _ context: CommandLineTool.Context) -> OpenRouterClient? {
    do throws(RemoteError) {
      let key = try APIKey.fromEnvironmentOrFile(path: parsed.value("api-key-file"), environment: context.environment)
      return try OpenRouterClient(configuration(parsed, context, apiKey: key))
    } catch {
      context.console.error("error: \(SafeText.terminal(error.description))\n")
      return nil
    }
  }

  /// The client settings from `--api-url` (or `$OPENROUTER_API_URL`), `--retries`, `--timeout`, `--deadline`.
  static func configuration(
    _ parsed: ArgumentParser.Parsed, _ context: CommandLineTool.Context, apiKey key: APIKey
  ) throws(RemoteError) -> OpenRouterClient.Configuration {
    let urlText = parsed.value("api-url") ?? context.environment["OPENROUTER_API_URL"]
    var configuration = OpenRouterClient.Configuration(apiKey: key)
    if let urlText {
      guard let url = URL(string: urlText), url.scheme != nil else {
        throw RemoteError(.invalidURL, message: "invalid API URL '\(urlText)'")
      }
      configuration.baseURL = url
    }
    if let retries = parsed.value("retries") {
      guard let n = Int(retries), n >= 0, n <= 100 else {
        throw RemoteError(.invalidConfiguration, message: "--retries must be a whole number from 0 to 100")
      }
      configuration.retries = n
    }
    if let timeout = parsed.value("timeout") {
      guard let seconds = Double(timeout), seconds > 0, seconds <= 3600 else {
        throw RemoteError(.invalidConfiguration, message: "--timeout must be a number of seconds from 1 to 3600")
      }
      configuration.timeout = seconds
    }
    if let deadline = parsed.value("deadline") {
      guard let seconds = Double(deadline), seconds >= 1, seconds <= 86_400 else {
        throw RemoteError(
          .invalidConfiguration, message: "--deadline must be a number of seconds from 1 to 86400")
      }
      configuration.deadline = seconds
    }
    return configuration
  }

  /// `--parallelism` (default 8); nil after reporting when invalid.
  static func parallelism(_ parsed: ArgumentParser.Parsed, _ context: CommandLineTool.Context) -> Int? {
    guard let text = parsed.value("parallelism") else { return 8 }
    guard let n = Int(text), n >= 1, n <= 256 else {
      context.console.error("error: --parallelism must be a whole number from 1 to 256\n")
      return nil
    }
    return n
  }
}
