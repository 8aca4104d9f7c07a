import Foundation
import PresetCore
import PresetKit

/// `presetctl-bench sha256 [--mb N] [--runs N] [--write PATH]`: SHA-256 throughput over deterministic data.
struct SHA256Bench {
  /// Megabytes (2^20 bytes) hashed per run.
  var megabytes = 256
  /// Timed runs.
  var runs = 5
  /// When set, the data is also written here so `sha256sum PATH` can check the digest and compare speed.
  var writePath: String?

  static let usage = "usage: presetctl-bench sha256 [--mb N] [--runs N] [--write PATH]"

  /// Reads the subcommand's options.
  init(arguments: [String]) throws(BenchError) {
    var options = OptionReader(arguments: arguments, usage: Self.usage)
    while let option = options.next() {
      switch option {
      case "--mb": megabytes = try options.positiveInt(for: option)
      case "--runs": runs = try options.positiveInt(for: option)
      case "--write": writePath = try options.value(for: option)
      default: throw BenchError.usage("unknown option \(option)\n\(Self.usage)")
      }
    }
  }

  func run() throws(BenchError) {
    let data = deterministicBytes(count: megabytes * 1_048_576)
    if let writePath {
      do {
        try Data(data).write(to: URL(fileURLWithPath: writePath))
      } catch {
        throw BenchError.failed("cannot write \(writePath): \(error)")
      }
    }
    var digest = ""
    let result = Benchmark(name: "sha256", runs: runs).measure {
      digest = SHA256.hexDigest(data)
    }
    print(result.throughputReport(name: "sha256", byteCount: data.count))
    print("  digest \(digest)")
  }
}

/// Bytes from a fixed-seed xorshift64* generator: the same on every run and machine, and incompressible enough
/// that nothing downstream can shortcut it.
func deterministicBytes(count: Int, seed: UInt64 = 0x9E37_79B9_7F4A_7C15) -> [UInt8] {
  var state = seed
  return [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
    var i = 0
    while i < count {
      state ^= state &>> 12
      state ^= state &<< 25
      state ^= state &>> 27
      var word = (state &* 0x2545_F491_4F6C_DD1D).littleEndian
      let n = min(8, count - i)
      withUnsafeBytes(of: &word) { bytes in
        for j in 0..<n { buffer[i + j] = bytes[j] }
      }
      i += n
    }
    initialized = count
  }
}
