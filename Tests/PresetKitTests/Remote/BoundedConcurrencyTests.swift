import Foundation
import OpenRouterFake
import PresetKit
import Testing

@testable import PresetReconcile

/// Counts tasks in flight and remembers the peak.
private final class InFlight: @unchecked Sendable {
  private let lock = NSLock()
  private var current = 0
  private(set) var peak = 0

  func enter() {
    lock.withLock {
      current += 1
      peak = max(peak, current)
    }
  }

  func leave() { lock.withLock { current -= 1 } }

  var maximum: Int { lock.withLock { peak } }
}

@Suite("BoundedConcurrency")
struct BoundedConcurrencyTests {
  @Test("results keep input order and no more than the limit run at once", arguments: [1, 3, 8])
  func orderAndLimit(parallelism: Int) async {
    let counter = InFlight()
    let items = Array(0..<24)
    let results = await BoundedConcurrency.map(items, parallelism: parallelism) { item in
      counter.enter()
      // Later items finish sooner, so completion order differs from input order.
      try? await Task.sleep(nanoseconds: UInt64((24 - item) % 5) * 2_000_000)
      counter.leave()
      return item * 10
    }
    #expect(results == items.map { $0 * 10 })
    #expect(counter.maximum <= parallelism)
    if parallelism > 1 { #expect(counter.maximum > 1) }
  }

  @Test("empty input and a non-positive limit are handled")
  func edgeCases() async {
    #expect(await BoundedConcurrency.map([Int](), parallelism: 4) { $0 }.isEmpty)
    #expect(await BoundedConcurrency.map([1, 2, 3], parallelism: 0) { $0 + 1 } == [2, 3, 4])
  }

  @Test("parallel reads against a slow fake overlap")
  func parallelLatency() async throws {
    let fake = try RemoteTest.startFake(.init(latency: 1))
    defer { fake.stop() }
    for index in 0..<8 { fake.seed(slug: "p\(index)", systemPrompt: "s\(index)", config: [:]) }
    let client = try RemoteTest.client(for: fake, timeout: 10)
    let prompts = await BoundedConcurrency.map(Array(0..<8), parallelism: 8) { index in
      (try? await client.getPreset(slug: "p\(index)"))??.designatedVersion?.systemPrompt
    }
    #expect(prompts == (0..<8).map { "s\($0)" })
    // The fake counts requests waiting out their latency at the same moment: more than one means the client
    // overlapped them (no wall-clock assertion, so a loaded CI machine cannot make this flaky).
    #expect(fake.peakConcurrentRequests > 1)
    #expect(fake.peakConcurrentRequests <= 8)
  }
}
