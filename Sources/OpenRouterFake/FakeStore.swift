import Foundation
import PresetCore
import PresetKit

/// One stored version inside the fake.
struct StoredVersion: Sendable {
  var id: String
  var presetId: String
  var version: Int
  var systemPrompt: String?
  var config: JSONObject
  var createdAt: String
  var creatorId: String

  /// `PresetDesignatedVersion` in the spec's member order.
  var json: JSONValue {
    [
      "id": .string(id), "preset_id": .string(presetId), "creator_id": .string(creatorId),
      "version": .number(Double(version)), "system_prompt": systemPrompt.map(JSONValue.string) ?? .null,
      "config": .object(config), "created_at": .string(createdAt), "updated_at": .string(createdAt),
    ]
  }
}

/// One stored preset inside the fake.
struct StoredPreset: Sendable {
  var id: String
  var slug: String
  var name: String
  var description: String?
  var status: String
  var creatorUserId: String
  var workspaceId: String
  var createdAt: String
  var updatedAt: String
  /// Logical time of the last update; the list is ordered by it, newest first.
  var updateTick: Int
  var versions: [StoredVersion]
  var designatedIndex: Int?

  var designated: StoredVersion? { designatedIndex.map { versions[$0] } }

  /// `Preset` (list item) in the spec's member order.
  var summaryJSON: JSONValue {
    [
      "id": .string(id), "slug": .string(slug), "name": .string(name),
      "description": description.map(JSONValue.string) ?? .null, "status": .string(status),
      "designated_version_id": designated.map { .string($0.id) } ?? .null,
      "creator_user_id": .string(creatorUserId), "workspace_id": .string(workspaceId),
      "created_at": .string(createdAt), "updated_at": .string(updatedAt), "status_updated_at": nil,
    ]
  }

  /// `PresetWithDesignatedVersion`.
  var fullJSON: JSONValue {
    guard case .object(var object) = summaryJSON else { return summaryJSON }
    object["designated_version"] = designated?.json ?? .null
    return .object(object)
  }
}

/// In-memory presets with a logical clock; not thread-safe (the fake guards it with its lock).
struct FakeStore: Sendable {
  static let creatorId = "user_fake0000000000000000000000"
  static let workspaceId = "00000000-0000-4000-8000-00000000f4ce"

  var presets: [String: StoredPreset] = [:]
  private var tick = 0

  /// ISO 8601 time for a logical tick: one second per event after 2026-01-01, so order is visible in text.
  static func timestamp(_ tick: Int) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: Date(timeIntervalSince1970: 1_767_225_600 + TimeInterval(tick)))
  }

  static func newId() -> String { UUID().uuidString.lowercased() }

  /// Adds a version (creating the preset when absent) and designates it.
  mutating func addVersion(
    slug: String, systemPrompt: String?, config: JSONObject, name: String? = nil, description: String? = nil,
    status: String? = nil
  ) -> StoredPreset {
    tick += 1
    let now = Self.timestamp(tick)
    var preset =
      presets[slug]
      ?? StoredPreset(
        id: Self.newId(), slug: slug, name: name ?? slug, description: description, status: status ?? "active",
        creatorUserId: Self.creatorId, workspaceId: Self.workspaceId, createdAt: now, updatedAt: now,
        updateTick: tick, versions: [], designatedIndex: nil)
    if let name { preset.name = name }
    if let description { preset.description = description }
    if let status { preset.status = status }
    preset.versions.append(
      StoredVersion(
        id: Self.newId(), presetId: preset.id, version: preset.versions.count + 1, systemPrompt: systemPrompt,
        config: config, createdAt: now, creatorId: Self.creatorId))
    preset.designatedIndex = preset.versions.count - 1
    preset.updatedAt = now
    preset.updateTick = tick
    presets[slug] = preset
    return preset
  }

  /// All presets, most recently updated first.
  var listOrder: [StoredPreset] {
    presets.values.sorted { $0.updateTick > $1.updateTick }
  }
}
