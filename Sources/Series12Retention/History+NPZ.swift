extension History {
    /// `history.npz`: 1-D arrays of equal length, `steps` int64 and `t`, `H`, `drift`, `dx`,
    /// `dt` float64 (SPEC §4).
    public func npzBytes() throws(ArchiveEncodingError) -> [UInt8] {
        try NPZ.encode([
            ("steps", .vector(steps)), ("t", .vector(t)), ("H", .vector(H)),
            ("drift", .vector(drift)), ("dx", .vector(dx)), ("dt", .vector(dt)),
        ])
    }

    /// Reads `history.npz` back bit for bit; every array must be present, 1-D, of equal length.
    public init(npz bytes: [UInt8]) throws(RetentionFormatError) {
        let arrays = try NPZ.decode(bytes, name: "history.npz")
        self.init()
        let n = arrays["steps"]?.shape.first ?? -1
        func vector(_ key: String) throws(RetentionFormatError) -> NPYArray {
            guard let a = arrays[key] else { throw RetentionFormatError("history.npz", "lacks the array \(key)") }
            guard a.shape == [n] else { throw RetentionFormatError("history.npz", "array \(key) has shape \(a.shape), want [\(n)]") }
            return a
        }
        guard let steps = try vector("steps").int64s else { throw RetentionFormatError("history.npz", "steps is not int64") }
        self.steps = steps
        for key in ["t", "H", "drift", "dx", "dt"] {
            guard let values = try vector(key).doubles else { throw RetentionFormatError("history.npz", "\(key) is not float64") }
            switch key {
            case "t": t = values
            case "H": H = values
            case "drift": drift = values
            case "dx": dx = values
            default: dt = values
            }
        }
    }
}
