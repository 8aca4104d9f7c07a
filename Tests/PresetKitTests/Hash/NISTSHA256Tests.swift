import Foundation
import PresetKit
import Testing
@testable import PresetCore

/// NIST CAVP SHAVS vectors for SHA-256 (byte-oriented), read from `../shared/testsuites/nist-sha256`.
@Suite(.enabled(if: Shared.isAvailable, Shared.skipReason))
struct NISTSHA256Tests {
  private static func load(_ name: String) throws -> [[String: String]] {
    try NISTResponseFile(contentsOf: Shared.url("testsuites/nist-sha256/\(name)")).records
  }

  /// Checks every `Len`/`Msg`/`MD` record and returns how many passed.
  private func checkMessages(_ records: [[String: String]]) -> Int {
    var passed = 0
    for record in records {
      guard let lenText = record["Len"], let bitLength = Int(lenText), let msgHex = record["Msg"],
        let expected = record["MD"], var message = bytes(fromHex: msgHex)
      else {
        Issue.record("malformed record \(record)")
        continue
      }
      // "Len = 0" comes with "Msg = 00": the length in bits is what counts.
      message = Array(message.prefix(bitLength / 8))
      let actual = SHA256.hexDigest(message)
      #expect(actual == expected.lowercased(), "Len = \(bitLength)")
      if actual == expected.lowercased() { passed += 1 }
    }
    return passed
  }

  @Test func shortMessages() throws {
    let records = try Self.load("SHA256ShortMsg.rsp")
    #expect(records.count == 65)
    #expect(checkMessages(records) == 65)
  }

  @Test func longMessages() throws {
    let records = try Self.load("SHA256LongMsg.rsp")
    #expect(records.count == 64)
    #expect(checkMessages(records) == 64)
  }

  /// The Monte Carlo test: each checkpoint chains 1,000 hashes of the previous three digests.
  @Test func monteCarlo() throws {
    let records = try Self.load("SHA256Monte.rsp")
    guard let seedHex = records.first?["Seed"], var seed = bytes(fromHex: seedHex) else {
      Issue.record("no Seed record")
      return
    }
    let checkpoints = records.compactMap { record -> (Int, String)? in
      guard let count = record["COUNT"].flatMap({ Int($0) }), let md = record["MD"] else { return nil }
      return (count, md.lowercased())
    }
    #expect(checkpoints.count == 100)
    var passed = 0
    for (j, (count, expected)) in checkpoints.enumerated() {
      #expect(count == j)
      var md0 = seed
      var md1 = seed
      var md2 = seed
      for _ in 3...1002 {
        let next = SHA256.hash(md0 + md1 + md2)
        md0 = md1
        md1 = md2
        md2 = next
      }
      seed = md2
      let actual = hexString(md2)
      #expect(actual == expected, "COUNT = \(count)")
      if actual == expected { passed += 1 }
    }
    #expect(passed == 100)
  }
}
