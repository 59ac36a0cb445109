extension FieldsSnapshot {
    /// `fields.npz`: `Uxx Uxy Uyy Pxx Pxy Pyy` as float64 N×N (row-major, index `j*N + i`),
    /// `step` as an int64 0-d scalar, `t` as a float64 0-d scalar (SPEC §4).
    /// The planes go from the snapshot's memory into the zip without a copy of their own.
    public func npzBytes() throws(ArchiveEncodingError) -> [UInt8] {
        let planeBytes = 8 * n * n
        let header = NPY.header(descr: "<f8", shape: [n, n])
        let scalars: [(name: String, array: NPYArray)] = [("step", .scalar(step)), ("t", .scalar(t))]
        return try NPZ.encode(contentBytes: 6 * (planeBytes + header.count) + 256, memberCount: 8) { emit throws(ArchiveEncodingError) in
            try withRawBytes(of: header) { head throws(ArchiveEncodingError) in
                try withLittleEndianBytes(of: planes) { all throws(ArchiveEncodingError) in
                    for (k, name) in Self.planeNames.enumerated() {
                        let plane = UnsafeRawBufferPointer(rebasing: all[(k * planeBytes)..<((k + 1) * planeBytes)])
                        try emit(name + ".npy", [head, plane])
                    }
                }
            }
            for (name, array) in scalars {
                let scalarHeader = NPY.header(descr: array.descr, shape: array.shape)
                try withRawBytes(of: scalarHeader) { head throws(ArchiveEncodingError) in
                    try array.elements.withLittleEndianBytes { data throws(ArchiveEncodingError) in try emit(name + ".npy", [head, data]) }
                }
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
