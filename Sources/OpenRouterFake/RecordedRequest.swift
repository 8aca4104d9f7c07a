import PresetKit

/// A request as the fake saw it, for assertions. The bearer key itself is not kept.
public struct RecordedRequest: Sendable {
  /// `GET`, `POST`, …
  public var method: String
  /// Path below `/api/v1`, percent-encoded as sent, without the query.
  public var path: String
  /// Decoded query parameters.
  public var query: [String: String]
  /// Header fields with lowercased names, `authorization` removed.
  public var headers: [String: String]
  /// True when an `Authorization` header was present.
  public var hadAuthorization: Bool
  /// True when it carried the fake's key.
  public var authorized: Bool
  /// The raw body.
  public var body: [UInt8]
  /// The fault applied to this request, if any.
  public var fault: FakeOpenRouter.Fault?

  /// The body parsed as JSON, nil when empty or invalid.
  public var bodyJSON: JSONValue? { try? JSONParser.parse(body) }
}
