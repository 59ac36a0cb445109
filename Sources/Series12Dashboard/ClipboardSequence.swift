import Foundation

/// OSC 52 — the escape sequence that asks a terminal to put text on the system clipboard:
/// `ESC ] 52 ; c ; <base64 of the text> BEL`. Works over ssh; inside tmux it must be wrapped
/// in a passthrough (`ESC P tmux; … ESC \`, every ESC of the inner sequence doubled).
///
/// Terminals limit how much they accept (xterm about 100 kB of base64), so at most the last
/// `cap` bytes of the text are sent, starting at a line boundary.
struct ClipboardSequence: Equatable, Sendable {
    /// What goes to the terminal.
    var bytes: [UInt8]
    /// Lines and bytes of the text actually put on the clipboard.
    var copiedLines: Int
    var copiedBytes: Int
    /// Size of the whole text before capping.
    var totalBytes: Int
    var isCapped: Bool { copiedBytes < totalBytes }

    static let defaultCap = 64 * 1024
    static let escape: UInt8 = 0x1b
    static let bell: UInt8 = 0x07

    /// - Parameters:
    ///   - insideTmux: `$TMUX` is set. The passthrough-wrapped form is sent first (reaches the
    ///     outer terminal when tmux has `allow-passthrough on`), then the plain form (tmux puts
    ///     it into its paste buffer and forwards it when `set-clipboard on`).
    init(text: String, insideTmux: Bool, cap: Int = defaultCap) {
        let all = Array(text.utf8)
        let payload = Self.tail(all, maxBytes: cap)
        totalBytes = all.count
        copiedBytes = payload.count
        copiedLines = payload.reduce(0) { $1 == 0x0a ? $0 + 1 : $0 }
            + (payload.last.map { $0 == 0x0a ? 0 : 1 } ?? 0)
        let plain = Self.osc52(payload)
        bytes = insideTmux ? Self.tmuxPassthrough(plain) + plain : plain
    }

    /// `ESC ] 52 ; c ; base64 BEL` for `payload`.
    static func osc52(_ payload: [UInt8]) -> [UInt8] {
        [escape] + Array("]52;c;".utf8) + Array(Data(payload).base64EncodedString().utf8) + [bell]
    }

    /// `sequence` wrapped for tmux: `ESC P tmux;` + sequence with each ESC doubled + `ESC \`.
    static func tmuxPassthrough(_ sequence: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [escape] + Array("Ptmux;".utf8)
        for b in sequence {
            if b == escape { out.append(escape) }
            out.append(b)
        }
        return out + [escape, UInt8(ascii: "\\")]
    }

    /// The last `maxBytes` bytes of `text`, moved forward to the start of a line (or, for one
    /// huge line, of a UTF-8 character) so the clipboard never starts mid-line or mid-character.
    static func tail(_ text: [UInt8], maxBytes: Int) -> [UInt8] {
        guard text.count > maxBytes else { return text }
        var start = text.count - max(0, maxBytes)
        if text[start - 1] != 0x0a {
            if let newline = text[start...].firstIndex(of: 0x0a), newline + 1 < text.count {
                start = newline + 1
            } else {
                while start < text.count, text[start] & 0xc0 == 0x80 { start += 1 }
            }
        }
        return Array(text[start...])
    }
}
