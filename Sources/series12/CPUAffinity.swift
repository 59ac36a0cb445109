import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Pins the calling thread to one CPU, for the two-core rows of `bench --compare` ("2 κs on 2
/// cores" measured on two cores, not on whichever the scheduler happens to pack them onto).
/// Sweeps are not pinned: two sweeps on one machine would pile onto the same CPUs.
///
/// glibc's `sched_getaffinity`, `sched_setaffinity` and `sched_getcpu` are GNU extensions that
/// Swift's Glibc module does not export, so they are looked up by name (`dlsym`) when called.
enum CPUAffinity {
    private typealias AffinityCall = @convention(c) (pid_t, Int, UnsafeMutableRawPointer) -> Int32
    /// Bytes of a `cpu_set_t` (1024 CPUs).
    private static let maskBytes = 128

    /// glibc's function `name` as a C function of type `T`, nil if it is missing.
    private static func function<T>(_ name: String, as type: T.Type) -> T? {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }  // RTLD_DEFAULT
        return unsafeBitCast(symbol, to: type)
    }

    /// The CPUs this process may run on, lowest first (empty if the kernel will not say).
    static func allowedCPUs() -> [Int] {
        guard let get = function("sched_getaffinity", as: AffinityCall.self) else { return [] }
        var mask = [UInt8](repeating: 0, count: maskBytes)
        let status = mask.withUnsafeMutableBytes { get(0, maskBytes, $0.baseAddress!) }
        guard status == 0 else { return [] }
        return (0..<(8 * maskBytes)).filter { mask[$0 / 8] & (1 << UInt8($0 % 8)) != 0 }
    }

    /// The CPU the calling thread is running on (`sched_getcpu`), nil if the kernel will not say.
    static func currentCPU() -> Int? {
        typealias GetCPU = @convention(c) () -> Int32
        guard let cpu = function("sched_getcpu", as: GetCPU.self)?() else { return nil }
        return cpu >= 0 ? Int(cpu) : nil
    }

    /// Pins the calling thread to `cpu`; false if that is not possible (the thread runs on).
    @discardableResult
    static func pinCurrentThread(to cpu: Int) -> Bool {
        guard cpu >= 0, cpu < 8 * maskBytes, let set = function("sched_setaffinity", as: AffinityCall.self) else { return false }
        var mask = [UInt8](repeating: 0, count: maskBytes)
        mask[cpu / 8] |= 1 << UInt8(cpu % 8)
        return mask.withUnsafeMutableBytes { set(0, maskBytes, $0.baseAddress!) } == 0
    }
}
