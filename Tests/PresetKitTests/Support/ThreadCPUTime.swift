#if canImport(Glibc)
  import Glibc
#endif

/// CPU seconds the calling thread spends in `body`: unlike wall time, not inflated when a loaded CI machine
/// (or the other tests running in parallel) takes the cores away, so "fails fast" assertions stay meaningful.
enum ThreadCPUTime {
  static func measure(_ body: () throws -> Void) rethrows -> Double {
    func now() -> Double {
      var spec = timespec()
      clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
      return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
    let start = now()
    try body()
    return now() - start
  }
}
