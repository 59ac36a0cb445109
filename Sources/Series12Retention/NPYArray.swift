/// One numpy array as `.npy` holds it: a shape (row-major, C order) and little-endian
/// `float64` (`<f8`) or `int64` (`<i8`) elements. Shape `[]` is a 0-d scalar with one element.
///
/// Equality compares doubles by bit pattern (NaN equals NaN), which is what "bit exact" means
/// for a checkpoint.
public struct NPYArray: Sendable {
    public enum Elements: Sendable {
        case float64([Double])
        case int64([Int64])
    }

    public var shape: [Int]
    public var elements: Elements

    /// `elements.count` must equal the product of `shape` (1 for a scalar).
    public init(shape: [Int], elements: Elements) {
        precondition(shape.reduce(1, *) == elements.count, "element count must match the shape")
        self.shape = shape
        self.elements = elements
    }

    public static func vector(_ values: [Double]) -> NPYArray { NPYArray(shape: [values.count], elements: .float64(values)) }
    public static func vector(_ values: [Int64]) -> NPYArray { NPYArray(shape: [values.count], elements: .int64(values)) }
    public static func scalar(_ value: Double) -> NPYArray { NPYArray(shape: [], elements: .float64([value])) }
    public static func scalar(_ value: Int64) -> NPYArray { NPYArray(shape: [], elements: .int64([value])) }

    /// The numpy dtype string, `<f8` or `<i8`.
    public var descr: String {
        switch elements {
        case .float64: return "<f8"
        case .int64: return "<i8"
        }
    }

    public var doubles: [Double]? {
        if case let .float64(v) = elements { return v }
        return nil
    }

    public var int64s: [Int64]? {
        if case let .int64(v) = elements { return v }
        return nil
    }
}

extension NPYArray.Elements {
    public var count: Int {
        switch self {
        case let .float64(v): return v.count
        case let .int64(v): return v.count
        }
    }
}

extension NPYArray: Equatable {
    public static func == (lhs: NPYArray, rhs: NPYArray) -> Bool {
        guard lhs.shape == rhs.shape else { return false }
        switch (lhs.elements, rhs.elements) {
        case let (.float64(a), .float64(b)): return a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern }
        case let (.int64(a), .int64(b)): return a == b
        default: return false
        }
    }
}
