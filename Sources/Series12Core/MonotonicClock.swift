#if canImport(Glibc)
import Glibc
#endif

/// Seconds on the monotonic clock (immune to wall-clock changes): what every timing in the
/// program — steps/s, elapsed computing time, benchmarks — is measured with.
@inline(__always)
public func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + 1e-9 * Double(ts.tv_nsec)
}
