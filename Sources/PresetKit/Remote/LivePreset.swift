/// A preset as `GET /presets` lists it: metadata and the id of the designated version, not the version.
public struct LivePresetSummary: Sendable, Equatable {
  /// Server id of the preset.
  public var id: String
  /// URL-safe slug (the preset's name in requests: `@preset/<slug>`).
  public var slug: String
  /// Display name.
  public var name: String
  /// Free-text description, often null.
  public var description: String?
  /// `active`, `disabled` or `archived` (kept as text so new states do not break decoding).
  public var status: String
  /// Id of the version requests use, null for a preset without versions.
  public var designatedVersionId: String?
  /// Id of the user who created the preset.
  public var creatorUserId: String?
  /// Id of the workspace that owns the preset.
  public var workspaceId: String?
  /// Creation time as the server formats it (ISO 8601).
  public var createdAt: String?
  /// Last update time as the server formats it.
  public var updatedAt: String?
  /// When `status` last changed.
  public var statusUpdatedAt: String?

  /// Creates a summary.
  public init(
    id: String, slug: String, name: String, description: String? = nil, status: String = "active",
    designatedVersionId: String? = nil, creatorUserId: String? = nil, workspaceId: String? = nil,
    createdAt: String? = nil, updatedAt: String? = nil, statusUpdatedAt: String? = nil
  ) {
    self.id = id
    self.slug = slug
    self.name = name
    self.description = description
    self.status = status
    self.designatedVersionId = designatedVersionId
    self.creatorUserId = creatorUserId
    self.workspaceId = workspaceId
    self.createdAt = createdAt
    self.updatedAt = updatedAt
    self.statusUpdatedAt = statusUpdatedAt
  }
}

/// A preset as `GET /presets/{slug}` and the create endpoints return it: metadata plus the designated version.
public struct LivePreset: Sendable, Equatable {
  /// The metadata part (what the list endpoint shows).
  public var summary: LivePresetSummary
  /// The version requests use; nil when the server reports none.
  public var designatedVersion: LiveVersion?

  /// Creates a preset.
  public init(summary: LivePresetSummary, designatedVersion: LiveVersion?) {
    self.summary = summary
    self.designatedVersion = designatedVersion
  }

  /// Server id of the preset.
  public var id: String { summary.id }
  /// URL-safe slug.
  public var slug: String { summary.slug }
  /// Display name.
  public var name: String { summary.name }
  /// Free-text description.
  public var description: String? { summary.description }
  /// `active`, `disabled` or `archived`.
  public var status: String { summary.status }
  /// Id of the designated version.
  public var designatedVersionId: String? { summary.designatedVersionId }
  /// Creation time.
  public var createdAt: String? { summary.createdAt }
  /// Last update time.
  public var updatedAt: String? { summary.updatedAt }
}

/// One stored version of a preset (`PresetDesignatedVersion` in the spec).
public struct LiveVersion: Sendable, Equatable {
  /// Server id of the version.
  public var id: String
  /// Id of the preset it belongs to.
  public var presetId: String?
  /// Version number, counting from 1.
  public var version: Int
  /// The stored system prompt, null when the body had none.
  public var systemPrompt: String?
  /// The stored config: always a JSON object.
  public var config: JSONValue
  /// Creation time.
  public var createdAt: String?
  /// Last update time.
  public var updatedAt: String?
  /// Id of the user who made this version.
  public var creatorId: String?

  /// Creates a version.
  public init(
    id: String, presetId: String? = nil, version: Int, systemPrompt: String?, config: JSONValue,
    createdAt: String? = nil, updatedAt: String? = nil, creatorId: String? = nil
  ) {
    self.id = id
    self.presetId = presetId
    self.version = version
    self.systemPrompt = systemPrompt
    self.config = config
    self.createdAt = createdAt
    self.updatedAt = updatedAt
    self.creatorId = creatorId
  }
}
