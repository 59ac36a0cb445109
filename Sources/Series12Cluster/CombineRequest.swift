import Foundation
import Series12Retention
import Series12Sweep

/// A validated `series12 combine DIR --stamp S [--name NAME] [--kappas LIST] [--tasks-ended]
/// [--ascii]`.
public struct CombineRequest: Sendable, Equatable {
    public var directory: String
    public var stamp: String
    public var sweep: String
    /// The κs the sweep was submitted with (`--kappas`, else the plan file's); nil when
    /// neither is known (then only κs with files are reported).
    public var expected: [Double]?
    /// Every array task has ended (the dependent combine job says so): temporaries of the
    /// stamp are leftovers of killed tasks and are removed.
    public var tasksEnded: Bool
    public var ascii: Bool

    public init(directory: String, stamp: String, sweep: String, expected: [Double]?, tasksEnded: Bool, ascii: Bool) {
        self.directory = directory; self.stamp = stamp; self.sweep = sweep; self.expected = expected
        self.tasksEnded = tasksEnded; self.ascii = ascii
    }

    public static func parse(_ arguments: [String]) throws(UsageError) -> CombineRequest {
        let scan = try ArgumentScanner(arguments, options: ["stamp", "name", "kappas"], switches: ["tasks-ended", "ascii"],
                                       command: "combine")
        let (directory, stamp) = try scan.directoryAndStamp(command: "combine", stampHint: "the stamp in the archive names")
        if let name = scan.values["name"], !ArchiveNaming.isValidSweepName(name) {
            throw UsageError("--name '\(name)' may hold only letters, digits, '_' and '-'")
        }
        var expected: [Double]? = nil
        if let list = scan.values["kappas"] { expected = try SweepConfiguration.parseKappas(list) }
        try SweepConfiguration.checkOutputDirectory(directory)
        let sweep = try resolveSweep(directory: directory, stamp: stamp, name: scan.values["name"])
        if expected == nil {
            do { expected = try SlurmPlan.load(directory: directory, stamp: stamp, sweep: sweep)?.kappas } catch {
                throw UsageError("\(error)")
            }
        }
        return CombineRequest(directory: directory, stamp: stamp, sweep: sweep, expected: expected,
                              tasksEnded: scan.flags.contains("tasks-ended"), ascii: scan.flags.contains("ascii"))
    }

    /// The sweep name: `--name`, else the one name the stamp's task logs, plan file or tier-3
    /// summary carry. Fails when the directory holds nothing of the stamp, or several sweeps.
    static func resolveSweep(directory: String, stamp: String, name: String?) throws(UsageError) -> String {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let hasArchives = names.contains { ArchiveNaming.isTier2($0, stamp: stamp) && $0.hasPrefix("kappa_") }
        var found = Set(TaskLogs.find(in: directory, stamp: stamp).map(\.sweep))
        for n in names {
            if let sweep = ClusterFiles.sweepOfPlan(n, stamp: stamp) { found.insert(sweep) }
            let suffix = "_summary_\(stamp).tar"
            if n.hasSuffix(suffix), !ArchiveNaming.isTier2(n, stamp: stamp) { found.insert(String(n.dropLast(suffix.count))) }
        }
        guard hasArchives || !found.isEmpty else {
            throw UsageError("no archives or task logs of stamp \(stamp) in '\(directory)'; check the directory and --stamp")
        }
        if let name { return name }
        guard found.count <= 1 else {
            throw UsageError("'\(directory)' holds several sweeps of stamp \(stamp) (\(found.sorted().joined(separator: ", "))); pick one with --name")
        }
        return found.first ?? "sweep"
    }
}
