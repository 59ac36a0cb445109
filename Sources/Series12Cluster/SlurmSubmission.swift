import Foundation
import Series12Retention
import Series12Sweep

/// A validated `series12 slurm submit`: the sweep, split into one Slurm array task per κ, and
/// the two batch scripts that run it — the array (each task a headless `series12 sweep --task`
/// of one κ, all sharing one stamp and one output directory) and the combine job that builds
/// tier 3 once every task has ended.
///
/// Every task is passed exactly the options the user gave (the κ as typed), so each κ steps
/// through the same numbers, bit for bit, as in a single-machine sweep with those options.
public struct SlurmSubmission: Sendable {
    /// The sweep as a whole (output directory made absolute).
    public var configuration: SweepConfiguration
    public var stamp: String
    /// κ as typed (`0.1`), task by task.
    public var kappaTexts: [String]
    /// The physics and retention options each task gets (`--N`, `64`, …), in a fixed order.
    public var taskOptions: [String]
    public var partition: String?
    public var time: String?
    /// `--sbatch-arg` values, in order; each becomes one `#SBATCH` line of both scripts.
    public var sbatchArguments: [String]
    public var dryRun: Bool
    /// The command line as typed, for the scripts' header.
    public var commandLine: [String]

    /// Options passed through to every task as given.
    static let passedThrough = ["N", "steps", "every", "L", "c", "cfl", "dt", "checkpoint-every", "blowup"]
    /// `--sbatch-arg` options the scripts set themselves.
    static let reservedSbatch = ["--array", "-a", "--output", "-o", "--error", "-e", "--dependency", "-d",
                                 "--parsable", "--wrap", "--ntasks", "-n"]

