import PresetCore
import PresetKit

/// A request as the fake saw it, for assertions. The bearer key itself is not kept.
package struct RecordedRequest: Sendable {
  /// `GET`, `POST`, …
  package var method: String
  /// Path below `/api/v1`, percent-encoded as sent, without the query.
  package var path: String
  /// Decoded query parameters.
  package var query: [String: String]
  /// Header fields with lowercased names, `authorization` removed.
  package var headers: [String: String]
  /// True when an `Authorization` header was present.
  package var hadAuthorization: Bool
  /// True when it carried the fake's key.
  package var authorized: Bool
  /// The raw body.
  package var body: [UInt8]
  /// The fault applied to this request, if any.
  package var fault: FakeOpenRouter.Fault?

  /// The body parsed as JSON, nil when empty or invalid.
  package var bodyJSON: JSONValue? { try? JSONParser.parse(body) }
}
