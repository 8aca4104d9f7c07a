import PresetCore

/// Why a response did not have the documented shape; turned into a `.decoding` `RemoteError` by the client.
struct ShapeProblem: Error {
  var message: String
}

/// Typed reads from a JSON object that name the offending field.
struct FieldReader {
  let object: JSONObject
  let context: String

  init(_ value: JSONValue, context: String) throws(ShapeProblem) {
    guard let object = value.objectValue else {
      throw ShapeProblem(message: "\(context) is \(value.typeName), expected an object")
    }
    self.object = object
    self.context = context
  }

  func string(_ key: String) throws(ShapeProblem) -> String {
    guard let value = object[key] else { throw ShapeProblem(message: "\(context) lacks \"\(key)\"") }
    guard let text = value.stringValue else {
      throw ShapeProblem(message: "\(context).\(key) is \(value.typeName), expected a string")
    }
    return text
  }

  /// Absent and null both read as nil; unknown fields elsewhere are tolerated.
  func optionalString(_ key: String) throws(ShapeProblem) -> String? {
    guard let value = object[key], !value.isNull else { return nil }
    guard let text = value.stringValue else {
      throw ShapeProblem(message: "\(context).\(key) is \(value.typeName), expected a string or null")
    }
    return text
  }

  func integer(_ key: String) throws(ShapeProblem) -> Int {
    guard let value = object[key] else { throw ShapeProblem(message: "\(context) lacks \"\(key)\"") }
    guard let number = value.numberValue, number.rounded(.towardZero) == number,
      abs(number) <= jsonMaxExactInteger
    else {
      throw ShapeProblem(message: "\(context).\(key) is \(value.typeName), expected an integer")
    }
    return Int(number)
  }

  package func value(_ key: String) -> JSONValue? { object[key] }
}

extension LivePresetSummary {
  /// Decodes a `Preset` object (also the metadata part of `PresetWithDesignatedVersion`).
  init(json: JSONValue, context: String = "preset") throws(ShapeProblem) {
    let reader = try FieldReader(json, context: context)
    let slug = try reader.string("slug")
    self.init(
      id: try reader.string("id"),
      slug: slug,
      name: try reader.optionalString("name") ?? slug,
      description: try reader.optionalString("description"),
      status: try reader.optionalString("status") ?? "active",
      designatedVersionId: try reader.optionalString("designated_version_id"),
      creatorUserId: try reader.optionalString("creator_user_id"),
      workspaceId: try reader.optionalString("workspace_id"),
      createdAt: try reader.optionalString("created_at"),
      updatedAt: try reader.optionalString("updated_at"),
      statusUpdatedAt: try reader.optionalString("status_updated_at")
    )
  }
}

extension LivePreset {
  /// Decodes a `PresetWithDesignatedVersion` object.
  init(json: JSONValue, context: String = "preset") throws(ShapeProblem) {
    let summary = try LivePresetSummary(json: json, context: context)
    let version: LiveVersion?
    if let raw = json["designated_version"], !raw.isNull {
      version = try LiveVersion(json: raw, context: "\(context).designated_version")
    } else {
      version = nil
    }
    self.init(summary: summary, designatedVersion: version)
  }
}

extension LiveVersion {
  /// Decodes a `PresetDesignatedVersion` object; `config` must be an object.
  init(json: JSONValue, context: String = "version") throws(ShapeProblem) {
    let reader = try FieldReader(json, context: context)
    let config = reader.value("config") ?? .null
    guard config.objectValue != nil else {
      throw ShapeProblem(message: "\(context).config is \(config.typeName), expected an object")
    }
    self.init(
      id: try reader.string("id"),
      presetId: try reader.optionalString("preset_id"),
      version: try reader.integer("version"),
      systemPrompt: try reader.optionalString("system_prompt"),
      config: config,
      createdAt: try reader.optionalString("created_at"),
      updatedAt: try reader.optionalString("updated_at"),
      creatorId: try reader.optionalString("creator_id")
    )
  }
}

/// One page of a paginated list: `{data: [...], total_count}`.
struct ListPage {
  var items: [JSONValue]
  var totalCount: Int

  init(json: JSONValue, context: String) throws(ShapeProblem) {
    let reader = try FieldReader(json, context: context)
    guard let data = reader.value("data") else { throw ShapeProblem(message: "\(context) lacks \"data\"") }
    guard let items = data.arrayValue else {
      throw ShapeProblem(message: "\(context).data is \(data.typeName), expected an array")
    }
    self.items = items
    self.totalCount = try reader.integer("total_count")
  }
}
