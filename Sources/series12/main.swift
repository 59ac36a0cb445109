import Foundation
import Series12Sweep

// The thin front door: pick a command, run it, map its outcome to an exit status
// (0 success, 1 a run or check failed, 2 bad usage, 130 interrupted).
// A reader that goes away (`series12 sweep | head`) must not kill a sweep mid-checkpoint:
// writes to a closed pipe fail with EPIPE instead, and the archives carry on.
signal(SIGPIPE, SIG_IGN)
let arguments = Array(CommandLine.arguments.dropFirst())
let status: Int32
do {
    status = try Command.run(arguments)
} catch let error as UsageError {
    Terminal.write("series12: \(error.message)\n", to: STDERR_FILENO)
    status = 2
} catch {
    Terminal.write("series12: \(error)\n", to: STDERR_FILENO)
    status = 1
}
exit(status)
