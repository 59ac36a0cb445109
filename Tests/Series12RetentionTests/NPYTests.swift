import Foundation
import Testing
@testable import Series12Retention

@Suite struct NPYTests {
    /// Same arrays built by numpy.save in Python, printed as hex, compared with our bytes.
    @Test func encodingIsByteIdenticalToNumpySave() throws {
        let script = """
        import io, numpy as np
        arrays = [np.array([0.1, -0.0, 2.5e-7], dtype='<f8'), np.array([0, -1, 2**62], dtype='<i8'),
                  (np.arange(9.0).reshape(3, 3) / 7), np.array(2.5), np.array(7, dtype='<i8')]
        for a in arrays:
            b = io.BytesIO(); np.save(b, a); print(b.getvalue().hex())
        """
        let result = try python(script)
        #expect(result.status == 0, "\(result.stderr)")
        let ours: [NPYArray] = [.vector([0.1, -0.0, 2.5e-7]), .vector([0, -1, Int64(1) << 62] as [Int64]),
                                NPYArray(shape: [3, 3], elements: .float64((0..<9).map { Double($0) / 7 })),
                                .scalar(2.5), .scalar(Int64(7))]
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == ours.count)
        for (line, array) in zip(lines, ours) {
            #expect(hex(NPY.encode(array)) == line, "shape \(array.shape)")
        }
    }

    @Test func headerIsPaddedToAMultipleOf64Bytes() {
        for count in [0, 1, 9, 10, 99_999] {
            let bytes = NPY.encode(.vector([Double](repeating: 1, count: count)))
            let headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
            #expect((10 + headerLength) % 64 == 0)
            #expect(bytes[10 + headerLength - 1] == 0x0A)
            #expect(bytes.count == 10 + headerLength + 8 * count)
        }
    }

    @Test func decodingReturnsTheSameArrayBitForBit() throws {
        let arrays: [NPYArray] = [.vector([.nan, .infinity, -0.0, Double.leastNonzeroMagnitude]), .vector([Int64.min, 0, Int64.max]),
                                  .scalar(-1.5), .scalar(Int64(12_500)),
                                  NPYArray(shape: [2, 2], elements: .float64([1, 2, 3, .nan]))]
        for array in arrays {
            #expect(try NPY.decode(NPY.encode(array)) == array)
        }
    }

    @Test func truncatedOrForeignNpyIsRejected() {
        let good = NPY.encode(.vector([1.0, 2.0]))
        #expect(throws: RetentionFormatError.self) { try NPY.decode(Array(good.dropLast(1))) }
        #expect(throws: RetentionFormatError.self) { try NPY.decode(Array("not numpy".utf8)) }
        let fortran = Array(String(decoding: good, as: UTF8.self).replacingOccurrences(of: "False", with: "True ").utf8)
        #expect(throws: RetentionFormatError.self) { try NPY.decode(fortran) }
    }
}

func hex(_ bytes: [UInt8]) -> String {
    bytes.map { String(format: "%02x", $0) }.joined()
}
