import Foundation
import Testing
import Series12Sweep

@Suite("Sweep options")
struct ConfigurationTests {
    @Test func defaultsFollowTheSpec() throws {
        let c = try SweepConfiguration.parse(["--out", "/tmp"])
        #expect(c.kappas == [0.1, 0.5, 1, 2, 5])
        #expect(c.n == 256 && c.steps == 20000 && c.every == 500 && c.cfl == 0.5 && c.c == 1 && c.length == 1)
        #expect(c.checkpointEvery == 10 && c.blowup == 1e3 && c.name == "sweep" && c.dt == nil)
    }

    @Test func bothOptionSpellingsWork() throws {
        let c = try SweepConfiguration.parse(["--N=64", "--steps", "10", "--kappas=0,1.5", "--out=/tmp", "--name", "run_1-b"])
        #expect(c.n == 64 && c.steps == 10 && c.kappas == [0, 1.5] && c.name == "run_1-b")
    }

    @Test(arguments: [
        ["--bogus", "1"], ["--N", "abc"], ["--N", "4"], ["--steps", "0"], ["--every", "0"], ["--cfl", "0"],
        ["--cfl", "-1"], ["--kappas", "0.1,-2"], ["--kappas", "0.1,nan"], ["--kappas", "0.1,inf"],
        ["--kappas", "0.1,0.10001"], ["--kappas", "1,x"], ["--dt", "inf"], ["--name", "a/b"], ["--name", "a b"],
        ["--out", "/nonexistent/dir"], ["--out", "/etc/passwd"], ["--N", "200000"], ["--jobs", "0"], ["--N"],
        ["--headless=1"], ["stray"], ["--stamp", "2026"],
    ])
    func badInputIsRejectedWithAClearMessage(_ args: [String]) {
        var arguments = args
        if !args.contains(where: { $0.hasPrefix("--out") }) { arguments += ["--out", "/tmp"] }
        #expect(throws: UsageError.self) { try SweepConfiguration.parse(arguments) }
        do {
            _ = try SweepConfiguration.parse(arguments)
        } catch {
            #expect(!error.message.isEmpty && !error.message.contains("\n"))
        }
    }
}
