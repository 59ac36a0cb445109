/// A member name that a flat Series 12 archive must not hold.
public struct TarMemberNameError: Error, CustomStringConvertible, Equatable {
    public var name: String
    public var reason: String

    public init(name: String, reason: String) {
        self.name = name
        self.reason = reason
    }

    public var description: String {
        "member name \"\(name)\" \(reason); archives are flat (SPEC §4): give the member a plain file name"
    }
}
