import PresetCompiler
import PresetCore
import PresetReconcile
import PresetRender

/// The error types of the lower rooms, each as a diagnostic with its stable code (one error path).
extension CommandFailure {
  /// Presets that do not compile: every diagnostic (warnings too) with snippets from the repository, and
  /// `closing` after them (what was not done).
  package init(compiled result: CompileResult, closing: Diagnostic? = nil) {
    self.init(result.diagnostics + (closing.map { [$0] } ?? []), sources: DiagnosticRenderer.forResult(result).sources)
  }

  /// Desired presets that could not be loaded (compile errors, an unreadable bundle or plan).
  package init(_ failure: DesiredState.Failure) {
    if let compiled = failure.compiled {
      self.init(failure.diagnostics, sources: DiagnosticRenderer.forResult(compiled).sources)
    } else {
      self.init(failure.diagnostics)
    }
  }

  /// A failure talking to OpenRouter (`remote.*`, `RemoteError.code`), with what to do about its kind.
  package init(_ error: RemoteError) {
    self.init(error.code, error.description, hint: Self.hint(for: error))
  }

  /// What a person can do about a remote failure of this kind; nil when the message already says it.
  static func hint(for error: RemoteError) -> String? {
    switch error.kind {
    case .missingKey, .invalidKey:
      "set \(APIKey.environmentVariable), or pass --api-key-file FILE with the key as the file's only content"
    case .invalidURL: "pass --api-url with an https URL such as https://openrouter.ai/api/v1"
    case .transport: "check the network and --api-url (or OPENROUTER_API_URL); the run can be repeated safely"
    case .timeout: "raise --timeout SECONDS if the server is slow; the run can be repeated safely"
    case .deadline: "raise --deadline SECONDS, or lower the number of presets per run"
    case .http(let status) where status == 403: "the key has no access to presets: check its permissions"
    case .http(let status) where status >= 500 || status == 429: "OpenRouter is unavailable; run again later"
    case .unknownOutcome: "run `presetctl plan` to see whether the change is live before applying again"
    default: nil
    }
  }

  /// A refused or failed write (`output.*`, `AtomicFile.WriteError.code`).
  package init(_ error: AtomicFile.WriteError) {
    self.init(error.code, error.description)
  }
}
