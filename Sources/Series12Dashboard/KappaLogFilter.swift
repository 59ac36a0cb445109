import Series12Sweep

/// Picks the tier-1 lines of one κ (SPEC §3): lines carrying `kappa={k4}` (`Run`, `Step`,
/// `Done`) and the archive lines naming a file with the κ tag `kappa_{kt}_` (`📦`, `📄`, `❌`).
struct KappaLogFilter: Equatable, Sendable {
    static func == (a: KappaLogFilter, b: KappaLogFilter) -> Bool { a.field == b.field && a.tag == b.tag }

    let kappa: Double
    /// `kappa=0.1000`
    let field: String
    /// `kappa_0_1000_`
    let tag: String

    /// How the pane's title names what is shown (`κ=0.1000`, `test2 hamiltonian`).
    let title: String?

    init(kappa: Double) {
        self.kappa = kappa
        field = "kappa=" + Format.kappa(kappa)
        tag = "kappa_" + Format.kappaTag(kappa) + "_"
        title = nil
    }

    /// The lines of a validation row labelled `{n} name`: the `Test {n} …` line and the
    /// `test{n}_…` archive lines.
    init?(label: String) {
        guard let n = Int(label.prefix { $0.isNumber }) else { return nil }
        kappa = .nan
        field = "Test \(n)"
        tag = "test\(n)_"
        title = "test " + label
    }

    /// The filter for a table row.
    static func forRun(_ run: RunSnapshot) -> KappaLogFilter {
        run.label.flatMap(KappaLogFilter.init(label:)) ?? KappaLogFilter(kappa: run.kappa)
    }

    /// True when `line` belongs to this κ. `kappa=0.1000` must not be followed by a digit
    /// (a longer number is another κ), and must not be preceded by a letter or digit.
    func matches(_ line: String) -> Bool {
        Self.contains(line, field, digitMayFollow: false) || Self.contains(line, tag, digitMayFollow: true)
    }

    private static func contains(_ line: String, _ needle: String, digitMayFollow: Bool) -> Bool {
        let hay = Array(line.utf8)
        let pin = Array(needle.utf8)
        guard pin.count <= hay.count, let first = pin.first else { return false }
        var i = 0
        while i + pin.count <= hay.count {
            if hay[i] == first, hay[i..<(i + pin.count)].elementsEqual(pin) {
                let before = i > 0 ? hay[i - 1] : UInt8(ascii: " ")
                let after = i + pin.count < hay.count ? hay[i + pin.count] : UInt8(ascii: " ")
                let boundaryBefore = !isWordByte(before)
                let boundaryAfter = digitMayFollow || !isDigit(after)
                if boundaryBefore && boundaryAfter { return true }
            }
            i += 1
        }
        return false
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    private static func isWordByte(_ b: UInt8) -> Bool {
        isDigit(b) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b == UInt8(ascii: "_")
    }
}
