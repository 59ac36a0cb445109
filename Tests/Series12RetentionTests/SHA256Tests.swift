import Foundation
import Testing
@testable import Series12Retention

@Suite struct SHA256Tests {
    @Test func emptyInputHashesToTheKnownVector() {
        #expect(SHA256.hex(of: [UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func abcHashesToTheKnownVector() {
        #expect(SHA256.hex(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func twoBlockMessageHashesToTheKnownVector() {
        let message = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
        #expect(SHA256.hex(of: Array(message.utf8)) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func oneMegabyteMatchesPythonHashlib() throws {
        let buffer = (0..<1_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write(buffer, to: "buffer.bin")
        let result = try python("import hashlib,sys; print(hashlib.sha256(open(sys.argv[1],'rb').read()).hexdigest())",
                                [dir.file("buffer.bin")])
        #expect(result.status == 0)
        #expect(SHA256.hex(of: buffer) == result.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test func incrementalUpdatesInOddChunksEqualTheOneShotDigest() {
        let buffer = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        var hasher = SHA256()
        var start = 0
        for size in [1, 63, 64, 65, 127, 1000, 3] where start < buffer.count {
            hasher.update(Array(buffer[start..<min(buffer.count, start + size)]))
            start += size
        }
        hasher.update(Array(buffer[start...]))
        #expect(hasher.finalizeHex() == SHA256.hex(of: buffer))
    }
}