    /// Parses and checks `series12 slurm submit` arguments. Nothing is touched.
    /// - Parameter freshStamp: picks a stamp unused in the output directory when `--stamp`
    ///   is not given.
    public static func parse(_ arguments: [String], freshStamp: (String) -> String) throws(UsageError) -> SlurmSubmission {
        for (name, why) in [("jobs", "each array task runs one κ on one core"),
                            ("theme", "the tasks run headless; pass --theme to 'series12 watch'"),
                            ("headless", "the tasks always run headless"),
                            ("task", "the batch script passes it to each task")] {
            if arguments.contains(where: { $0 == "--\(name)" || $0.hasPrefix("--\(name)=") }) {
                throw UsageError("--\(name) does not apply to 'series12 slurm submit' (\(why)); leave it out")
            }
        }
        let options = SweepConfiguration.optionNames.subtracting(["jobs", "theme"]).union(["partition", "time", "sbatch-arg"])
        let scan = try ArgumentScanner(arguments, options: options, switches: ["ascii", "dry-run"], command: "slurm submit")
        if let extra = scan.positionals.first {
            throw UsageError("unexpected argument '\(extra)' for 'series12 slurm submit'; options start with --")
        }
        var sweepArguments: [String] = []
        for name in SweepConfiguration.optionNames.subtracting(["jobs", "theme"]).sorted() {
            if let value = scan.values[name] { sweepArguments.append("--\(name)=\(value)") }
        }
        if scan.flags.contains("ascii") { sweepArguments.append("--ascii") }
        var config = try SweepConfiguration.parse(sweepArguments, checkMemory: false)
        config.jobs = 1
        config.headless = true
        config.outputDirectory = try absoluteDirectory(config.outputDirectory)

        let kappaTexts = (scan.values["kappas"] ?? "0.1,0.5,1,2,5")
            .split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        var taskOptions: [String] = []
        for name in passedThrough {
            if let value = scan.values[name] { taskOptions += ["--\(name)", value] }
        }
        if config.ascii { taskOptions.append("--ascii") }

        let partition = scan.values["partition"]
        if let partition, partition.isEmpty || !partition.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_.,-".contains($0)) }) {
            throw UsageError("--partition '\(partition)' is not a partition name (letters, digits, '_', '.', ',' and '-'); see 'sinfo'")
        }
        let time = scan.values["time"]
        if let time, !isSlurmTime(time) {
            throw UsageError("--time '\(time)' is not a Slurm time limit: give minutes, MM:SS, HH:MM:SS, D-HH, D-HH:MM or D-HH:MM:SS")
        }
        let sbatch = scan.repeated["sbatch-arg"] ?? []
        for arg in sbatch {
            guard arg.hasPrefix("-"), !arg.contains(where: { $0.isNewline || ($0.asciiValue.map { $0 < 0x20 } ?? false) }) else {
                let shown = arg.unicodeScalars.map { $0.value < 0x20 ? $0.escaped(asASCII: true) : String($0) }.joined()
                throw UsageError("--sbatch-arg '\(shown)' must be one sbatch option on one line, e.g. --sbatch-arg=--mem=8G")
            }
            let flag = String(arg.prefix { $0 != "=" && $0 != " " })
            if reservedSbatch.contains(flag) {
                throw UsageError("--sbatch-arg \(flag) is set by series12 itself (one array task per κ, outputs beside the archives); leave it out")
            }
        }
        let stamp: String
        if let given = config.stamp {
            stamp = given
            let taken = ((try? FileManager.default.contentsOfDirectory(atPath: config.outputDirectory)) ?? [])
                .filter { ArchiveNaming.belongs($0, to: given) }
            if let first = taken.sorted().first {
                throw UsageError("'\(config.outputDirectory)' already holds files of stamp \(given) (\(first)); choose another --stamp or --out")
            }
        } else {
            stamp = freshStamp(config.outputDirectory)
        }
        config.stamp = stamp
        return SlurmSubmission(configuration: config, stamp: stamp, kappaTexts: kappaTexts, taskOptions: taskOptions,
                               partition: partition, time: time, sbatchArguments: sbatch,
                               dryRun: scan.flags.contains("dry-run"),
                               commandLine: ["series12", "slurm", "submit"] + arguments.filter { $0 != "--dry-run" })
    }

    /// `minutes`, `MM:SS`, `HH:MM:SS`, `D-HH`, `D-HH:MM`, `D-HH:MM:SS`.
    static func isSlurmTime(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return false }
        if parts.count == 2 && !(parts[0].allSatisfy(\.isASCIIDigitCharacter) && !parts[0].isEmpty) { return false }
        let clock = parts.last.map { $0.split(separator: ":", omittingEmptySubsequences: false) } ?? []
        guard (1...3).contains(clock.count) else { return false }
        return clock.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigitCharacter) }
    }

    /// The directory as an absolute path without symlinks (the tasks run elsewhere, in another
    /// working directory); it must be writable into `#SBATCH` lines (no blanks or quotes).
    static func absoluteDirectory(_ path: String) throws(UsageError) -> String {
        guard let resolved = realpath(path, nil) else {
            throw UsageError("output directory '\(path)' cannot be resolved (\(String(cString: strerror(errno))))")
        }
        defer { free(resolved) }
        let absolute = String(cString: resolved)
        if absolute.contains(where: { $0.isWhitespace || "'\"\\$`#%".contains($0) }) {
            throw UsageError("output directory '\(absolute)' holds a blank, quote or one of $`#%\\; Slurm's #SBATCH --output lines cannot carry it — choose another --out")
        }
        return absolute
    }

    public var sweep: String { configuration.name }
    public var directory: String { configuration.outputDirectory }

    /// Fields of one running κ in MiB (`48 N²` bytes, SPEC §2).
    var fieldsMiB: Int { Int((48.0 * Double(configuration.n) * Double(configuration.n) / 1_048_576).rounded(.up)) }

    /// The job-array batch script.
    public func arrayScript(binary: String, version: String) -> String {
        let log = ArchiveNaming.taskLog(sweep: sweep, kappa: 0, stamp: stamp).replacingOccurrences(of: "0_0000", with: "{kt}")
        var lines = [
            "#!/bin/bash",
            "# series12 \(version): sweep '\(sweep)', stamp \(stamp), one Slurm array task per κ.",
            "# Submitted with: \(commandLine.map(Self.shellWord).joined(separator: " "))",
            "#",
            "# Task i runs κ = KAPPAS[i] as the same headless sweep a single machine would run, so",
            "# its history is bit for bit the one 'series12 sweep' gives. Each task writes its",
            "# archives kappa_{kt}_{data,history,summary,fields}_\(stamp).tar and its own tier-1",
            "# log \(log) into",
            "# \(directory) (every node must see it); the dependent job",
            "# \(ClusterFiles.combineScript(sweep: sweep, stamp: stamp)) builds the tier-3 summary afterwards.",
            "# A task's grid holds about \(fieldsMiB) MiB of fields; if your cluster's default memory per",
            "# task is smaller, resubmit with --sbatch-arg=--mem=…",
            "#SBATCH --job-name=s12-\(sweep)",
            "#SBATCH --array=0-\(kappaTexts.count - 1)",
            "#SBATCH --ntasks=1",
            "#SBATCH --cpus-per-task=1",
            "#SBATCH --output=\(directory)/\(ClusterFiles.taskOutputPattern(sweep: sweep, stamp: stamp))",
        ]
        lines += directives()
        lines += [
            "",
            "KAPPAS=(\(kappaTexts.map(Self.shellWord).joined(separator: " ")))",
            "KAPPA=${KAPPAS[$SLURM_ARRAY_TASK_ID]}",
            "",
            "# exec: series12 itself becomes the task's process, so that",
            "#   scancel --full --signal=STOP <job>_<task>   pauses it and --signal=CONT resumes it",
            "# ('series12 watch' does this with the space key); SIGTERM at the time limit makes it",
            "# checkpoint its κ as interrupted ('series12 resume' continues it bit for bit).",
            "exec \(Self.shellWord(binary)) sweep --task --headless \\",
            "    --kappas \"$KAPPA\" --stamp \(stamp) --out \(Self.shellWord(directory)) --name \(sweep)"
                + (taskOptions.isEmpty ? "" : " \\"),
        ]
        if !taskOptions.isEmpty { lines.append("    " + taskOptions.map(Self.shellWord).joined(separator: " ")) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The combine job's batch script (submitted with `--dependency=afterany:<array job>`).
    public func combineScript(binary: String, version: String) -> String {
        var lines = [
            "#!/bin/bash",
            "# series12 \(version): tier 3 of sweep '\(sweep)', stamp \(stamp).",
            "# Runs once every array task has ended, however it ended (afterany): builds",
            "# \(ArchiveNaming.tier3Summary(sweep: sweep, stamp: stamp)) (every κ's data.json, the manifest of every",
            "# archive, the tasks' tier-1 logs merged) and lists any κ that is missing or unfinished.",
            "#SBATCH --job-name=s12-\(sweep)-combine",
            "#SBATCH --ntasks=1",
            "#SBATCH --cpus-per-task=1",
            "#SBATCH --output=\(directory)/\(ClusterFiles.combineOutput(sweep: sweep, stamp: stamp))",
        ]
        lines += directives()
        lines += [
            "",
            "exec \(Self.shellWord(binary)) combine \(Self.shellWord(directory)) --stamp \(stamp) --name \(sweep) \\",
            "    --kappas \(kappaTexts.joined(separator: ",")) --tasks-ended" + (configuration.ascii ? " --ascii" : ""),
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    private func directives() -> [String] {
        var lines: [String] = []
        if let partition { lines.append("#SBATCH --partition=\(partition)") }
        if let time { lines.append("#SBATCH --time=\(time)") }
        lines += sbatchArguments.map { "#SBATCH \($0)" }
        return lines
    }

    /// `word` as one shell word: bare when it holds only safe characters, else single-quoted.
    static func shellWord(_ word: String) -> String {
        let safe = !word.isEmpty && word.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_./=+:,@%".contains($0)) }
        return safe ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
