/// Bad input from the user: one line on stderr that says what to do, exit status 2, no file
/// touched (SPEC §2).
public struct UsageError: Error, CustomStringConvertible, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
