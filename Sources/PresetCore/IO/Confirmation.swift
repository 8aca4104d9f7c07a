import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Asking the person at the terminal before an irreversible step, as `terraform apply` does ("Only 'yes' will
/// be accepted").
///
/// Injected through the command context so tests drive both answers without a real terminal; the process's
/// own is `standard`, the default everywhere else is `unavailable` (nobody to ask).
package struct Confirmation: Sendable {
  /// True when there is a person to ask: standard input is a terminal.
  package var isInteractive: Bool
  /// Reads one answer line; nil at the end of input.
  package var readAnswer: @Sendable () -> String?

  /// Creates a confirmation source.
  package init(isInteractive: Bool, readAnswer: @escaping @Sendable () -> String?) {
    self.isInteractive = isInteractive
    self.readAnswer = readAnswer
  }

  /// The process's standard input: interactive only when it is a terminal.
  package static var standard: Confirmation {
    Confirmation(isInteractive: isatty(0) == 1, readAnswer: { readLine(strippingNewline: true) })
  }

  /// No terminal: nothing can be confirmed.
  package static let unavailable = Confirmation(isInteractive: false, readAnswer: { nil })

  /// Reads an answer and accepts exactly `yes` (surrounding spaces aside); anything else, or no answer, is no.
  package func confirmed() -> Bool {
    guard isInteractive, let answer = readAnswer() else { return false }
    return answer.trimmingCharacters(in: .whitespaces) == "yes"
  }
}
