/// How `source` cells along one axis fall into `target` blocks for block averaging.
///
/// Block `p` covers cells `⌊p·source/target⌋ ..< ⌊(p+1)·source/target⌋`: the blocks tile the
/// axis without gaps or overlap and differ in size by at most one cell. With `target ≥ source`
/// (no down-sampling) block `p` is the single cell `⌊p·source/target⌋`, each cell repeated
/// `target/source` times (rounded down or up).
public struct BlockPartition: Sendable, Equatable {
    public let source: Int
    public let target: Int

    public init(source: Int, target: Int) {
        precondition(source > 0 && target > 0, "a partition needs cells and blocks")
        self.source = source
        self.target = target
    }

    /// The cells of block `p`, never empty.
    @inlinable public func cells(of p: Int) -> Range<Int> {
        if target >= source {
            let c = p * source / target
            return c..<(c + 1)
        }
        return (p * source / target)..<((p + 1) * source / target)
    }

    /// The block cell `c` belongs to (down-sampling only: `target ≤ source`).
    public func block(of c: Int) -> Int {
        precondition(target <= source, "block(of:) is for down-sampling")
        // The largest p with ⌊p·source/target⌋ ≤ c.
        return ((c + 1) * target - 1) / source
    }
}
