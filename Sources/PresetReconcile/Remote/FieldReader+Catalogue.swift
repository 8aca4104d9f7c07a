import PresetCore

/// The optional reads the catalogue answers need (absent and null both read as nil).
extension FieldReader {
  func nonEmptyString(_ key: String) throws(ShapeProblem) -> String {
    let text = try string(key)
    guard !text.isEmpty else { throw ShapeProblem(message: "\(context).\(key) is empty") }
    return text
  }

  func optionalObject(_ key: String) throws(ShapeProblem) -> JSONObject? {
    guard let value = object[key], !value.isNull else { return nil }
    guard let inner = value.objectValue else {
      throw ShapeProblem(message: "\(context).\(key) is \(value.typeName), expected an object or null")
    }
    return inner
  }

  func optionalBool(_ key: String) throws(ShapeProblem) -> Bool? {
    guard let value = object[key], !value.isNull else { return nil }
    guard let flag = value.boolValue else {
      throw ShapeProblem(message: "\(context).\(key) is \(value.typeName), expected true, false or null")
    }
    return flag
  }

  /// A non-negative whole number (token counts).
  func optionalCount(_ key: String) throws(ShapeProblem) -> Int? {
    guard let value = object[key], !value.isNull else { return nil }
    guard let number = value.numberValue, number >= 0, number.rounded() == number, number < jsonMaxExactInteger else {
      throw ShapeProblem(message: "\(context).\(key) is \(value.typeName), expected a non-negative integer or null")
    }
    return Int(number)
  }

  func optionalStrings(_ key: String) throws(ShapeProblem) -> [String]? {
    guard let value = object[key], !value.isNull else { return nil }
    guard let items = value.arrayValue else {
      throw ShapeProblem(message: "\(context).\(key) is \(value.typeName), expected an array of strings")
    }
    return try items.map { (item) throws(ShapeProblem) in
      guard let text = item.stringValue else {
        throw ShapeProblem(message: "\(context).\(key) holds \(item.typeName), expected strings")
      }
      return text
    }
  }
}
