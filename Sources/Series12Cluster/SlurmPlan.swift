import Foundation
import Series12Retention

/// What `series12 slurm submit` put in the queue, saved as `{sweep}_slurm_{stamp}.json` in the
/// output directory so that `series12 watch` knows every κ — also those whose task has not
/// started — and which array task runs it (task i runs `kappas[i]`).
public struct SlurmPlan: Sendable, Equatable {
    public var sweep: String
    public var stamp: String
    /// κ as given on the command line (`0.1`), in task order: exactly what each task is passed.
    public var kappaTexts: [String]
    public var n: Int
    public var length: Double
    public var steps: Int
    public var every: Int
    /// The array job's id (`123`); its tasks are `123_0`, `123_1`, …
    public var arrayJob: String
    /// The dependent combine job's id, nil when its submission failed.
    public var combineJob: String?
    /// Seconds since 1970 when the jobs were submitted.
    public var submitted: Double
    /// The program the tasks run (absolute path).
    public var binary: String

    public init(sweep: String, stamp: String, kappaTexts: [String], n: Int, length: Double, steps: Int, every: Int,
                arrayJob: String, combineJob: String?, submitted: Double, binary: String) {
        self.sweep = sweep; self.stamp = stamp; self.kappaTexts = kappaTexts; self.n = n; self.length = length
        self.steps = steps; self.every = every; self.arrayJob = arrayJob; self.combineJob = combineJob
        self.submitted = submitted; self.binary = binary
    }

    /// The κ values, task by task.
    public var kappas: [Double] { kappaTexts.map { Double($0) ?? .nan } }

    /// `123_4`: the array task running κ number `index`.
    public func taskID(_ index: Int) -> String { "\(arrayJob)_\(index)" }

    public var json: JSONValue {
        .object([
            ("sweep", .string(sweep)), ("stamp", .string(stamp)),
            ("kappas", .array(kappaTexts.map { .string($0) })),
            ("N", .int(Int64(n))), ("L", .number(length)), ("steps", .int(Int64(steps))), ("every", .int(Int64(every))),
            ("array_job", .string(arrayJob)), ("combine_job", combineJob.map { .string($0) } ?? .null),
            ("submitted", .number(submitted)), ("binary", .string(binary)),
        ])
    }

    public init(json: JSONValue) throws(RecordDecodingError) {
        let read = JSONFieldReader(document: "slurm plan", value: json)
        guard let items = json["kappas"]?.arrayValue, !items.isEmpty else {
            throw RecordDecodingError(document: "slurm plan", key: "kappas", expected: "a non-empty array of strings")
        }
        var texts: [String] = []
        for item in items {
            guard let text = item.stringValue, Double(text) != nil else {
                throw RecordDecodingError(document: "slurm plan", key: "kappas", expected: "a non-empty array of strings")
            }
            texts.append(text)
        }
        self.init(sweep: try read.string("sweep"), stamp: try read.string("stamp"), kappaTexts: texts,
                  n: try read.int("N"), length: try read.double("L"), steps: try read.int("steps"),
                  every: try read.int("every"), arrayJob: try read.string("array_job"),
                  combineJob: json["combine_job"]?.stringValue, submitted: try read.double("submitted"),
                  binary: try read.string("binary"))
    }

    /// Writes the plan atomically into `directory`.
    public func write(to directory: String) -> ArchiveOutcome {
        AtomicArchive().writeFile(bytes: json.fileBytes(), to: ClusterFiles.plan(sweep: sweep, stamp: stamp),
                                  in: directory, stamp: stamp)
    }

    /// The plan of `stamp` in `directory` (of sweep `sweep` when given); nil when there is none.
    /// Throws when one is there but unreadable.
    public static func load(directory: String, stamp: String, sweep: String?) throws(SlurmPlanError) -> SlurmPlan? {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
        let plans = names.filter { name in
            ClusterFiles.sweepOfPlan(name, stamp: stamp).map { sweep == nil || $0 == sweep } ?? false
        }
        guard let name = plans.first else { return nil }
        guard plans.count == 1 else {
            throw SlurmPlanError("\(directory) holds \(plans.count) cluster sweeps of stamp \(stamp) (\(plans.joined(separator: ", "))); pick one with --name")
        }
        do {
            guard let data = FileManager.default.contents(atPath: directory + "/" + name) else {
                throw SlurmPlanError(String(cString: strerror(errno)))
            }
            return try SlurmPlan(json: try JSONValue(parsing: [UInt8](data)))
        } catch {
            throw SlurmPlanError("\(name) cannot be read (\(error)); pass --job ID to watch without it")
        }
    }
}

/// A plan file that is there but unusable, or ambiguous.
public struct SlurmPlanError: Error, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
