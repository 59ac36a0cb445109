import Foundation
import Series12Cluster
import Series12Sweep

/// `series12 combine DIR --stamp S [--name NAME] [--kappas LIST] [--tasks-ended] [--ascii]`:
/// tier 3 of a cluster sweep from the archives and task logs its array tasks left. Exit 0
/// when every κ is done and tier 3 is written, 1 when a κ is missing or unfinished (tier 3 is
/// still written for the κs that are there), 2 for bad usage.
enum CombineMain {
    static func run(_ arguments: [String]) throws -> Int32 {
        if arguments.contains(where: { $0 == "--help" || $0 == "-h" }) {
            print(Help.combine)
            return 0
        }
        var request = try CombineRequest.parse(arguments)
        if !Locale.isUTF8 { request.ascii = true }
        let log = Tier1Log(echo: true)
        return Combine.run(request, log: log).status
    }
}
