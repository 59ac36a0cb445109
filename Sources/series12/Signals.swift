import Dispatch
import Foundation
import Synchronization

/// The last of SIGINT, SIGTERM, SIGHUP received, readable from any thread.
final class SignalFlag: Sendable {
    private let received = Atomic<Int32>(0)
    func set(_ sig: Int32) { received.store(sig, ordering: .releasing) }
    /// The last signal received, or nil.
    var last: Int32? {
        let s = received.load(ordering: .acquiring)
        return s == 0 ? nil : s
    }
}

/// SIGINT, SIGTERM and SIGHUP turned into a flag and a callback on a Dispatch queue; no work
/// is done inside a C signal handler. Keep the watch alive as long as signals matter.
final class SignalWatch {
    let flag = SignalFlag()
    private var sources: [DispatchSourceSignal] = []

    init(signals: [Int32] = [SIGINT, SIGTERM, SIGHUP], onSignal: @escaping @Sendable (Int32) -> Void = { _ in }) {
        let flag = self.flag
        for sig in signals {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                flag.set(sig)
                onSignal(sig)
            }
            source.resume()
            sources.append(source)
        }
    }
}
