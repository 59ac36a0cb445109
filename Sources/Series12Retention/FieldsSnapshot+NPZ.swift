extension FieldsSnapshot {
    /// `fields.npz`: `Uxx Uxy Uyy Pxx Pxy Pyy` as float64 N×N (row-major, index `j*N + i`),
    /// `step` as an int64 0-d scalar, `t` as a float64 0-d scalar (SPEC §4).
    /// The planes go from the snapshot's memory into the zip without a copy of their own.
    public func npzBytes() throws(ArchiveEncodingError) -> [UInt8] {
        let headerBytes = NPY.header(descr: "<f8", shape: [n, n]).count
        return try withLittleEndianBytes(of: planes) { all throws(ArchiveEncodingError) in
            try NPZ.encode(contentBytes: 6 * (8 * n * n + headerBytes) + 256, memberCount: 8) { emit throws(ArchiveEncodingError) in
                try emitNPZ(planes: all, emit)
            }
        }
    }

    /// Whether `withStreamedNPZ` may be used: the npz stays well below 4 GiB, where a stored
    /// zip member's headers, descriptor and directory entry have a fixed size (no Zip64
    /// fields). Planes below 2 GiB in all (N up to 6688); larger snapshots are encoded in memory.
    var npzStreams: Bool { Self.streams(n: n) }

    /// `npzStreams` for N×N planes.
    static func streams(n: Int) -> Bool { 6 * 8 * n * n < 1 << 31 }

    /// `fields.npz` made while it is written, never whole in memory: `body` gets the npz's exact
    /// size, the planes' memory (valid until `body` returns) and `produce`, which zips the
    /// planes and hands every run to `write` (the planes' runs as pointers into that memory).
    ///
    /// The size comes from a dry run that zips the same members with the planes' `.npy`
    /// headers but not their data, plus the data's length: below 4 GiB (`npzStreams`) a
    /// stored member takes the same bytes around its data whatever the data's length. The tar
    /// writer checks the streamed length against it (`LibArchive.SizeMismatch`), so a
    /// libarchive that did otherwise costs a second encoding, in memory, never a wrong file.
    func withStreamedNPZ<R>(_ body: (_ size: Int, _ planes: UnsafeRawBufferPointer,
                                            _ produce: (_ write: @escaping (UnsafeRawBufferPointer) -> String?) throws -> Void) throws -> R) throws -> R {
        precondition(npzStreams, "withStreamedNPZ needs an npz below 2 GiB")
        let dryRun = try NPZ.encode(contentBytes: 4096, memberCount: 8) { emit throws(ArchiveEncodingError) in try emitNPZ(planes: nil, emit) }
        return try withLittleEndianBytes(of: planes) { all in
            try body(dryRun.count + all.count, all) { write in
                _ = try NPZ.stream(to: write) { emit throws(ArchiveEncodingError) in try emitNPZ(planes: all, emit) }
            }
        }
    }

    /// Hands the npz members to `emit` in order: each plane as its `.npy` header and its bytes
    /// from `all` (nil: the header alone, for the dry run), then `step` and `t`.
    private func emitNPZ(planes all: UnsafeRawBufferPointer?, _ emit: LibArchive.Emit) throws(ArchiveEncodingError) {
        let planeBytes = 8 * n * n
        let header = NPY.header(descr: "<f8", shape: [n, n])
        try withRawBytes(of: header) { head throws(ArchiveEncodingError) in
            for (k, name) in Self.planeNames.enumerated() {
                if let all {
                    try emit(name + ".npy", [head, UnsafeRawBufferPointer(rebasing: all[(k * planeBytes)..<((k + 1) * planeBytes)])])
                } else {
                    try emit(name + ".npy", [head])
                }
            }
        }
        let scalars: [(name: String, array: NPYArray)] = [("step", .scalar(step)), ("t", .scalar(t))]
        for (name, array) in scalars {
            let scalarHeader = NPY.header(descr: array.descr, shape: array.shape)
            try withRawBytes(of: scalarHeader) { head throws(ArchiveEncodingError) in
                try array.elements.withLittleEndianBytes { data throws(ArchiveEncodingError) in try emit(name + ".npy", [head, data]) }
            }
        }
    }

    /// Reads `fields.npz` back bit for bit (the checkpoint a resume starts from).
    public init(npz bytes: [UInt8]) throws(RetentionFormatError) {
        let arrays = try NPZ.decode(bytes, name: "fields.npz")
        guard let first = arrays["Uxx"], first.shape.count == 2, first.shape[0] == first.shape[1] else {
            throw RetentionFormatError("fields.npz", "Uxx is missing or not an N×N array")
        }
        let n = first.shape[0]
        var planes: [Double] = []
        planes.reserveCapacity(6 * n * n)
        for name in Self.planeNames {
            guard let a = arrays[name], a.shape == [n, n], let values = a.doubles else {
                throw RetentionFormatError("fields.npz", "\(name) is missing or not a float64 \(n)×\(n) array")
            }
            planes += values
        }
        guard let stepArray = arrays["step"], stepArray.shape == [], let step = stepArray.int64s?.first else {
            throw RetentionFormatError("fields.npz", "step is missing or not an int64 scalar")
        }
        guard let tArray = arrays["t"], tArray.shape == [], let t = tArray.doubles?.first else {
            throw RetentionFormatError("fields.npz", "t is missing or not a float64 scalar")
        }
        self.init(n: n, step: step, t: t, planes: planes)
    }
}
