import Foundation
import Testing
@testable import Series12Dashboard

@Suite struct ClipboardSequenceTests {
    func string(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test func plainSequenceIsOSC52WithBase64AndBell() {
        let seq = ClipboardSequence(text: "hello\n", insideTmux: false)
        #expect(string(seq.bytes) == "\u{1b}]52;c;aGVsbG8K\u{07}")
        #expect(seq.copiedLines == 1)
        #expect(!seq.isCapped)
    }

    @Test func base64RoundTripsUTF8Text() throws {
        let text = "Step 0 | H: 1.0e+00 | Baseline | kappa=0.1000\n  📦 kappa_0_1000_data_x.tar created (1 bytes)\n"
        let seq = ClipboardSequence(text: text, insideTmux: false)
        let s = string(seq.bytes)
        #expect(s.hasPrefix("\u{1b}]52;c;") && s.hasSuffix("\u{07}"))
        let payload = String(s.dropFirst(7).dropLast())
        let decoded = try #require(Data(base64Encoded: payload))
        #expect(String(decoding: decoded, as: UTF8.self) == text)
        #expect(payload.allSatisfy { $0.isLetter || $0.isNumber || "+/=".contains($0) })
    }

    @Test func tmuxWrapDoublesEveryEscapeAndEndsWithST() {
        let inner = ClipboardSequence.osc52(Array("hi".utf8))
        let wrapped = ClipboardSequence.tmuxPassthrough(inner)
        #expect(string(wrapped) == "\u{1b}Ptmux;\u{1b}\u{1b}]52;c;aGk=\u{07}\u{1b}\\")
        let seq = ClipboardSequence(text: "hi", insideTmux: true)
        #expect(seq.bytes == wrapped + inner)
    }

    @Test func bigLogsAreCappedToTheirTailAtALineStart() {
        let lines = (0..<10_000).map { String(format: "Step %05d | H: 1.00000000e+00 | Drift: 1.0000e-09 | kappa=0.1000", $0) }
        let text = lines.map { $0 + "\n" }.joined()
        let seq = ClipboardSequence(text: text, insideTmux: false, cap: 64 * 1024)
        #expect(seq.isCapped)
        #expect(seq.totalBytes == text.utf8.count)
        #expect(seq.copiedBytes <= 64 * 1024)
        #expect(seq.copiedBytes > 64 * 1024 - 100)
        let payload = String(string(seq.bytes).dropFirst(7).dropLast())
        let decoded = String(decoding: Data(base64Encoded: payload) ?? Data(), as: UTF8.self)
        #expect(decoded.hasPrefix("Step "))
        #expect(decoded.hasSuffix("Step 09999 | H: 1.00000000e+00 | Drift: 1.0000e-09 | kappa=0.1000\n"))
        #expect(text.hasSuffix(decoded))
        #expect(seq.copiedLines == decoded.split(separator: "\n").count)
    }

    @Test func capNeverSplitsAUTF8Character() {
        let text = String(repeating: "📦", count: 100)  // one line, 400 bytes
        let tail = ClipboardSequence.tail(Array(text.utf8), maxBytes: 99)
        #expect(tail.count == 96)
        #expect(String(validating: tail, as: UTF8.self) != nil)
    }
}
