/// An RFC 6901 JSON pointer, kept as components so building one while walking a document is cheap.
package struct JSONPointer: Sendable, Hashable, CustomStringConvertible, Comparable {
  /// One step into a document.
  package enum Component: Sendable, Hashable {
    case key(String)
    case index(Int)
  }

  /// The steps from the root.
  package var components: [Component]

  /// The root pointer (the empty string).
  package static let root = JSONPointer(components: [])

  /// Creates a pointer from components.
  package init(components: [Component]) { self.components = components }

  /// Parses the RFC 6901 text form (`/a/0/b~1c`); nil when it does not start with `/` and is not empty.
  package init?(_ text: String) {
    if text.isEmpty {
      components = []
      return
    }
    guard text.hasCodeUnitPrefix("/") else { return nil }
    components = text.slashComponents(omittingEmpty: false).dropFirst().map { part in
      .key(Self.unescape(part))
    }
  }

  /// Decodes `~1` to `/` and `~0` to `~`, in that order as RFC 6901 requires.
  private static func unescape(_ part: Substring) -> String {
    guard part.contains("~") else { return String(part) }
    var out = ""
    var iterator = part.unicodeScalars.makeIterator()
    while let scalar = iterator.next() {
      guard scalar == "~" else {
        out.unicodeScalars.append(scalar)
        continue
      }
      switch iterator.next() {
      case "0": out.append("~")
      case "1": out.append("/")
      case let other?:
        out.append("~")
        out.unicodeScalars.append(other)
      case nil: out.append("~")
      }
    }
    return out
  }

  /// The pointer one step further down by key.
  package func appending(_ key: String) -> JSONPointer {
    JSONPointer(components: components + [.key(key)])
  }

  /// The pointer one step further down by array index.
  package func appending(_ index: Int) -> JSONPointer {
    JSONPointer(components: components + [.index(index)])
  }

  /// The pointer to the parent, or nil at the root.
  package var parent: JSONPointer? {
    components.isEmpty ? nil : JSONPointer(components: Array(components.dropLast()))
  }

  /// The RFC 6901 text form, with `~` and `/` escaped.
  package var description: String {
    var out = ""
    for component in components {
      out.append("/")
      switch component {
      case .key(let key):
        // Most keys have nothing to escape: one append, not one per scalar (the schema compiler builds a
        // pointer for every subschema at start-up).
        guard key.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else {
          out.append(key)
          continue
        }
        for scalar in key.unicodeScalars {
          switch scalar {
          case "~": out.append("~0")
          case "/": out.append("~1")
          default: out.unicodeScalars.append(scalar)
          }
        }
      case .index(let i):
        out.append(String(i))
      }
    }
    return out
  }

  /// A dotted path for people: `provider.sort`, `models[1]`.
  package var dotted: String {
    var out = ""
    for component in components {
      switch component {
      case .key(let key):
        if !out.isEmpty { out.append(".") }
        out.append(key)
      case .index(let i):
        out.append("[\(i)]")
      }
    }
    return out
  }

  package static func < (lhs: JSONPointer, rhs: JSONPointer) -> Bool {
    lhs.description < rhs.description
  }
}

extension JSONValue {
  /// The value a pointer designates. Key components also index arrays when they are decimal numbers,
  /// because a pointer parsed from text cannot tell the two apart.
  package func value(at pointer: JSONPointer) -> JSONValue? {
    var current = self
    for component in pointer.components {
      switch (component, current) {
      case (.key(let key), .object(let object)):
        guard let next = object[key] else { return nil }
        current = next
      case (.index(let i), .array(let array)):
        guard array.indices.contains(i) else { return nil }
        current = array[i]
      case (.key(let key), .array(let array)):
        guard let i = Int(key), array.indices.contains(i) else { return nil }
        current = array[i]
      default:
        return nil
      }
    }
    return current
  }
}
