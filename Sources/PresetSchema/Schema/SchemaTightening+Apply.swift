import PresetCore

extension SchemaTightening {
  /// Applies rules to derived documents (file name → schema), checking every rule's evidence first against the
  /// untouched documents. Throws on the first rule whose target, prior value or evidence is not as expected.
  package static func apply(
    _ rules: [SchemaTightening], to documents: inout [String: JSONValue]
  ) throws(SchemaDerivationError) {
    for rule in rules {
      if let evidence = rule.evidence { try check(evidence, in: documents, for: rule) }
    }
    for rule in rules {
      for file in rule.files {
        guard var document = documents[file] else {
          throw SchemaDerivationError("tightening '\(rule.source)': no schema file \(file)")
        }
        try rule.apply(to: &document, file: file)
        documents[file] = document
      }
    }
  }

  /// Fails unless the quoted prose is still in the description at the evidence pointer.
  static func check(
    _ evidence: Evidence, in documents: [String: JSONValue], for rule: SchemaTightening
  ) throws(SchemaDerivationError) {
    guard let pointer = JSONPointer(evidence.pointer),
      let description = documents[evidence.file]?.value(at: pointer)?["description"]?.stringValue
    else {
      throw SchemaDerivationError(
        "tightening '\(rule.source)': no description at \(evidence.file)#\(evidence.pointer) (spec drift?)")
    }
    guard description.contains(evidence.quote) else {
      throw SchemaDerivationError(
        "tightening '\(rule.source)': the description at \(evidence.file)#\(evidence.pointer) no longer says "
          + "'\(evidence.quote)'; it says '\(description)' (spec drift: review the rule)")
    }
  }

  /// Applies this rule's changes to one document.
  package func apply(to document: inout JSONValue, file: String) throws(SchemaDerivationError) {
    guard let pointer = JSONPointer(self.pointer) else {
      throw SchemaDerivationError("tightening '\(source)': '\(self.pointer)' is not a JSON pointer")
    }
    let place = "\(file)#\(self.pointer)"
    let changes = self.changes
    let source = self.source
    let found = try Self.modifyObject(in: &document, at: pointer.components[...]) {
      (target: inout JSONObject) throws(SchemaDerivationError) in
      for change in changes {
        try Self.apply(change, to: &target, place: place, source: source)
      }
    }
    guard found else {
      throw SchemaDerivationError(
        "tightening '\(source)': target \(place) does not exist or is not an object (spec drift?)")
    }
  }

  /// One keyword change; throws when the prior value is not what the rule was written against.
  package static func apply(
    _ change: Change, to target: inout JSONObject, place: String, source: String
  ) throws(SchemaDerivationError) {
    func describe(_ value: JSONValue?) -> String {
      value.map { JSONWriter.string($0, options: .canonical) } ?? "absent"
    }
    switch change {
    case .add(let key, let value):
      if let existing = target[key], existing != value {
        throw SchemaDerivationError(
          "tightening '\(source)': \(place) already has \(key) = \(describe(existing)), not \(describe(value)) "
            + "(spec drift: review the rule)")
      }
      target[key] = value
    case .replace(let key, let expected, let value):
      guard target[key] == expected else {
        throw SchemaDerivationError(
          "tightening '\(source)': expected \(place) \(key) = \(describe(expected)), found "
            + "\(describe(target[key])) (spec drift: review the rule)")
      }
      target[key] = value
    case .expect(let key, let value):
      guard target[key] == value else {
        throw SchemaDerivationError(
          "tightening '\(source)': presetctl relies on \(place) \(key) = \(describe(value)), found "
            + "\(describe(target[key])) (spec drift)")
      }
    }
  }

  /// Runs `body` on the object at `path`; false when the path does not lead to an object.
  static func modifyObject(
    in value: inout JSONValue, at path: ArraySlice<JSONPointer.Component>,
    _ body: (inout JSONObject) throws(SchemaDerivationError) -> Void
  ) throws(SchemaDerivationError) -> Bool {
    guard let first = path.first else {
      guard case .object(var object) = value else { return false }
      try body(&object)
      value = .object(object)
      return true
    }
    switch value {
    case .object(var object):
      let key: String
      switch first {
      case .key(let k): key = k
      case .index(let i): key = String(i)
      }
      guard let index = object.index(of: key) else { return false }
      var child = object.members[index].value
      let found = try modifyObject(in: &child, at: path.dropFirst(), body)
      object.members[index].value = child
      value = .object(object)
      return found
    case .array(var array):
      // Pointer text cannot tell indices from keys, so `anyOf/1` arrives as a decimal key.
      let index: Int?
      switch first {
      case .key(let k): index = Int(k)
      case .index(let i): index = i
      }
      guard let index, array.indices.contains(index) else { return false }
      var child = array[index]
      let found = try modifyObject(in: &child, at: path.dropFirst(), body)
      array[index] = child
      value = .array(array)
      return found
    default:
      return false
    }
  }
}
