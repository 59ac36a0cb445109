/// The tier-1 lines found in a piece of text: a log file, or a terminal screen pasted by hand.
///
/// A paste is not a log. It carries prompts, tracebacks and pane borders (`│ `), terminal
/// escape sequences, CRLF line ends, lines the terminal wrapped at its width (one tier-1 line
/// in two or more physical lines), and a last line cut where the selection stopped. This reader
/// keeps every line `LogLine.parse` accepts, rejoins wrapped pieces, and notes what it drops.
///
/// Rejoining: a line that starts like a tier-1 line but does not parse is joined with up to three
/// following lines (directly, or with one space where the terminal trimmed a trailing blank)
/// when none of them parses alone and the join does. A line that parses alone is still joined
/// with the next one when the join parses too and the first piece is exactly as wide as the
/// wraps seen elsewhere in the text, or the next piece is only digits: a `Run` line cut inside
/// `every=` is the one tier-1 line that also parses when cut.
public struct RecoveryTranscript: Sendable {
    /// One tier-1 line and the (1-based) physical line it starts on.
    public struct Entry: Sendable, Equatable {
        public var line: Int
        public var logLine: LogLine
    }

    public private(set) var entries: [Entry] = []
    public private(set) var notes: [RecoveryNote] = []
    /// Physical lines rejoined into a longer tier-1 line.
    public private(set) var rejoined = 0

    public init(text: String) {
        let physical = Self.physicalLines(text)
        let cleaned = physical.map { Self.clean($0.text) }
        let width = Self.wrapWidth(physical.map(\.text), cleaned)
        let lastUsed = cleaned.lastIndex { !$0.isEmpty }
        var i = 0
        while i < cleaned.count {
            let piece = cleaned[i]
            defer { i += 1 }
            guard !piece.isEmpty else { continue }
            if let alone = LogLine.parse(piece) {
                if let (joined, used) = Self.join(cleaned, at: i, maxPieces: 1), joined != alone,
                   Self.columns(physical[i].text) == width || cleaned[i + 1].allSatisfy(Self.isDigit) {
                    entries.append(Entry(line: physical[i].number, logLine: joined))
                    rejoined += used
                    i += used
                } else {
                    entries.append(Entry(line: physical[i].number, logLine: alone))
                }
                continue
            }
            guard Self.startsTier1(piece) else { continue }
            if let (joined, used) = Self.join(cleaned, at: i, maxPieces: 3) {
                entries.append(Entry(line: physical[i].number, logLine: joined))
                rejoined += used
                i += used
            } else if i == lastUsed {
                notes.append(.truncatedLastLine(line: physical[i].number, text: piece))
            } else {
                notes.append(.unreadableLine(line: physical[i].number, text: piece))
            }
        }
    }

    /// Lines split at LF, CRLF (one `Character` in Swift, so splitting at `"\n"` alone would
    /// miss it) and a lone CR (a progress overwrite), numbered from 1.
    static func physicalLines(_ text: String) -> [(number: Int, text: String)] {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .enumerated().map { ($0.offset + 1, String($0.element)) }
    }

    /// The tier-1 text of a physical line: escape sequences removed, anything before the
    /// `Run`/`Step`/`Done` keyword (prompts, borders) and from the first box-drawing character
    /// on (a right border or a neighbouring pane) dropped. A continuation piece loses its
    /// leading border and blanks.
    static func clean(_ raw: String) -> String {
        var s = Substring(stripEscapes(raw))
        if let start = keywordStart(s) {
            s = s[start...]
        } else {
            s = s.drop { isBorder($0) || $0.isWhitespace }
        }
        if let border = s.firstIndex(where: isBorder) { s = s[..<border] }
        return s.trimmingCharacters(in: .whitespaces)
    }

    /// Joins `lines[i]` with the next 1…`maxPieces` lines; returns the parse and how many
    /// following lines it used. Each continuation must be non-empty, not parse alone and not
    /// start a tier-1 line itself.
    static func join(_ lines: [String], at i: Int, maxPieces: Int) -> (LogLine, Int)? {
        var candidates = [lines[i]]
        for k in 1...maxPieces {
            guard i + k < lines.count else { return nil }
            let next = lines[i + k]
            guard !next.isEmpty, !startsTier1(next), LogLine.parse(next) == nil else { return nil }
            candidates = candidates.flatMap { [$0 + next, $0 + " " + next] }
            for candidate in candidates {
                if let parsed = LogLine.parse(candidate) { return (parsed, k) }
            }
        }
        return nil
    }

    /// The terminal width the text was wrapped at: the most common width of a physical line
    /// that is the first piece of a rejoined tier-1 line; nil when nothing was wrapped.
    static func wrapWidth(_ physical: [String], _ cleaned: [String]) -> Int? {
        var counts: [Int: Int] = [:]
        for i in cleaned.indices where startsTier1(cleaned[i]) && LogLine.parse(cleaned[i]) == nil {
            if join(cleaned, at: i, maxPieces: 1) != nil { counts[columns(physical[i]), default: 0] += 1 }
        }
        return counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key
    }

    /// Terminal columns of a physical line (trailing blanks are often trimmed by a copy).
    static func columns(_ line: String) -> Int {
        var s = Substring(stripEscapes(line))
        while let last = s.last, last.isWhitespace { s = s.dropLast() }
        return s.count
    }

    /// True when `s` holds the start of a `Run {digits}`, `Step {digits}` or `Done kappa=` line.
    static func startsTier1(_ s: String) -> Bool { keywordStart(Substring(s)) != nil }

    static func keywordStart(_ s: Substring) -> Substring.Index? {
        var best: Substring.Index?
        for (keyword, needsDigit) in [("Run ", true), ("Step ", true), ("Done kappa=", false)] {
            var from = s.startIndex
            while let r = s[from...].range(of: keyword) {
                if !needsDigit || s[r.upperBound...].first.map(isDigit) == true {
                    if best.map({ r.lowerBound < $0 }) ?? true { best = r.lowerBound }
                    break
                }
                from = r.upperBound
            }
        }
        return best
    }

    static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }

    /// Box drawing and block elements (U+2500–U+259F): pane borders, never in a tier-1 line.
    static func isBorder(_ c: Character) -> Bool {
        c.unicodeScalars.contains { (0x2500...0x259F).contains($0.value) }
    }

    /// Removes ANSI CSI (`ESC [ … letter`) and OSC (`ESC ] … BEL`) sequences.
    static func stripEscapes(_ s: String) -> String {
        guard s.contains("\u{1B}") else { return s }
        var out = ""
        var scalars = s.unicodeScalars.makeIterator()
        while let c = scalars.next() {
            guard c == "\u{1B}" else { out.unicodeScalars.append(c); continue }
            guard let kind = scalars.next() else { break }
            if kind == "[" {
                while let d = scalars.next(), !(0x40...0x7E).contains(d.value) {}
            } else if kind == "]" {
                while let d = scalars.next(), d != "\u{07}", d != "\u{1B}" {}
            }
        }
        return out
    }
}
