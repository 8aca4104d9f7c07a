import Foundation
import PresetReconcile
import PresetRender

/// The flags every command that talks to OpenRouter shares, parsed once, and the one place a client is made.
struct RemoteOptions {
  /// The options, appended to each remote command's own.
  static let options: [ArgumentParser.Option] = [
    .value("api-url", "URL", "API base URL (default $OPENROUTER_API_URL or https://openrouter.ai/api/v1)."),
    .value("api-key-file", "FILE", "Read the API key from FILE instead of $OPENROUTER_API_KEY."),
    .value("retries", "N", "Retries per request for transient failures (default 5)."),
    .value("timeout", "SECONDS", "Timeout per request, the whole answer included (default 30)."),
    .value("deadline", "SECONDS", "Time limit for all requests of the command together (default 600)."),
    .value("parallelism", "N", "Requests in flight at once (default 8)."),
  ]

  /// `--api-key-file`, read only when the client is made (so a bad key never hides a bad flag).
  var apiKeyFile: String?
  /// The environment the key (and `OPENROUTER_API_URL`) come from.
  var environment: [String: String]
  /// `--api-url` or `OPENROUTER_API_URL`.
  var baseURL: URL?
  /// `--retries`.
  var retries: Int?
  /// `--timeout`.
  var timeout: Double?
  /// `--deadline`.
  var deadline: Double?
  /// `--parallelism` (default 8).
  var parallelism = 8

  /// Reads and range-checks every shared option; throws `cli.usage` naming the option, its range and the value.
  init(_ parsed: ArgumentParser.Parsed, _ context: CommandLineTool.Context) throws(CommandFailure) {
    environment = context.environment
    apiKeyFile = parsed.value("api-key-file")
    if let urlText = parsed.value("api-url") ?? context.environment["OPENROUTER_API_URL"] {
      guard let url = URL(string: urlText), url.scheme != nil else {
        let source = parsed.value("api-url") == nil ? "OPENROUTER_API_URL" : "--api-url"
        throw CommandFailure(
          "remote.invalid-url", "invalid API URL '\(urlText)' (from \(source))",
          hint: "give a full URL such as https://openrouter.ai/api/v1")
      }
      baseURL = url
    }
    retries = try parsed.number("retries", range: 0...100, whole: true).map { Int($0) }
    // Fractions of a second are honoured (`--timeout 0.5`).
    timeout = try parsed.number("timeout", range: 0.001...3600, whole: false, bounds: "above 0, at most 3600")
    deadline = try parsed.number("deadline", range: 1...86_400, whole: false)
    parallelism = try parsed.number("parallelism", range: 1...256, whole: true).map { Int($0) } ?? 8
  }

  /// The client for these options; throws `remote.missing-key` (and the like) with where the key was looked for.
  func makeClient() throws(CommandFailure) -> OpenRouterClient {
    do throws(RemoteError) {
      let key = try APIKey.fromEnvironmentOrFile(path: apiKeyFile, environment: environment)
      return try OpenRouterClient(configuration(apiKey: key))
    } catch {
      throw CommandFailure(error)
    }
  }

  /// A client for OpenRouter's public catalogue: the same URL, retries, timeout and deadline, and no key.
  func makeCatalogueClient() throws(CommandFailure) -> OpenRouterClient {
    do throws(RemoteError) {
      return try OpenRouterClient.catalogueClient(configuration(apiKey: APIKey("")))
    } catch {
      throw CommandFailure(error)
    }
  }

  /// The client settings of these options around `key`.
  private func configuration(apiKey key: APIKey) -> OpenRouterClient.Configuration {
    var configuration = OpenRouterClient.Configuration(apiKey: key)
    if let baseURL { configuration.baseURL = baseURL }
    if let retries { configuration.retries = retries }
    if let timeout { configuration.timeout = timeout }
    if let deadline { configuration.deadline = deadline }
    return configuration
  }
}
