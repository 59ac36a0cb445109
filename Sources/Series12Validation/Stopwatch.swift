/// Wall time of one test, in seconds.
struct Stopwatch {
    private let start = ContinuousClock.now

    var seconds: Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}
