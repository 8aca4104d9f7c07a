import PresetCore

/// A preset as `GET /presets` lists it: metadata and the id of the designated version, not the version.
package struct LivePresetSummary: Sendable, Equatable {
  /// Server id of the preset.
  package var id: String
  /// URL-safe slug (the preset's name in requests: `@preset/<slug>`).
  package var slug: String
  /// Display name.
  package var name: String
  /// Free-text description, often null.
  package var description: String?
  /// `active`, `disabled` or `archived` (kept as text so new states do not break decoding).
  package var status: String
  /// Id of the version requests use, null for a preset without versions.
  package var designatedVersionId: String?
  /// Id of the user who created the preset.
  package var creatorUserId: String?
  /// Id of the workspace that owns the preset.
  package var workspaceId: String?
  /// Creation time as the server formats it (ISO 8601).
  package var createdAt: String?
  /// Last update time as the server formats it.
  package var updatedAt: String?
  /// When `status` last changed.
  package var statusUpdatedAt: String?

  /// Creates a summary.
  package init(
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
package struct LivePreset: Sendable, Equatable {
  /// The metadata part (what the list endpoint shows).
  package var summary: LivePresetSummary
  /// The version requests use; nil when the server reports none.
  package var designatedVersion: LiveVersion?

  /// Creates a preset.
  package init(summary: LivePresetSummary, designatedVersion: LiveVersion?) {
    self.summary = summary
    self.designatedVersion = designatedVersion
  }

  /// Server id of the preset.
  package var id: String { summary.id }
  /// URL-safe slug.
  package var slug: String { summary.slug }
  /// Display name.
  package var name: String { summary.name }
  /// Free-text description.
  package var description: String? { summary.description }
  /// `active`, `disabled` or `archived`.
  package var status: String { summary.status }
  /// Id of the designated version.
  package var designatedVersionId: String? { summary.designatedVersionId }
  /// Creation time.
  package var createdAt: String? { summary.createdAt }
  /// Last update time.
  package var updatedAt: String? { summary.updatedAt }
}

/// One stored version of a preset (`PresetDesignatedVersion` in the spec).
package struct LiveVersion: Sendable, Equatable {
  /// Server id of the version.
  package var id: String
  /// Id of the preset it belongs to.
  package var presetId: String?
  /// Version number, counting from 1.
  package var version: Int
  /// The stored system prompt, null when the body had none.
  package var systemPrompt: String?
  /// The stored config: always a JSON object.
  package var config: JSONValue
  /// Creation time.
  package var createdAt: String?
  /// Last update time.
  package var updatedAt: String?
  /// Id of the user who made this version.
  package var creatorId: String?

  /// Creates a version.
  package init(
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
