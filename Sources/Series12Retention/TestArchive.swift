/// One validation test's tier-2 file (SPEC §6): `test{n}_{name}_{stamp}.tar` holding
/// `test{n}_{name}_{stamp}.json` (keys `test`, `passed`, `criteria`, `measured`,
/// `parameters`, `elapsed`, chosen by the caller).
public enum TestArchive {
    /// Writes the archive; the outcome's JSON size for the `📄 … saved` line is `jsonBytes(result)`.
    public static func write(number: Int, name: String, result: JSONValue, directory: String, stamp: String,
                             writer: AtomicArchive = AtomicArchive()) -> ArchiveOutcome {
        let member = ArchiveMember(name: ArchiveNaming.testMember(number: number, name: name, stamp: stamp),
                                   bytes: result.fileBytes())
        return writer.write(members: [member], to: ArchiveNaming.testArchive(number: number, name: name, stamp: stamp),
                            in: directory, stamp: stamp)
    }

    /// Size in bytes of the JSON member as written, for `OutcomeLine.json`.
    public static func jsonBytes(_ result: JSONValue) -> Int { result.fileBytes().count }
}
