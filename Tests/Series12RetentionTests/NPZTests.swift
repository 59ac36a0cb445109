import Foundation
import Testing
@testable import Series12Retention

@Suite struct NPZTests {
    /// numpy reports, per array: dtype, shape and the SHA-256 of its raw little-endian bytes.
    static let describeNPZ = """
    import hashlib, sys, numpy as np
    with np.load(sys.argv[1], allow_pickle=False) as z:
        for k in sorted(z.files):
            a = z[k]
            print(k, a.dtype.str, list(a.shape), hashlib.sha256(np.ascontiguousarray(a).tobytes()).hexdigest())
    """

    /// Our own description of an array in the same format.
    static func describe(_ name: String, _ array: NPYArray) -> String {
        let raw: [UInt8]
        switch array.elements {
        case let .float64(v): raw = v.flatMap { word in (0..<8).map { UInt8(truncatingIfNeeded: word.bitPattern >> UInt64(8 * $0)) } }
        case let .int64(v): raw = v.flatMap { word in (0..<8).map { UInt8(truncatingIfNeeded: UInt64(bitPattern: word) >> UInt64(8 * $0)) } }
        }
        return "\(name) \(array.descr) \(array.shape) \(SHA256.hex(of: raw))"
    }

    @Test func historyNpzLoadsInNumpyWithTheSameValues() throws {
        var history = sampleHistory(samples: 7)
        history.H[6] = .nan
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write(try history.npzBytes(), to: "history.npz")
        let result = try python(Self.describeNPZ, [dir.file("history.npz")])
        #expect(result.status == 0, "\(result.stderr)")
        let expected = [("H", NPYArray.vector(history.H)), ("drift", .vector(history.drift)), ("dt", .vector(history.dt)),
                        ("dx", .vector(history.dx)), ("steps", .vector(history.steps)), ("t", .vector(history.t))]
            .map { Self.describe($0.0, $0.1) }
        #expect(result.stdout.split(separator: "\n").map(String.init) == expected)
    }

    @Test func fieldsNpzLoadsInNumpyAsNByNPlanesAndScalars() throws {
        let fields = sampleFields(n: 8)
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write(try fields.npzBytes(), to: "fields.npz")
        let result = try python(Self.describeNPZ, [dir.file("fields.npz")])
        #expect(result.status == 0, "\(result.stderr)")
        var expected = FieldsSnapshot.planeNames.enumerated().map { k, name in
            Self.describe(name, NPYArray(shape: [8, 8], elements: .float64(Array(fields.planes[(64 * k)..<(64 * k + 64)]))))
        }
        expected += [Self.describe("step", .scalar(fields.step)), Self.describe("t", .scalar(fields.t))]
        #expect(result.stdout.split(separator: "\n").map(String.init) == expected.sorted())
    }

    @Test func historyAndFieldsDecodeBackBitForBit() throws {
        var history = sampleHistory(samples: 41)
        history.drift[3] = .infinity
        let back = try History(npz: try history.npzBytes())
        #expect(back.steps == history.steps)
        #expect(back.H.map(\.bitPattern) == history.H.map(\.bitPattern))
        #expect(back.drift.map(\.bitPattern) == history.drift.map(\.bitPattern))
        #expect(back.t == history.t && back.dx == history.dx && back.dt == history.dt)
        let fields = sampleFields(n: 16)
        #expect(try FieldsSnapshot(npz: try fields.npzBytes()) == fields)
    }

    @Test func npzWrittenByNumpySavezIsReadByOurDecoder() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let script = """
        import sys, numpy as np
        np.savez(sys.argv[1], steps=np.array([0, 500, 1000], dtype=np.int64), H=np.array([1.0, float('nan'), 0.1]),
                 Uxx=np.arange(4.0).reshape(2, 2) / 3, step=np.int64(1000), t=np.float64(0.25))
        """
        let result = try python(script, [dir.file("saved.npz")])
        #expect(result.status == 0, "\(result.stderr)")
        let arrays = try NPZ.decode(try dir.read("saved.npz"))
        #expect(arrays["steps"] == .vector([0, 500, 1000] as [Int64]))
        #expect(arrays["H"] == .vector([1.0, .nan, 0.1]))
        #expect(arrays["Uxx"] == NPYArray(shape: [2, 2], elements: .float64([0, 1.0 / 3, 2.0 / 3, 1])))
        #expect(arrays["step"] == .scalar(Int64(1000)))
        #expect(arrays["t"] == .scalar(0.25))
    }

    @Test func npzIsAStoredZipWithNpyMembers() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write(try sampleHistory().npzBytes(), to: "h.npz")
        let script = """
        import sys, zipfile
        with zipfile.ZipFile(sys.argv[1]) as z:
            for i in z.infolist(): print(i.filename, i.compress_type == zipfile.ZIP_STORED)
        """
        let result = try python(script, [dir.file("h.npz")])
        #expect(result.stdout == "steps.npy True\nt.npy True\nH.npy True\ndrift.npy True\ndx.npy True\ndt.npy True\n")
    }

    @Test func historyNpzLackingAnArrayIsRejected() throws {
        let bytes = try NPZ.encode([("steps", .vector([0] as [Int64])), ("t", .vector([0.0]))])
        #expect(throws: RetentionFormatError.self) { try History(npz: bytes) }
    }
}
