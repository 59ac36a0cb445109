/// What went into one archive member that was made while it was written, kept to check the
/// member once it is read back: runs inside `source` (memory that stays valid until the check,
/// such as the field planes) by pointer, every other run (headers, descriptors) copied.
/// Consecutive runs of either kind are joined, so a 48 MB npz is a dozen or so pieces.
final class WrittenRuns {
    enum Piece {
        case copied([UInt8])
        case borrowed(UnsafeRawBufferPointer)

        var count: Int {
            switch self {
            case let .copied(bytes): bytes.count
            case let .borrowed(run): run.count
            }
        }
    }

    private let source: UnsafeRawBufferPointer
    private(set) var pieces: [Piece] = []
    /// Bytes in all pieces.
    private(set) var count = 0
    /// Bytes held as copies: the part that was not the caller's memory.
    private(set) var copiedCount = 0

    init(source: UnsafeRawBufferPointer) { self.source = source }

    func append(_ run: UnsafeRawBufferPointer) {
        guard let start = run.baseAddress, !run.isEmpty else { return }
        count += run.count
        if let base = source.baseAddress, start >= base, start + run.count <= base + source.count {
            if case let .borrowed(last)? = pieces.last, last.baseAddress! + last.count == start {
                pieces[pieces.count - 1] = .borrowed(UnsafeRawBufferPointer(start: last.baseAddress, count: last.count + run.count))
            } else {
                pieces.append(.borrowed(run))
            }
            return
        }
        copiedCount += run.count
        if case var .copied(last)? = pieces.last {
            pieces[pieces.count - 1] = .copied([])  // keeps `last` uniquely referenced while it grows
            last.append(contentsOf: run)
            pieces[pieces.count - 1] = .copied(last)
        } else {
            pieces.append(.copied(Array(run)))
        }
    }
}
