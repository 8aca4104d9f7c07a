/// A JSON object: members in their written order, keys compared by Unicode scalars.
///
/// Member order is kept so that output can follow the source where that matters (bodies sent to the API)
/// while canonical output sorts independently. Lookups are linear: preset objects are small, and a linear
/// scan over a contiguous array beats hashing for the sizes seen here.
package struct JSONObject: Sendable, Equatable {
  /// One key/value pair.
  package struct Member: Sendable, Equatable {
    /// The member name.
    package var key: String
    /// The member value.
    package var value: JSONValue

    /// Creates a member.
    package init(key: String, value: JSONValue) {
      self.key = key
      self.value = value
    }

    package static func == (lhs: Member, rhs: Member) -> Bool {
      lhs.key.hasSameCodeUnits(as: rhs.key) && lhs.value == rhs.value
    }
  }

  /// The members in order. Callers that build objects directly must not add duplicate keys.
  package var members: [Member]

  /// Creates an empty object.
  package init() { members = [] }

  /// Creates an object from members; the caller guarantees unique keys.
  package init(_ members: [Member]) { self.members = members }

  /// The number of members.
  package var count: Int { members.count }

  /// True when the object has no members.
  package var isEmpty: Bool { members.isEmpty }

  /// The keys in order.
  package var keys: [String] { members.map(\.key) }

  /// The index of the member with this key (compared by code units), if any.
  package func index(of key: String) -> Int? {
    members.firstIndex { $0.key.hasSameCodeUnits(as: key) }
  }

  /// Reads, replaces, appends (when absent) or removes (when set to nil) the member with this key.
  package subscript(key: String) -> JSONValue? {
    get {
      guard let i = index(of: key) else { return nil }
      return members[i].value
    }
    set {
      if let i = index(of: key) {
        if let newValue {
          members[i].value = newValue
        } else {
          members.remove(at: i)
        }
      } else if let newValue {
        members.append(Member(key: key, value: newValue))
      }
    }
  }

  /// Object equality ignores member order.
  package static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
    guard lhs.count == rhs.count else { return false }
    for member in lhs.members {
      guard let other = rhs[member.key], other == member.value else { return false }
    }
    return true
  }
}

extension JSONObject: Sequence {
  /// Iterates members in order.
  package func makeIterator() -> IndexingIterator<[Member]> { members.makeIterator() }
}
