extension FieldsSnapshot {
    /// `fields.npz`: `Uxx Uxy Uyy Pxx Pxy Pyy` as float64 N×N (row-major, index `j*N + i`),
    /// `step` as an int64 0-d scalar, `t` as a float64 0-d scalar (SPEC §4).
    public func npzBytes() throws(ArchiveEncodingError) -> [UInt8] {
        let plane = n * n
        var arrays: [(name: String, array: NPYArray)] = Self.planeNames.enumerated().map { k, name in
            (name, NPYArray(shape: [n, n], elements: .float64(Array(planes[(k * plane)..<((k + 1) * plane)]))))
        }
        arrays.append(("step", .scalar(step)))
        arrays.append(("t", .scalar(t)))
        return try NPZ.encode(arrays)
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
