import CCrypto

/// SHA-256 for the tier-3 manifest and `verify`, computed by libcrypto (OpenSSL), which uses
/// the CPU's SHA extensions where present: the manifest hashes every tier-2 file of a stamp
/// each time tier 3 is rewritten, 48 MB per κ at N = 1024.
///
/// Incremental: `update` any number of times, then `finalize` once. `SHA256.hex(of:)` is the
/// one-shot form that the manifest writes (lower-case hex, 64 characters).
public struct SHA256: ~Copyable {
    private let context: OpaquePointer

    public init() {
        // Allocation or initialisation fails only when the process is out of memory, or the
        // library is broken: neither is an error a caller could handle.
        guard let context = EVP_MD_CTX_new(), EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else {
            fatalError("libcrypto cannot start a SHA-256 digest")
        }
        self.context = context
    }

    deinit { EVP_MD_CTX_free(context) }

    /// Lower-case hex digest of `bytes`.
    public static func hex(of bytes: [UInt8]) -> String {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalizeHex()
    }

    /// Feeds more message bytes.
    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Feeds more message bytes from memory the caller owns.
    public mutating func update(_ raw: UnsafeRawBufferPointer) {
        guard raw.count > 0, EVP_DigestUpdate(context, raw.baseAddress, raw.count) == 1 else { return }
    }

    /// The 32-byte digest. Call once.
    public consuming func finalize() -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        guard EVP_DigestFinal_ex(context, &digest, &length) == 1 else { fatalError("libcrypto cannot finish a SHA-256 digest") }
        return Array(digest.prefix(Int(length)))
    }

    /// The digest as 64 lower-case hex characters.
    public consuming func finalizeHex() -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in finalize() {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
