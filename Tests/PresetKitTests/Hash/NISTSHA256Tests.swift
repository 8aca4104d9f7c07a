import Foundation
import PresetKit
import Testing

@testable import PresetCore

/// NIST CAVP SHAVS vectors for SHA-256 (byte-oriented), read from `../shared/testsuites/nist-sha256`, on every
/// implementation this machine runs (portable Swift always; SHA-NI where the CPU has it).
@Suite(.enabled(if: Shared.isAvailable, Shared.skipReason))
struct NISTSHA256Tests {
  private static func load(_ name: String) throws -> [[String: String]] {
    try NISTResponseFile(contentsOf: Shared.url("testsuites/nist-sha256/\(name)")).records
  }

  /// Checks every `Len`/`Msg`/`MD` record and returns how many passed.
  private func checkMessages(_ records: [[String: String]], _ implementation: SHA256.Implementation) -> Int {
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
      let actual = SHA256.hexDigest(message, implementation: implementation)
      #expect(actual == expected.lowercased(), "Len = \(bitLength), \(implementation)")
      if actual == expected.lowercased() { passed += 1 }
    }
    return passed
  }

  @Test(arguments: SHA256Tests.implementations) func shortMessages(_ implementation: SHA256.Implementation) throws {
    let records = try Self.load("SHA256ShortMsg.rsp")
    #expect(records.count == 65)
    #expect(checkMessages(records, implementation) == 65)
  }

  @Test(arguments: SHA256Tests.implementations) func longMessages(_ implementation: SHA256.Implementation) throws {
    let records = try Self.load("SHA256LongMsg.rsp")
    #expect(records.count == 64)
    #expect(checkMessages(records, implementation) == 64)
  }

  /// The Monte Carlo test: each checkpoint chains 1,000 hashes of the previous three digests.
  @Test(arguments: SHA256Tests.implementations) func monteCarlo(_ implementation: SHA256.Implementation) throws {
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
        let next = SHA256.hash(md0 + md1 + md2, implementation: implementation)
        md0 = md1
        md1 = md2
        md2 = next
      }
      seed = md2
      let actual = hexString(md2)
      #expect(actual == expected, "COUNT = \(count), \(implementation)")
      if actual == expected { passed += 1 }
    }
    #expect(passed == 100)
  }
}
