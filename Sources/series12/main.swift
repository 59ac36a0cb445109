import Foundation
import Series12Sweep

// The thin front door: pick a command, run it, map its outcome to an exit status
// (0 success, 1 a run or check failed, 2 bad usage, 130 interrupted).
let arguments = Array(CommandLine.arguments.dropFirst())
let status: Int32
do {
    status = try Command.run(arguments)
} catch let error as UsageError {
    FileHandle.standardError.write(Data("series12: \(error.message)\n".utf8))
    status = 2
} catch {
    FileHandle.standardError.write(Data("series12: \(error)\n".utf8))
    status = 1
}
exit(status)
