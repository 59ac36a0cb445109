/// What the dashboard's field view can colour: the invariant `U:U` and `|P|²` or one
/// component of U (SPEC §1: U and P are symmetric 2×2 tensors stored as xx, xy, yy).
public enum FieldQuantity: Int, CaseIterable, Sendable {
    /// `U:U = Uxx² + 2Uxy² + Uyy²`, the contraction that enters the κ term and the stable step.
    case contraction
    case uxx
    case uxy
    case uyy
    /// `|P|² = Pxx² + 2Pxy² + Pyy²`, twice the kinetic energy density.
    case momentumSquared

    /// Short name: `U:U`, `Uxx`, `Uxy`, `Uyy`, `|P|²` (`|P|^2` in ASCII).
    public func symbol(ascii: Bool) -> String {
        switch self {
        case .contraction: return "U:U"
        case .uxx: return "Uxx"
        case .uxy: return "Uxy"
        case .uyy: return "Uyy"
        case .momentumSquared: return ascii ? "|P|^2" : "|P|²"
        }
    }

    /// The symbol with its definition where it has one: `U:U = Uxx²+2Uxy²+Uyy²`.
    public func definition(ascii: Bool) -> String {
        let two = ascii ? "^2" : "²"
        switch self {
        case .contraction: return "U:U = Uxx\(two)+2Uxy\(two)+Uyy\(two)"
        case .momentumSquared: return "|P|\(two) = Pxx\(two)+2Pxy\(two)+Pyy\(two)"
        default: return symbol(ascii: ascii)
        }
    }

    /// The next quantity in the `c` cycle (U:U → Uxx → Uxy → Uyy → |P|² → U:U).
    public var next: FieldQuantity {
        FieldQuantity(rawValue: (rawValue + 1) % Self.allCases.count) ?? .contraction
    }
}
