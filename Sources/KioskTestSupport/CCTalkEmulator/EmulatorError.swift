/// An emulator set-up failure.
public struct EmulatorError: Error, CustomStringConvertible {
    /// What failed.
    public var description: String
    /// An error saying `description`.
    public init(_ description: String) { self.description = description }
}
